package io.fraudtip.notification.webhook;

import io.fraudtip.commons.db.ScalarRows;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.Ids;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.DeliveryAttempt;
import io.fraudtip.notification.domain.EndpointDisabled;
import io.fraudtip.notification.domain.OperatorNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Event<EndpointDisabled> disabled;

  EndpointHealth(WebhookConfig config, EntityManager em, Event<EndpointDisabled> disabled) {
    this.config = config;
    this.em = em;
    this.disabled = disabled;
  }

  /**
   * The answers of a batch of attempts, per endpoint: what the batch ends with for each, as if the
   * answers had been recorded one by one (the last of success and failure counts; a 410 disables).
   */
  static final class Answers {
    private final Map<UUID, String> last = new LinkedHashMap<>();
    private final Set<UUID> succeeded = new LinkedHashSet<>();
    private final Set<UUID> gone = new LinkedHashSet<>();

    /** Notes an attempt's outcome ({@link DeliveryAttempt}'s SUCCESS, RETRY, FAILED or GONE). */
    void add(UUID endpointId, String outcome) {
      if (DeliveryAttempt.GONE.equals(outcome)) {
        gone.add(endpointId);
        return;
      }
      if (DeliveryAttempt.SUCCESS.equals(outcome)) {
        succeeded.add(endpointId);
      }
      last.put(endpointId, outcome);
    }

    /** The endpoints whose last answer in the batch (410 aside) was a failure. */
    private List<UUID> failing() {
      return last.entrySet().stream()
          .filter(e -> !DeliveryAttempt.SUCCESS.equals(e.getValue()))
          .map(Map.Entry::getKey)
          .toList();
    }
  }

  /**
   * Records a batch's answers in a few statements for all its endpoints: successes clear the
   * failing clock, failures after them start it (and disable an endpoint failing for too long), and
   * a 410 Gone disables its endpoint at once.
   */
  void record(Answers answers, Instant now) {
    if (!answers.succeeded.isEmpty()) {
      // Written only when it changes something, so that a busy endpoint's row is not rewritten on
      // every delivery.
      em.createNativeQuery(
              "UPDATE bank_endpoint SET failing_since = NULL, last_success_at = :now"
                  + " WHERE id = ANY (CAST(:ids AS uuid[])) AND (failing_since IS NOT NULL"
                  + " OR last_success_at IS NULL"
                  + " OR last_success_at < CAST(:now AS timestamptz) - INTERVAL '10 seconds')")
          .setParameter("now", now)
          .setParameter("ids", PgArrays.of(answers.succeeded))
          .executeUpdate();
    }
    List<UUID> failing = answers.failing();
    if (!failing.isEmpty()) {
      em.createNativeQuery(
              "UPDATE bank_endpoint SET failing_since = :now"
                  + " WHERE id = ANY (CAST(:ids AS uuid[])) AND failing_since IS NULL")
          .setParameter("now", now)
          .setParameter("ids", PgArrays.of(failing))
          .executeUpdate();
      List<UUID> stale =
          ScalarRows.uuids(
              em.createNativeQuery(
                      "SELECT id FROM bank_endpoint WHERE id = ANY (CAST(:ids AS uuid[])) AND active"
                          + " AND failing_since <= :limit")
                  .setParameter("ids", PgArrays.of(failing))
                  .setParameter("limit", now.minus(config.disableAfter())));
      stale.forEach(id -> disable(id, BankEndpoint.DISABLED_FAILING, failingWhy(), now));
    }
    // A 410 Gone: the bank has removed the endpoint, so it is disabled at once.
    answers.gone.forEach(id -> disable(id, BankEndpoint.DISABLED_GONE, "answered 410 Gone", now));
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
    List<UUID> stale =
        ScalarRows.uuids(
            em.createNativeQuery(
                    "SELECT id FROM bank_endpoint WHERE active AND failing_since <= :limit")
                .setParameter("limit", now.minus(config.disableAfter())));
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
    Object[] row =
        (Object[])
            em.createNativeQuery("SELECT bank_bin, url FROM bank_endpoint WHERE id = :id")
                .setParameter("id", endpointId)
                .getSingleResult();
    String bin = (String) row[0];
    OperatorNotice notice = new OperatorNotice();
    notice.id = Ids.next();
    notice.kind = OperatorNotice.ENDPOINT_DISABLED;
    notice.bankBin = bin;
    notice.endpointId = endpointId;
    notice.message =
        "Webhook endpoint " + endpointId + " of bank " + bin + " disabled: it " + why + ".";
    notice.createdAt = now;
    notice.persist();
    LOG.warnf("Operators: %s", notice.message);
    // The bank's other endpoints are told (service's DisabledEndpoints), in this transaction.
    disabled.fire(
        new EndpointDisabled(endpointId, bin, (String) row[1], reason, "Disabled: it " + why, now));
  }
}
