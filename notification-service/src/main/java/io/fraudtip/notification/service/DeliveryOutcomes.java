package io.fraudtip.notification.service;

import io.fraudtip.commons.metrics.PlatformMetrics;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.Delivery;
import io.fraudtip.notification.domain.DeliveryAttempt;
import io.fraudtip.notification.domain.DeliveryState;
import io.fraudtip.notification.domain.OperatorNotice;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * What an attempt's answer means, recorded in one transaction: the attempt in the log, and the
 * delivery succeeded, rescheduled (the configured schedule with jitter, or later when a 429/503
 * asks with Retry-After) or failed; a 410 disables the endpoint, and so does failing without a
 * success for the configured days, which the operators are told about.
 */
@ApplicationScoped
public class DeliveryOutcomes {
  private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

  /**
   * The result of one attempt.
   *
   * @param deliveryId the delivery
   * @param endpointId its endpoint
   * @param at when the request started
   * @param latencyMs time to the answer or the failure
   * @param status the HTTP status, null when no answer came
   * @param retryAfter the Retry-After header, if any
   * @param body the start of the answer's body
   * @param error why no answer came
   */
  public record Result(
      UUID deliveryId,
      UUID endpointId,
      Instant at,
      long latencyMs,
      Integer status,
      String retryAfter,
      String body,
      String error) {}

  private final WebhookConfig config;
  private final EntityManager em;
  private final MeterRegistry registry;
  private final PlatformMetrics metrics;

  DeliveryOutcomes(
      WebhookConfig config, EntityManager em, MeterRegistry registry, PlatformMetrics metrics) {
    this.config = config;
    this.em = em;
    this.registry = registry;
    this.metrics = metrics;
  }

  @Transactional
  public void record(Result r) {
    Delivery d = em.find(Delivery.class, r.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
    if (d == null) {
      return;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    DeliveryAttempt attempt = new DeliveryAttempt();
    attempt.deliveryId = d.id;
    attempt.attemptedAt = r.at().truncatedTo(ChronoUnit.MICROS);
    attempt.latencyMs = r.latencyMs();
    attempt.statusCode = r.status();
    attempt.responseBody = truncate(r.body(), config.responseBodyLimit());
    attempt.error = truncate(r.error(), 500);
    d.attempts++;
    d.totalAttempts++;
    attempt.attempt = d.totalAttempts;
    d.lastAttemptAt = attempt.attemptedAt;
    d.lastStatus = r.status();
    d.lastError =
        attempt.error != null ? attempt.error : r.status() == null ? null : "HTTP " + r.status();
    int status = r.status() == null ? 0 : r.status();
    if (status >= 200 && status < 300) {
      attempt.outcome = DeliveryAttempt.SUCCESS;
      d.state = DeliveryState.SUCCEEDED;
      d.lastError = null;
      d.nextAttemptAt = null;
      d.completedAt = now;
      succeeded(r.endpointId(), now);
      registry
          .timer("webhook.delivery.delay", "type", d.eventType)
          .record(Duration.between(d.createdAt, now));
    } else if (status == 410) {
      attempt.outcome = DeliveryAttempt.GONE;
      d.state = DeliveryState.FAILED;
      d.nextAttemptAt = null;
      d.completedAt = now;
      disable(r.endpointId(), BankEndpoint.DISABLED_GONE, "answered 410 Gone", now);
    } else {
      List<Duration> schedule = config.retrySchedule();
      if (d.attempts >= schedule.size()) {
        attempt.outcome = DeliveryAttempt.FAILED;
        d.state = DeliveryState.FAILED;
        d.nextAttemptAt = null;
        d.completedAt = now;
      } else {
        attempt.outcome = DeliveryAttempt.RETRY;
        Duration wait = jittered(schedule.get(d.attempts));
        if (status == 429 || status == 503) {
          Duration asked = retryAfter(r.retryAfter(), now);
          if (asked != null) {
            asked = asked.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
          }
        }
        d.nextAttemptAt = now.plus(wait);
      }
      failed(r.endpointId(), now);
    }
    attempt.persist();
    metrics.deliveryAttempted(attempt.outcome);
  }

  /** The wait asked for by a Retry-After header (seconds or an HTTP date), or null. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private Duration jittered(Duration wait) {
    if (wait.isZero() || config.jitter() <= 0) {
      return wait;
    }
    long extra =
        (long) (wait.toMillis() * config.jitter() * ThreadLocalRandom.current().nextDouble());
    return wait.plusMillis(extra);
  }

  private void succeeded(UUID endpointId, Instant now) {
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

  private void failed(UUID endpointId, Instant now) {
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
      disable(
          endpointId,
          BankEndpoint.DISABLED_FAILING,
          "failed without a success for " + config.disableAfter().toDays() + " days",
          now);
    }
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

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
