package io.fraudtip.notification.webhook;

import io.fraudtip.commons.metrics.PlatformMetrics;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.commons.tx.AfterCommit;
import io.fraudtip.commons.tx.GenericPlans;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.DeliveryAttempt;
import io.fraudtip.notification.domain.DeliveryState;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  /** The sizes of the log's columns of a bank's answer and an attempt's error (V1.1.0). */
  private static final int BODY_COLUMN = 1000;

  private static final int ERROR_COLUMN = 500;

  /**
   * The result of one attempt.
   *
   * @param deliveryId the delivery
   * @param endpointId its endpoint
   * @param lease the lease the attempt was sent under ({@link ClaimedDelivery#lease()})
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
      int lease,
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
  private final DeliveryRows rows;

  DeliveryOutcomes(
      WebhookConfig config,
      EntityManager em,
      MeterRegistry registry,
      PlatformMetrics metrics,
      Outbox outbox,
      AfterCommit afterCommit,
      EndpointHealth endpoints,
      DeliveryRows rows) {
    this.config = config;
    this.em = em;
    this.registry = registry;
    this.metrics = metrics;
    this.outbox = outbox;
    this.afterCommit = afterCommit;
    this.endpoints = endpoints;
    this.rows = rows;
  }

  /**
   * Records attempts' results in one transaction (one commit for many under load), set-based: the
   * deliveries locked and read at once, the attempts and the deliveries' new state written in one
   * statement each ({@link DeliveryRows}), the endpoints' health per endpoint, the alerts' first
   * successes in one statement. Results are applied in order: of two answers to one delivery, the
   * second finds the first's effect (the round moved on, the lease answered).
   */
  @Transactional
  public void recordAll(List<Result> results) {
    // Every statement below finds its rows by id, over arrays of the batch's ids.
    GenericPlans.use(em);
    Map<UUID, DeliveryRows.Row> deliveries =
        rows.lock(results.stream().map(Result::deliveryId).toList());
    if (deliveries.isEmpty()) {
      return;
    }
    Instant now = Timestamps.now();
    List<DeliveryRows.Attempt> attempts = new ArrayList<>(results.size());
    EndpointHealth.Answers answers = new EndpointHealth.Answers();
    Map<UUID, FirstSuccess> successes = new LinkedHashMap<>();
    for (Result r : results) {
      DeliveryRows.Row d = deliveries.get(r.deliveryId());
      if (d == null) {
        continue;
      }
      boolean current = current(r, d);
      DeliveryRows.Attempt attempt = recordOne(r, d, current, now);
      attempts.add(attempt);
      boolean success = DeliveryAttempt.SUCCESS.equals(attempt.outcome());
      // A late failure (a timeout or a 5xx after another attempt succeeded or took the delivery
      // over) says nothing of the endpoint now: it does not start the failure clock. A 410 is news
      // of now: the endpoint is gone, whatever became of this delivery.
      if (current || success || DeliveryAttempt.GONE.equals(attempt.outcome())) {
        answers.add(r.endpointId(), attempt.outcome());
      }
      if (success) {
        successes.putIfAbsent(
            d.alertId,
            new FirstSuccess(
                d.alertId, Timestamps.micros(r.at().plusMillis(r.latencyMs())), d.totalAttempts));
      }
    }
    rows.write(deliveries.values(), attempts);
    endpoints.record(answers, now);
    if (!successes.isEmpty()) {
      firstSuccesses(successes);
    }
    attempts.forEach(a -> metrics.deliveryAttempted(a.outcome()));
  }

  /**
   * Whether the answer is the one the delivery's round awaits: the delivery is still pending, no
   * other attempt took its row since this one was sent (a claim after its lease ran out, a replay),
   * and no answer under this lease was recorded yet (a batch recorded again one by one).
   *
   * <p>Recording that lags a lease behind (more than the lease's margin under load) makes every
   * answer late: a failing delivery is then sent once a lease, not by its schedule, until the
   * recorder catches up; before leases, such an answer overwrote the lease of the attempt in
   * flight.
   */
  private static boolean current(Result r, DeliveryRows.Row d) {
    return d.state == DeliveryState.PENDING && d.leased && d.lease == r.lease();
  }

  /** What an answer does to its delivery; returns its line in the log. */
  private DeliveryRows.Attempt recordOne(
      Result r, DeliveryRows.Row d, boolean current, Instant now) {
    Instant attemptedAt = Timestamps.micros(r.at());
    String error = storable(r.error(), ERROR_COLUMN);
    int status = r.status() == null ? 0 : r.status();
    boolean success = status >= 200 && status < 300;
    d.totalAttempts++;
    if (!success && !current) {
      // A late answer: the delivery is over (the bank has it, or it was given up), or it was
      // taken again since (this attempt's lease ran out and another attempt holds it, or a replay
      // started a new round). Its failure goes in the log but neither reopens the delivery nor
      // counts in, or reschedules, the round another attempt is running.
      return line(
          r, d, attemptedAt, status == 410 ? DeliveryAttempt.GONE : DeliveryAttempt.FAILED, error);
    }
    // A success counts whatever attempt brought it: the bank has the message.
    d.attempts++;
    d.leased = false;
    d.lastAttemptAt = attemptedAt;
    d.lastStatus = r.status();
    d.lastError = error != null ? error : r.status() == null ? null : "HTTP " + r.status();
    String outcome;
    if (success) {
      outcome = DeliveryAttempt.SUCCESS;
      d.lastError = null;
      d.nextAttemptAt = null;
      // A second success (a replay, a resend) keeps when the bank first had it.
      d.completedAt =
          d.state == DeliveryState.SUCCEEDED && d.completedAt != null ? d.completedAt : now;
      d.state = DeliveryState.SUCCEEDED;
      registry
          .timer("webhook.delivery.delay", "type", d.eventType)
          .record(Duration.between(d.createdAt, now));
    } else if (status == 410) {
      outcome = DeliveryAttempt.GONE;
      d.state = DeliveryState.FAILED;
      d.nextAttemptAt = null;
      d.completedAt = now;
    } else {
      List<Duration> schedule = config.retrySchedule();
      if (d.attempts >= schedule.size()) {
        outcome = DeliveryAttempt.FAILED;
        d.state = DeliveryState.FAILED;
        d.nextAttemptAt = null;
        d.completedAt = now;
      } else {
        outcome = DeliveryAttempt.RETRY;
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
    }
    return line(r, d, attemptedAt, outcome, error);
  }

  /** The attempt's line in the delivery log. */
  private DeliveryRows.Attempt line(
      Result r, DeliveryRows.Row d, Instant attemptedAt, String outcome, String error) {
    return new DeliveryRows.Attempt(
        d.id,
        d.totalAttempts,
        attemptedAt,
        r.latencyMs(),
        r.status(),
        outcome,
        storable(r.body(), Math.min(config.responseBodyLimit(), BODY_COLUMN)),
        error);
  }

  /** An alert's first 2xx in this batch: when it was answered, after how many attempts. */
  private record FirstSuccess(UUID alertId, Instant answeredAt, int attempts) {}

  /**
   * The alerts' first 2xx, over all their endpoints, retries and replays: marks them delivered and
   * publishes alert-deliveries.v1 in this transaction, and times tip-to-alert for a tip's alert.
   * The insert into {@code alert_delivered} takes the alert's key, so two endpoints succeeding at
   * once publish once (the second waits for the first's commit, then inserts nothing); the event id
   * derives from the alert id, so even a repeat would be deduped downstream.
   *
   * <p>The same statement says whether each event is in the outbox already: a recording the
   * transaction reaper aborted mid-statement can leave its outbox row behind (written outside the
   * rolled-back transaction) with the alert undelivered, and the next success must not then fail on
   * the event's unique id, leaving the delivery PENDING for good (seen in the fault suite). No
   * flush before it: it reads alerts, which this code changes only by statements, and outbox rows
   * of other transactions (this one publishes after it); the session holds at most an endpoint
   * disabled by this batch (its notice, endpoint.disabled alerts), which it does not read. Values,
   * not entities, come back: nothing to hydrate, nothing for the commit's flush to check.
   */
  private void firstSuccesses(Map<UUID, FirstSuccess> byAlert) {
    List<FirstSuccess> each = List.copyOf(byAlert.values());
    @SuppressWarnings("unchecked")
    List<Object[]> first =
        em.createNativeQuery(
                "WITH v AS (SELECT * FROM unnest(CAST(:ids AS uuid[]),"
                    + " CAST(:ats AS timestamptz[]), CAST(:events AS uuid[])) AS v(id, at, event_id)),"
                    + " first AS (INSERT INTO alert_delivered (alert_id, delivered_at)"
                    + " SELECT v.id, v.at FROM v JOIN alert ON alert.id = v.id"
                    + " ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id)"
                    + " SELECT alert.id, alert.event_type, alert.case_id, alert.tip_id,"
                    + " alert.bank_bin, alert.account_number, alert.layer,"
                    + " COALESCE(alert.triggered_at, alert.created_at) AS triggered,"
                    + " alert.triggered_at IS NOT NULL AS timed,"
                    + " EXISTS (SELECT 1 FROM outbox_event o WHERE o.event_id = v.event_id)"
                    + " AS in_outbox"
                    + " FROM first JOIN alert ON alert.id = first.alert_id"
                    + " JOIN v ON v.id = first.alert_id")
            .setParameter("ids", PgArrays.of(each.stream().map(FirstSuccess::alertId).toList()))
            .setParameter("ats", PgArrays.of(each.stream().map(FirstSuccess::answeredAt).toList()))
            .setParameter(
                "events",
                PgArrays.of(each.stream().map(s -> deliveredEventId(s.alertId())).toList()))
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList();
    // One statement for the batch's events (the relay publishes them in this order).
    List<Outbox.Message> delivered = new ArrayList<>();
    for (Object[] row : first) {
      UUID alertId = (UUID) row[0];
      String type = (String) row[1];
      FirstSuccess s = byAlert.get(alertId);
      Instant triggeredAt = Timestamps.fromColumn(row[7]);
      UUID eventId = deliveredEventId(alertId);
      // An alert about no account (endpoint.disabled) concerns no case: case-service has no use
      // for its delivery.
      if (!Boolean.TRUE.equals(row[9]) && row[5] != null) {
        delivered.add(
            new Outbox.Message(
                Topics.ALERT_DELIVERIES_V1,
                alertId.toString(),
                CloudEvents.TYPE_ALERT_DELIVERED,
                eventId,
                Json.write(
                    new AlertDeliveredV1(
                        eventId,
                        alertId,
                        type,
                        (UUID) row[2],
                        (UUID) row[3],
                        (String) row[4],
                        (String) row[5],
                        ((Number) row[6]).intValue(),
                        triggeredAt,
                        s.answeredAt(),
                        s.attempts())),
                Context.current()));
      }
      if (Alert.ACCOUNT_REPORTED.equals(type) && Boolean.TRUE.equals(row[8])) {
        Duration latency = Duration.between(triggeredAt, s.answeredAt());
        afterCommit.run("tip-to-alert:" + alertId, () -> metrics.tipToAlert(latency));
      }
    }
    outbox.publishAll(delivered);
  }

  /**
   * The id of an alert's alert-deliveries.v1 event: the same for every attempt and replay, in the
   * alert's time order. As a name-based UUID it was random, and case-service's inbox index took
   * each delivery on a random page: in two minutes at 250 tips/s, 24,000 pages read back and 8,300
   * written whole into the WAL, 2.4 ms a batch, its costliest insert.
   */
  static UUID deliveredEventId(UUID alertId) {
    return Ids.derived(alertId, "alert-delivered");
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

  /**
   * A bank's text as the log can hold it: without NUL characters, which PostgreSQL refuses in text
   * (a binary answer would otherwise fail its attempt's record every time, and the attempt would be
   * made again at each lease, never counted), and cut to its column.
   */
  static String storable(String s, int max) {
    if (s == null) {
      return null;
    }
    String text = s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    return text.length() <= max ? text : text.substring(0, max);
  }
}
