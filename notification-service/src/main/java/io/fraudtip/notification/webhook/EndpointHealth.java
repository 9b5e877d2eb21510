package io.fraudtip.notification.webhook;

import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.OperatorNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Whether an endpoint still deserves deliveries: a 410 disables it, and so does failing without a
 * success for the configured days, which the operators are told about. Disabling is a conditional
 * update, so that with several instances only one writes the notice.
 */
@ApplicationScoped
public class EndpointHealth {
  private static final Logger LOG = Logger.getLogger(EndpointHealth.class);

  private final WebhookConfig config;
  private final EntityManager em;

  EndpointHealth(WebhookConfig config, EntityManager em) {
    this.config = config;
    this.em = em;
  }

  /** A 410 Gone: the bank has removed the endpoint, so it is disabled at once. */
  void gone(UUID endpointId, Instant now) {
    disable(endpointId, BankEndpoint.DISABLED_GONE, "answered 410 Gone", now);
  }

  /** Notes a success: the endpoint is no longer failing. */
  void succeeded(UUID endpointId, Instant now) {
    // Written only when it changes something, so that a busy endpoint's row is not rewritten on
    // every delivery.
    em.createNativeQuery(
            "UPDATE bank_endpoint SET failing_since = NULL, last_success_at = :now"
                + " WHERE id = :id AND (failing_since IS NOT NULL OR last_success_at IS NULL"
                + " OR last_success_at < CAST(:now AS timestamptz) - INTERVAL '10 seconds')")
        .setParameter("now", now)
        .setParameter("id", endpointId)
        .executeUpdate();
  }

  /** Notes a failure, and disables the endpoint once it has failed for the configured days. */
  void failed(UUID endpointId, Instant now) {
    em.createNativeQuery(
            "UPDATE bank_endpoint SET failing_since = :now WHERE id = :id AND failing_since IS NULL")
        .setParameter("now", now)
        .setParameter("id", endpointId)
        .executeUpdate();
    Instant limit = now.minus(config.disableAfter());
    int stale =
        em.createNativeQuery(
                "SELECT 1 FROM bank_endpoint WHERE id = :id AND active AND failing_since <= :limit")
            .setParameter("id", endpointId)
            .setParameter("limit", limit)
            .getResultList()
            .size();
    if (stale > 0) {
      disable(endpointId, BankEndpoint.DISABLED_FAILING, failingWhy(), now);
    }
  }

  /**
   * Disables every active endpoint that has failed without a success for the configured days, and
   * tells the operators; run on a schedule, because an endpoint whose last alert is already failed
   * gets no further attempt that would check it.
   *
   * @return the endpoints disabled
   */
  @Transactional
  public int disableLongFailingEndpoints() {
    Instant now = Timestamps.now();
    @SuppressWarnings("unchecked")
    List<UUID> stale =
        em.createNativeQuery(
                "SELECT id FROM bank_endpoint WHERE active AND failing_since <= :limit", UUID.class)
            .setParameter("limit", now.minus(config.disableAfter()))
            .getResultList();
    stale.forEach(id -> disable(id, BankEndpoint.DISABLED_FAILING, failingWhy(), now));
    return stale.size();
  }

  private String failingWhy() {
    return "failed without a success for " + config.disableAfter().toDays() + " days";
  }

  private void disable(UUID endpointId, String reason, String why, Instant now) {
    int changed =
        em.createNativeQuery(
                "UPDATE bank_endpoint SET active = false, disabled_reason = :reason,"
                    + " disabled_at = :now, updated_at = :now WHERE id = :id AND active")
            .setParameter("reason", reason)
            .setParameter("now", now)
            .setParameter("id", endpointId)
            .executeUpdate();
    if (changed == 0) {
      return;
    }
    String bin =
        (String)
            em.createNativeQuery("SELECT bank_bin FROM bank_endpoint WHERE id = :id")
                .setParameter("id", endpointId)
                .getSingleResult();
    OperatorNotice notice = new OperatorNotice();
    notice.id = UUID.randomUUID();
    notice.kind = OperatorNotice.ENDPOINT_DISABLED;
    notice.bankBin = bin;
    notice.endpointId = endpointId;
    notice.message =
        "Webhook endpoint " + endpointId + " of bank " + bin + " disabled: it " + why + ".";
    notice.createdAt = now;
    notice.persist();
    LOG.warnf("Operators: %s", notice.message);
  }
}
