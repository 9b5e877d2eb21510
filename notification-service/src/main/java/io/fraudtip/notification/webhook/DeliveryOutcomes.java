package io.fraudtip.notification.webhook;

import io.fraudtip.commons.metrics.PlatformMetrics;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.commons.tx.AfterCommit;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.Delivery;
import io.fraudtip.notification.domain.DeliveryAttempt;
import io.fraudtip.notification.domain.DeliveryState;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an attempt's answer means, recorded in one transaction: the attempt in the log, and the
 * delivery succeeded, rescheduled (the configured schedule with jitter, or later when a 429/503
 * asks with Retry-After) or failed; and the endpoint's health ({@link EndpointHealth}): a 410
 * disables it, and so does failing without a success for the configured days.
 */
@ApplicationScoped
public class DeliveryOutcomes {
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
  private final Outbox outbox;
  private final AfterCommit afterCommit;
  private final EndpointHealth endpoints;

  DeliveryOutcomes(
      WebhookConfig config,
      EntityManager em,
      MeterRegistry registry,
      PlatformMetrics metrics,
      Outbox outbox,
      AfterCommit afterCommit,
      EndpointHealth endpoints) {
    this.config = config;
    this.em = em;
    this.registry = registry;
    this.metrics = metrics;
    this.outbox = outbox;
    this.afterCommit = afterCommit;
    this.endpoints = endpoints;
  }

  /** Records attempts' results in one transaction (one commit for many under load). */
  @Transactional
  public void recordAll(List<Result> results) {
    results.forEach(this::recordOne);
  }

  private void recordOne(Result r) {
    Delivery d = em.find(Delivery.class, r.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
    if (d == null) {
      return;
    }
    Instant now = Timestamps.now();
    DeliveryAttempt attempt = new DeliveryAttempt();
    attempt.deliveryId = d.id;
    attempt.attemptedAt = Timestamps.micros(r.at());
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
      endpoints.succeeded(r.endpointId(), now);
      firstSuccess(d, Timestamps.micros(r.at().plusMillis(r.latencyMs())));
      registry
          .timer("webhook.delivery.delay", "type", d.eventType)
          .record(Duration.between(d.createdAt, now));
    } else if (status == 410) {
      attempt.outcome = DeliveryAttempt.GONE;
      d.state = DeliveryState.FAILED;
      d.nextAttemptAt = null;
      d.completedAt = now;
      endpoints.gone(r.endpointId(), now);
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
      endpoints.failed(r.endpointId(), now);
    }
    attempt.persist();
    metrics.deliveryAttempted(attempt.outcome);
  }

  /**
   * The alert's first 2xx, over all its endpoints, retries and replays: marks it delivered and
   * publishes alert-deliveries.v1 in this transaction, and times tip-to-alert for a tip's alert.
   * The conditional update takes the alert's row lock, so two endpoints succeeding at once publish
   * once; the event id derives from the alert id, so even a repeat would be deduped downstream.
   */
  private void firstSuccess(Delivery d, Instant answeredAt) {
    int first =
        em.createNativeQuery(
                "UPDATE alert SET delivered_at = :at WHERE id = :id AND delivered_at IS NULL")
            .setParameter("at", answeredAt)
            .setParameter("id", d.alertId)
            .executeUpdate();
    if (first == 0) {
      return;
    }
    Alert alert = em.find(Alert.class, d.alertId);
    Instant triggeredAt = alert.triggeredAt != null ? alert.triggeredAt : alert.createdAt;
    UUID eventId = deliveredEventId(alert.id);
    outbox.publish(
        Topics.ALERT_DELIVERIES_V1,
        alert.id.toString(),
        CloudEvents.TYPE_ALERT_DELIVERED,
        eventId,
        new AlertDeliveredV1(
            eventId,
            alert.id,
            alert.eventType,
            alert.caseId,
            alert.tipId,
            alert.bankBin,
            alert.accountNumber,
            alert.layer,
            triggeredAt,
            answeredAt,
            d.totalAttempts));
    if (Alert.ACCOUNT_REPORTED.equals(alert.eventType) && alert.triggeredAt != null) {
      Duration latency = Duration.between(alert.triggeredAt, answeredAt);
      afterCommit.run("tip-to-alert:" + alert.id, () -> metrics.tipToAlert(latency));
    }
  }

  /** The id of an alert's alert-deliveries.v1 event: the same for every attempt and replay. */
  static UUID deliveredEventId(UUID alertId) {
    return UUID.nameUUIDFromBytes(
        ("alert-delivered:" + alertId).getBytes(StandardCharsets.US_ASCII));
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

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
