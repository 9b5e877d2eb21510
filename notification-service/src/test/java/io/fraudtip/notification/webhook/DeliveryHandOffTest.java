package io.fraudtip.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.SessionStatements;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's fast path and its batched recording, with a poll so long that nothing in these
 * tests can come from it: a new delivery is handed to the dispatcher in memory after its commit,
 * already leased to it, as far as its endpoint has free slots or places in its line; the answers of
 * many deliveries are recorded in one batch.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@TestProfile(DeliveryHandOffTest.NoPoll.class)
class DeliveryHandOffTest {
  private static final Logger LOG = Logger.getLogger(DeliveryHandOffTest.class);

  /**
   * The dispatcher polls once an hour: whatever it sends in a test was handed to it or claimed when
   * woken. A held request keeps its slot for a minute, so that no slot frees while a test looks;
   * four deliveries may wait in memory for a slot.
   */
  public static class NoPoll implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.webhooks.poll-interval",
          "1h",
          "fraudtip.webhooks.read-timeout",
          "60s",
          "fraudtip.webhooks.max-waiting-per-endpoint",
          "4");
    }
  }

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;
  @Inject DeliveryOutcomes outcomes;
  @Inject DeliveryClaims claims;
  @Inject WebhookDispatcher dispatcher;
  @Inject WebhookConfig config;
  @Inject EntityManager em;

  @Test
  void aNewDeliveryIsSentRightAfterItsCommitLeasedToThisInstanceWithoutWaitingForAPoll() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970406");
    // The bank holds the request: the row stays as the hand-off wrote it while it is in flight.
    endpoint.receiver().neverAnswer();
    try {
      UUID tipId = Webhooks.tip(kafka, "970406", "7900000001");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> endpoint.receiver().deliveries().size() == 1);
      assertThat(endpoint.receiver().deliveries().get(0).verified()).isTrue();
      // Written leased for exactly the lease from its creation: no claim ever took it (a claim
      // leases from its own, later time), and no other instance can take it while in flight.
      Map<String, Object> row = Webhooks.deliveryOf(db, tipId);
      assertThat(row.get("state")).isEqualTo("PENDING");
      assertThat(
              db.queryLong(
                  "SELECT (EXTRACT(EPOCH FROM next_attempt_at - created_at) * 1000)::bigint"
                      + " FROM delivery WHERE id = ?",
                  row.get("id")))
          .isEqualTo(claims.leaseMs());
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void newDeliveriesBeyondTheFreeSlotsWaitInMemoryThoseBeyondTheLineAreLeftDueNoneSentPastTheLimit()
      throws InterruptedException {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970454");
    endpoint.receiver().neverAnswer();
    int max = config.maxInFlightPerEndpoint();
    int waiting = config.maxWaitingPerEndpoint();
    int beyond = 3;
    int all = max + waiting + beyond;
    try {
      List<ProducerRecord<String, String>> records = new ArrayList<>();
      for (int i = 0; i < all; i++) {
        records.add(Webhooks.tipRecord(UUID.randomUUID(), "970454", "84000" + i));
      }
      kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));
      String ofEndpoint = "SELECT count(*) FROM delivery WHERE endpoint_id = ?::uuid";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> db.queryLong(ofEndpoint, endpoint.id()) == all);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> endpoint.receiver().deliveries().size() >= max);
      // Nothing frees a slot while the bank holds every request (for the read timeout, a minute):
      // no more than the limit reach it, however the deliveries came.
      Thread.sleep(1_000);
      assertThat(endpoint.receiver().deliveries())
          .hasSize(max)
          .allMatch(DemoBank.Delivery::verified);
      // The hand-off leased those it sent and those waiting in memory for a slot; the others were
      // written due at once, for a claim (never leased to this instance past the line).
      assertThat(
              db.queryLong(
                  ofEndpoint
                      + " AND (EXTRACT(EPOCH FROM next_attempt_at - created_at) * 1000)::bigint"
                      + " = ?",
                  endpoint.id(),
                  claims.leaseMs()))
          .isEqualTo(max + waiting);
      assertThat(
              db.queryLong(
                  ofEndpoint + " AND next_attempt_at = created_at AND last_attempt_at IS NULL",
                  endpoint.id()))
          .isEqualTo(beyond);

      // The bank answers again (the requests it held end unanswered, retries for the poll an hour
      // away). Those waiting in memory go out as slots free: no claim could take them, leased for
      // a minute and a half; then the line has emptied, and a claim takes the due ones at once.
      Set<String> held =
          endpoint.receiver().deliveries().stream()
              .map(DemoBank.Delivery::webhookId)
              .collect(Collectors.toSet());
      endpoint.receiver().reset();
      String others =
          "SELECT count(*) FROM delivery WHERE endpoint_id = ?::uuid"
              + " AND NOT (webhook_id = ANY (?::text[])) AND state = 'SUCCEEDED'";
      String heldIds = "{" + String.join(",", held) + "}";
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> db.queryLong(others, endpoint.id(), heldIds) == waiting + beyond);
      assertThat(
              endpoint.receiver().deliveries().stream().filter(d -> !held.contains(d.webhookId())))
          .hasSize(waiting + beyond)
          .allMatch(DemoBank.Delivery::verified)
          .extracting(DemoBank.Delivery::webhookId)
          .doesNotHaveDuplicates();
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void theLineOfAnEndpointItsBankDisablesIsDroppedNotSent() throws InterruptedException {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970457");
    endpoint.receiver().neverAnswer();
    int max = config.maxInFlightPerEndpoint();
    int waiting = config.maxWaitingPerEndpoint();
    try {
      List<ProducerRecord<String, String>> records = new ArrayList<>();
      for (int i = 0; i < max + waiting; i++) {
        records.add(Webhooks.tipRecord(UUID.randomUUID(), "970457", "85000" + i));
      }
      kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> endpoint.receiver().deliveries().size() >= max);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  db.queryLong(
                          "SELECT count(*) FROM delivery WHERE endpoint_id = ?::uuid",
                          endpoint.id())
                      == max + waiting);

      given()
          .auth()
          .oauth2(tokens.bank("970457"))
          .contentType(ContentType.JSON)
          .body(Map.of("active", false))
          .patch("/api/v1/endpoints/{id}", endpoint.id())
          .then()
          .statusCode(200);
      // The held requests end and free their slots: nothing waits for them any more.
      Set<String> held =
          endpoint.receiver().deliveries().stream()
              .map(DemoBank.Delivery::webhookId)
              .collect(Collectors.toSet());
      endpoint.receiver().reset();
      Thread.sleep(2_000);
      assertThat(endpoint.receiver().deliveries()).noneMatch(d -> !held.contains(d.webhookId()));
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void aDeliveryThatWaitedInMemoryUntilItsLeaseWouldEndMidRequestIsNotSentButMadeDue() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970456");
    UUID endpointId = UUID.fromString(endpoint.id());
    // Two handed over with leases that end sooner than a request may take; the second's row was
    // claimed meanwhile by another instance (a lease of its own, its request in flight there).
    UUID late = delivery(alert("970456"), endpointId, "970456");
    UUID claimedElsewhere = delivery(alert("970456"), endpointId, "970456");
    String lease =
        "UPDATE delivery SET next_attempt_at = now() + CAST(? AS interval), lease = 1,"
            + " leased = true WHERE id = ?"
            + " RETURNING floor(EXTRACT(EPOCH FROM next_attempt_at) * 1000)::bigint AS ms";
    long lateUntil = (Long) db.query(lease, "1 second", late).get(0).get("ms");
    long handOffUntil = (Long) db.query(lease, "1 second", claimedElsewhere).get(0).get("ms");
    db.update(
        "UPDATE delivery SET next_attempt_at = now() + interval '45 seconds', lease = 2"
            + " WHERE id = ?",
        claimedElsewhere);
    // The dispatcher stops meanwhile: admitting is its thread's work, never two threads at once.
    dispatcher.stop();
    try {
      DeliveryClaims.Admitted admitted =
          claims.admit(
              List.of(
                  handed(late, endpoint, lateUntil),
                  handed(claimedElsewhere, endpoint, handOffUntil)));

      assertThat(admitted.send()).isEmpty();
      assertThat(admitted.claim()).isTrue();
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM delivery WHERE id = ? AND next_attempt_at <= now()", late))
          .isOne();
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM delivery WHERE id = ? AND next_attempt_at > now()",
                  claimedElsewhere))
          .isOne();
    } finally {
      dispatcher.start();
      Webhooks.retire(db, endpoint);
    }
  }

  private static ClaimedDelivery handed(UUID delivery, Webhooks.Endpoint endpoint, long until) {
    return new ClaimedDelivery(
        delivery,
        "msg_" + delivery.toString().replace("-", ""),
        UUID.fromString(endpoint.id()),
        endpoint.receiver().url(),
        List.of(),
        "{}",
        "account.reported",
        null,
        null,
        until,
        1);
  }

  @Test
  void theAnswersOfManyDeliveriesAreRecordedInOneBatch() {
    Webhooks.Endpoint healthy = Webhooks.register(tokens, bank, "970414");
    Webhooks.Endpoint other = Webhooks.register(tokens, bank, "970414");
    Webhooks.Endpoint gone = Webhooks.register(tokens, bank, "970439");
    try {
      UUID a = UUID.fromString(healthy.id());
      UUID b = UUID.fromString(other.id());
      UUID g = UUID.fromString(gone.id());
      Instant at = Instant.now();
      List<DeliveryOutcomes.Result> results = new ArrayList<>();
      List<UUID> succeeded = new ArrayList<>();
      List<UUID> delivered = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        UUID alert = alert("970414");
        delivered.add(alert);
        UUID d = delivery(alert, a, "970414");
        succeeded.add(d);
        results.add(result(d, a, at, 200));
      }
      // One alert delivered through both of the bank's endpoints: published once.
      UUID twice = delivered.get(0);
      UUID second = delivery(twice, b, "970414");
      results.add(result(second, b, at, 204));
      List<UUID> retried = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        UUID d = delivery(alert("970414"), a, "970414");
        retried.add(d);
        results.add(result(d, a, at, 500));
      }
      // A delivery answered twice in one batch: its first attempt's lease ran out and a second
      // took it over. The first's failure is logged only; the second's success counts.
      UUID again = delivery(alert("970414"), a, "970414");
      db.update("UPDATE delivery SET lease = 1 WHERE id = ?", again);
      results.add(result(again, a, 0, at, 503));
      results.add(result(again, a, 1, at.plusSeconds(1), 200));
      UUID toGone = delivery(alert("970439"), g, "970439");
      results.add(result(toGone, g, at, 410));

      outcomes.recordAll(results);

      for (UUID d : succeeded) {
        assertThat(state(d)).containsEntry("state", "SUCCEEDED").containsEntry("attempts", 1);
      }
      for (UUID d : retried) {
        assertThat(state(d)).containsEntry("state", "PENDING").containsEntry("last_status", 500);
        assertThat(state(d).get("next_attempt_at")).isNotNull();
      }
      assertThat(state(again))
          .containsEntry("state", "SUCCEEDED")
          .containsEntry("total_attempts", 2)
          .containsEntry("last_status", 200);
      assertThat(
              db.query(
                  "SELECT attempt, outcome FROM delivery_attempt WHERE delivery_id = ? ORDER BY id",
                  again))
          .extracting(r -> r.get("attempt") + " " + r.get("outcome"))
          .containsExactly("1 FAILED", "2 SUCCESS");
      assertThat(state(toGone)).containsEntry("state", "FAILED");
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM delivery_attempt WHERE delivery_id = ANY (?::uuid[])",
                  "{"
                      + String.join(",", ids(succeeded, retried, List.of(again, toGone, second)))
                      + "}"))
          .isEqualTo(results.size());
      for (UUID alert : delivered) {
        assertThat(db.queryLong("SELECT count(*) FROM alert_delivered WHERE alert_id = ?", alert))
            .isEqualTo(1);
        assertThat(
                db.queryLong(
                    "SELECT count(*) FROM outbox_event WHERE event_id = ?",
                    DeliveryOutcomes.deliveredEventId(alert)))
            .isEqualTo(1);
      }
      // The healthy endpoint's last answer was a success; the other bank's answered 410 Gone.
      assertThat(
              db.query(
                      "SELECT failing_since, last_success_at, active FROM bank_endpoint WHERE id = ?",
                      a)
                  .get(0))
          .containsEntry("failing_since", null)
          .containsEntry("active", true);
      assertThat(
              db.query("SELECT active, disabled_reason FROM bank_endpoint WHERE id = ?", g).get(0))
          .containsEntry("active", false)
          .containsEntry("disabled_reason", "GONE");
    } finally {
      Webhooks.retire(db, healthy);
      Webhooks.retire(db, other);
      Webhooks.retire(db, gone);
    }
  }

  /**
   * Counted on the session, never timed. On main's code 20 first successes took 4 single
   * statements, 1 JDBC batch and 4 flushes (now 3, 1 and 2): the outbox query, and flushes before
   * the alerts' update and before that query, which dirty-checked every alert the update had loaded
   * as an entity. Besides, three statements on the connection by hand ({@link DeliveryRows}), which
   * the count does not see, then and now.
   */
  @Test
  void firstSuccessesAreRecordedInAFixedFewStatementsAndFlushes() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970455");
    try {
      UUID endpointId = UUID.fromString(endpoint.id());
      Instant at = Instant.now();
      List<UUID> alerts = new ArrayList<>();
      List<DeliveryOutcomes.Result> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        UUID alert = alert("970455");
        alerts.add(alert);
        results.add(result(delivery(alert, endpointId, "970455"), endpointId, at, 200));
      }

      SessionStatements counted = SessionStatements.count(em, () -> outcomes.recordAll(results));

      LOG.infof("%d first successes: %s", results.size(), counted);
      // The endpoint's health, the alerts marked delivered with their events' presence in the
      // outbox, at most one block of outbox ids; the events inserted in one batch at the commit.
      assertThat(counted.single()).isLessThanOrEqualTo(3);
      assertThat(counted.batches()).isLessThanOrEqualTo(1);
      // The endpoints' update flushes an empty session; the alerts' does not flush; the commit.
      assertThat(counted.flushes()).isLessThanOrEqualTo(2);
      for (UUID alert : alerts) {
        assertThat(db.queryLong("SELECT count(*) FROM alert_delivered WHERE alert_id = ?", alert))
            .isOne();
        assertThat(
                db.queryLong(
                    "SELECT count(*) FROM outbox_event WHERE event_id = ? AND record_key = ?",
                    DeliveryOutcomes.deliveredEventId(alert),
                    alert.toString()))
            .isOne();
      }
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM delivery WHERE endpoint_id = ? AND state = 'SUCCEEDED'",
                  endpointId))
          .isEqualTo(results.size());
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  private Map<String, Object> state(UUID delivery) {
    return db.query(
            "SELECT state, attempts, total_attempts, last_status, next_attempt_at FROM delivery"
                + " WHERE id = ?",
            delivery)
        .get(0);
  }

  /** An alert as the consumers raise it, for a test that drives the recording by itself. */
  private UUID alert(String bin) {
    UUID id = UUID.randomUUID();
    db.update(
        "INSERT INTO alert (id, source_event_id, event_type, bank_bin, account_number, sequence,"
            + " advisory, created_at, triggered_at, payload)"
            + " VALUES (?, ?, 'account.reported', ?, '7900000099', 1, true, now(), now(), '{}')",
        id,
        UUID.randomUUID(),
        bin);
    return id;
  }

  /** A delivery leased far ahead, so that no dispatcher takes it while the test records it. */
  private UUID delivery(UUID alert, UUID endpoint, String bin) {
    UUID id = UUID.randomUUID();
    db.update(
        "INSERT INTO delivery (id, webhook_id, alert_id, endpoint_id, bank_bin, event_type, state,"
            + " next_attempt_at, created_at, leased)"
            + " VALUES (?, ?, ?, ?, ?, 'account.reported', 'PENDING', now() + interval '1 day',"
            + " now(), true)",
        id,
        "msg_" + id.toString().replace("-", ""),
        alert,
        endpoint,
        bin);
    return id;
  }

  private static DeliveryOutcomes.Result result(
      UUID delivery, UUID endpoint, Instant at, int status) {
    return result(delivery, endpoint, 0, at, status);
  }

  private static DeliveryOutcomes.Result result(
      UUID delivery, UUID endpoint, int lease, Instant at, int status) {
    return new DeliveryOutcomes.Result(delivery, endpoint, lease, at, 12, status, null, "ok", null);
  }

  @SafeVarargs
  private static List<String> ids(List<UUID>... lists) {
    List<String> ids = new ArrayList<>();
    for (List<UUID> l : lists) {
      l.forEach(id -> ids.add(id.toString()));
    }
    return ids;
  }
}
