package io.fraudtip.cases.messaging;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.banks.AlertDeliveries;
import io.fraudtip.cases.linking.TipEvent;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.commons.inbox.IncomingEvent;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.ConsumerSettings;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertDeliveriesConsumerTest {
  @Inject TipLinking cases;
  @Inject AlertDeliveries deliveries;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject KafkaClientService clients;
  @InjectTokens Tokens tokens;

  private void deliver(AlertDeliveredV1 d) {
    var record =
        CloudEventRecords.of(
            Topics.ALERT_DELIVERIES_V1,
            d.alertId().toString(),
            d.eventId(),
            CloudEvents.TYPE_ALERT_DELIVERED,
            Json.write(d));
    // Twice: the second delivery must have no effect.
    kafka.produceStrings().fromRecords(record, record).awaitCompletion(Duration.ofSeconds(10));
  }

  private void answer(AlertResponseV1 r) {
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.ALERT_RESPONSES_V1,
                r.alertId().toString(),
                r.responseId(),
                CloudEvents.TYPE_ALERT_RESPONSE,
                Json.write(r)))
        .awaitCompletion(Duration.ofSeconds(10));
  }

  private static AlertDeliveredV1 delivered(
      UUID alertId, UUID caseId, TipReceivedV1 t, String account, long secondsToAlert, int tries) {
    return new AlertDeliveredV1(
        UUID.randomUUID(),
        alertId,
        "account.reported",
        caseId,
        t.tipId(),
        TestTips.VCB,
        account,
        1,
        t.receivedAt(),
        t.receivedAt().plusSeconds(secondsToAlert),
        tries);
  }

  private static AlertResponseV1 answered(
      UUID alertId, UUID caseId, String account, Instant respondedAt) {
    return new AlertResponseV1(
        UUID.randomUUID(),
        alertId,
        caseId,
        null,
        TestTips.VCB,
        account,
        1,
        AlertOutcome.FROZEN,
        1_000_000,
        0,
        List.of(),
        null,
        respondedAt);
  }

  private long rows(String sql, Object... args) {
    return db.queryLong(sql, args);
  }

  @Test
  void deliveriesGoOnTheTimelineAndTheStatisticsMeasureTimeToAlertAndToAnswer() {
    // Province 04 is used by no other test; receipts an hour ago keep every time in this quarter
    // unless the quarter began within the hour.
    Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String accountA = TestTips.account();
    String accountB = TestTips.account();
    String accountC = TestTips.account();
    TipReceivedV1 a = tip().in("04", null).paid(accountA, 1_000_000).receivedAt(base).build();
    TipReceivedV1 b =
        tip().in("04", null).paid(accountB, 1_000_000).receivedAt(base.plusSeconds(5)).build();
    TipReceivedV1 c =
        tip().in("04", null).paid(accountC, 1_000_000).receivedAt(base.plusSeconds(9)).build();
    cases.onTip(UUID.randomUUID(), a);
    cases.onTip(UUID.randomUUID(), b);
    UUID caseA = (UUID) caseOf(db, a.tipId()).get("id");
    UUID caseB = (UUID) caseOf(db, b.tipId()).get("id");

    // A: delivered after 60 s and three attempts, answered 600 s later.
    UUID alertA = UUID.randomUUID();
    AlertDeliveredV1 deliveryA = delivered(alertA, caseA, a, accountA, 60, 3);
    deliver(deliveryA);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rows("SELECT count(*) FROM alert_delivery WHERE alert_id = ?", alertA) == 1);
    answer(answered(alertA, caseA, accountA, deliveryA.deliveredAt().plusSeconds(600)));

    // B: the bank's answer (1,200 s after the delivery) overtakes the delivery (180 s).
    UUID alertB = UUID.randomUUID();
    AlertDeliveredV1 deliveryB = delivered(alertB, caseB, b, accountB, 180, 1);
    answer(answered(alertB, caseB, accountB, deliveryB.deliveredAt().plusSeconds(1200)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rows("SELECT count(*) FROM bank_response WHERE alert_id = ?", alertB) == 1);
    deliver(deliveryB);

    // C: delivered (120 s) before its tip reached this service; the tip's arrival attaches it.
    UUID alertC = UUID.randomUUID();
    deliver(delivered(alertC, null, c, accountC, 120, 2));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                rows(
                        "SELECT count(*) FROM alert_delivery WHERE alert_id = ? AND case_id IS NULL",
                        alertC)
                    == 1);
    cases.onTip(UUID.randomUUID(), c);
    UUID caseC = (UUID) caseOf(db, c.tipId()).get("id");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                rows(
                        "SELECT count(*) FROM alert_delivery d JOIN bank_response r"
                            + " ON r.alert_id = d.alert_id WHERE d.alert_id IN (?, ?)",
                        alertA,
                        alertB)
                    == 2);
    assertThat(rows("SELECT count(*) FROM alert_delivery WHERE alert_id = ?", alertA)).isEqualTo(1);
    assertThat(rows("SELECT count(*) FROM alert_delivery WHERE case_id = ?", caseC)).isEqualTo(1);
    assertThat(
            db.query(
                "SELECT detail FROM case_timeline WHERE case_id = ? AND kind = 'BANK_ALERTED'",
                caseA))
        .extracting(r -> r.get("detail"))
        .containsExactly(
            "Bank "
                + TestTips.VCB
                + " alerted about account "
                + accountA
                + ", layer 1, after 3 attempts (account.reported)");
    assertThat(
            rows(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'BANK_ALERTED'",
                caseB))
        .isEqualTo(1);
    assertThat(
            db.query(
                "SELECT detail FROM case_timeline WHERE case_id = ? AND kind = 'BANK_ALERTED'",
                caseC))
        .extracting(r -> r.get("detail"))
        .containsExactly(
            "Bank "
                + TestTips.VCB
                + " alerted about account "
                + accountC
                + ", layer 1, after 2 attempts (account.reported)");

    LocalDate day = LocalDate.ofInstant(base, ZoneId.of("Asia/Ho_Chi_Minh"));
    String quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    List<Map<String, Object>> report =
        given()
            .auth()
            .oauth2(tokens.operator("ops"))
            .accept("application/json")
            .get("/api/v1/statistics?groupBy=PROVINCE")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("rows");
    Map<String, Object> row =
        report.stream()
            .filter(r -> "04".equals(r.get("group")) && quarter.equals(r.get("period")))
            .findFirst()
            .orElseThrow();
    // Alert times 60, 120, 180 s; answer times 600 and 1,200 s (C is not answered).
    assertThat(row)
        .containsEntry("alertsDelivered", 3)
        .containsEntry("medianSecondsToBankAlert", 120)
        .containsEntry("p90SecondsToBankAlert", 168)
        .containsEntry("maxSecondsToBankAlert", 180)
        .containsEntry("alertsAnswered", 2)
        .containsEntry("medianSecondsToBankAnswer", 900)
        .containsEntry("p90SecondsToBankAnswer", 1140)
        .containsEntry("maxSecondsToBankAnswer", 1200);

    String csv =
        given()
            .auth()
            .oauth2(tokens.operator("ops"))
            .accept("text/csv")
            .get("/api/v1/statistics?groupBy=PROVINCE")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.lines().findFirst().orElseThrow())
        .endsWith(
            ",alerts_delivered,median_seconds_to_bank_alert,p90_seconds_to_bank_alert,"
                + "max_seconds_to_bank_alert,alerts_answered,median_seconds_to_bank_answer,"
                + "p90_seconds_to_bank_answer,max_seconds_to_bank_answer");
    assertThat(csv.lines().filter(l -> l.startsWith(quarter + ",04,")))
        .singleElement()
        .asString()
        .endsWith(",3,120,168,180,2,900,1140,1200");
  }

  /** Deliveries on one key: one partition, read in order (and polled together). */
  private void produceOnKey(String key, AlertDeliveredV1... deliveries) {
    kafka
        .produceStrings()
        .fromRecords(
            java.util.Arrays.stream(deliveries)
                .map(
                    d ->
                        CloudEventRecords.of(
                            Topics.ALERT_DELIVERIES_V1,
                            key,
                            d.eventId(),
                            CloudEvents.TYPE_ALERT_DELIVERED,
                            Json.write(d)))
                .toList())
        .awaitCompletion(Duration.ofSeconds(10));
  }

  /** The first record of the key on alert-deliveries.v1's dead-letter topic. */
  private org.apache.kafka.clients.consumer.ConsumerRecord<String, String> firstDead(
      String key, int seconds) {
    return CloudEventRecords.awaitFirst(
        kafka,
        Topics.deadLetter(Topics.ALERT_DELIVERIES_V1, "case-service"),
        r -> key.equals(r.key()),
        Duration.ofSeconds(seconds));
  }

  @Test
  void aDeliveryForNoKnownCaseGoesToTheDeadLetterTopic() {
    AlertDeliveredV1 orphan = orphan();
    deliver(orphan);
    var dead = firstDead(orphan.alertId().toString(), 30);
    assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).contains("no case");
  }

  @Test
  void aRecordOfAnotherTypeIsSkippedUnreadNeitherDeadLetteredNorRecorded() {
    AlertDeliveredV1 d = orphan();
    String key = d.alertId().toString();
    String other = "io.fraudtip.alert.withdrawn.v1";
    // Read, the first would not parse and the second names no known case: both would be
    // dead-lettered. The poison record of the used type after them, on the same key (one
    // partition, in order), is the first of the key on the dead-letter topic.
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.ALERT_DELIVERIES_V1, key, UUID.randomUUID(), other, "{skipped, not json"),
            CloudEventRecords.of(
                Topics.ALERT_DELIVERIES_V1, key, d.eventId(), other, Json.write(d)),
            CloudEventRecords.of(
                Topics.ALERT_DELIVERIES_V1,
                key,
                UUID.randomUUID(),
                CloudEvents.TYPE_ALERT_DELIVERED,
                "{sentinel, not json"))
        .awaitCompletion(Duration.ofSeconds(10));
    var firstDead = firstDead(key, 30);
    assertThat(firstDead.value()).startsWith("{sentinel");
    assertThat(rows("SELECT count(*) FROM processed_event WHERE event_id = ?", d.eventId()))
        .isZero();
  }

  /**
   * An alert about no account (endpoint.disabled, sent to a bank's other endpoints) concerns no
   * case: its delivery is skipped, not dead-lettered. The poison record after it on the same key is
   * the first of the key on the dead-letter topic.
   */
  @Test
  void aDeliveryOfAnAlertAboutNoAccountIsSkippedNotDeadLettered() {
    UUID alertId = UUID.randomUUID();
    AlertDeliveredV1 sentinel = orphan();
    String key = alertId.toString();
    Instant now = Instant.now();
    AlertDeliveredV1 notice =
        new AlertDeliveredV1(
            UUID.randomUUID(),
            alertId,
            "endpoint.disabled",
            null,
            null,
            "970436",
            null,
            0,
            now.minusSeconds(1),
            now,
            1);
    produceOnKey(key, notice, sentinel);
    var firstDead = firstDead(key, 60);
    assertThat(firstDead.value()).contains(sentinel.alertId().toString());
    assertThat(rows("SELECT count(*) FROM alert_delivery WHERE alert_id = ?", alertId)).isZero();
  }

  @Test
  void aBatchWithOnePoisonDeliveryDeadLettersOnlyItAndStoresTheOthers() {
    TipReceivedV1 t = tip().paid(TestTips.account(), 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    AlertDeliveredV1 first = delivered(UUID.randomUUID(), caseId, t, TestTips.account(), 30, 1);
    AlertDeliveredV1 poison = orphan();
    AlertDeliveredV1 second = delivered(UUID.randomUUID(), caseId, t, TestTips.account(), 40, 1);
    // One key: one partition, polled together; the poison one fails the batch's transaction only
    // (it reads well), so the batch is taken again one record at a time.
    String key = "batch-" + UUID.randomUUID();
    produceOnKey(key, first, poison, second);

    var dead = firstDead(key, 60);
    assertThat(dead.value()).contains(poison.alertId().toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                rows(
                        "SELECT count(*) FROM alert_delivery WHERE alert_id IN (?, ?) AND case_id = ?",
                        first.alertId(),
                        second.alertId(),
                        caseId)
                    == 2);
    assertThat(rows("SELECT count(*) FROM alert_delivery WHERE alert_id = ?", poison.alertId()))
        .isZero();
    assertThat(rows("SELECT count(*) FROM processed_event WHERE event_id = ?", poison.eventId()))
        .isZero();
  }

  @Test
  void aRedeliveredBatchIsAppliedOnceWhateverEventIdsItsAlertsCome() {
    TipReceivedV1 t = tip().paid(TestTips.account(), 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    AlertDeliveredV1 a = delivered(UUID.randomUUID(), caseId, t, TestTips.account(), 30, 1);
    AlertDeliveredV1 b = delivered(UUID.randomUUID(), caseId, t, TestTips.account(), 40, 2);
    // The same alert twice in one batch, under another event id (a replay): stored once.
    List<IncomingEvent<AlertDeliveredV1>> batch =
        List.of(incoming(a.eventId(), a), incoming(b.eventId(), b), incoming(UUID.randomUUID(), a));

    deliveries.onDelivered(batch);
    deliveries.onDelivered(batch);
    deliveries.onDelivered(
        batch.stream().map(e -> incoming(UUID.randomUUID(), e.payload())).toList());

    assertThat(
            rows(
                "SELECT count(*) FROM alert_delivery WHERE alert_id IN (?, ?) AND case_id = ?",
                a.alertId(),
                b.alertId(),
                caseId))
        .isEqualTo(2);
    assertThat(
            rows(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'BANK_ALERTED'",
                caseId))
        .isEqualTo(2);
  }

  @Test
  void deliveriesWaitingForTipsOfOneBatchJoinTheCaseTheBatchLeavesThem() {
    String account = TestTips.account();
    String phone = TestTips.phone();
    TipReceivedV1 a = tip().paid(account, 1_000_000).build();
    TipReceivedV1 b = tip().phone(phone).lost(1_000_000).build();
    TipReceivedV1 both = tip().paid(account, 1_000_000).phone(phone).build();
    AlertDeliveredV1 forA = delivered(UUID.randomUUID(), null, a, account, 20, 1);
    AlertDeliveredV1 forB = delivered(UUID.randomUUID(), null, b, TestTips.account(), 25, 1);
    deliveries.onDelivered(List.of(incoming(forA.eventId(), forA), incoming(forB.eventId(), forB)));
    assertThat(
            rows(
                "SELECT count(*) FROM alert_delivery WHERE alert_id IN (?, ?) AND case_id IS NULL",
                forA.alertId(),
                forB.alertId()))
        .isEqualTo(2);

    // a and b open a case each, both merges them: the deliveries end in the surviving case.
    cases.onTips(
        List.of(
            TipEvent.of(UUID.randomUUID(), a),
            TipEvent.of(UUID.randomUUID(), b),
            TipEvent.of(UUID.randomUUID(), both)));

    UUID survivor = (UUID) caseOf(db, both.tipId()).get("id");
    assertThat(
            rows(
                "SELECT count(*) FROM alert_delivery WHERE alert_id IN (?, ?) AND case_id = ?",
                forA.alertId(),
                forB.alertId(),
                survivor))
        .isEqualTo(2);
    assertThat(
            rows(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'BANK_ALERTED'",
                survivor))
        .isEqualTo(2);
  }

  @Test
  void aDeliveryForATipInACaseIsRecordedWhileThatTipIsLockedElsewhere() throws Exception {
    String account = TestTips.account();
    TipReceivedV1 t = tip().paid(account, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    AlertDeliveredV1 d = delivered(UUID.randomUUID(), null, t, account, 10, 1);
    CompletableFuture<Void> recorded;
    try (Connection other = db.connect();
        Statement s = other.createStatement()) {
      // The tip's lock, as a transaction linking the same tip holds it (a tip delivered again).
      s.execute(tipLock("pg_advisory_lock", t.tipId()));
      recorded = recordElsewhere(d);
      // Done while the lock is held: the tip is in its case, so the delivery needs no lock.
      recorded.get(30, TimeUnit.SECONDS);
    }
    assertThat(
            rows(
                "SELECT count(*) FROM alert_delivery WHERE alert_id = ? AND case_id = ?",
                d.alertId(),
                caseId))
        .isEqualTo(1);
    assertThat(
            rows(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'BANK_ALERTED'",
                caseId))
        .isEqualTo(1);
  }

  @Test
  void aDeliveryWhoseTipIsOnItsWayWaitsForThatTipsLock() throws Exception {
    TipReceivedV1 t = tip().paid(TestTips.account(), 1_000_000).build();
    AlertDeliveredV1 d = delivered(UUID.randomUUID(), null, t, TestTips.account(), 10, 1);
    CompletableFuture<Void> recorded;
    try (Connection other = db.connect();
        Statement s = other.createStatement()) {
      s.execute(tipLock("pg_advisory_lock", t.tipId()));
      recorded = recordElsewhere(d);
      // Held by the tip's linking, the lock keeps the delivery from being stored pending beside it:
      // the delivery's transaction waits for that very lock.
      await().atMost(Duration.ofSeconds(20)).until(() -> waitersFor(t.tipId()) == 1);
      assertThat(recorded).isNotDone();
      s.execute(tipLock("pg_advisory_unlock", t.tipId()));
      recorded.get(30, TimeUnit.SECONDS);
    }
    assertThat(
            rows(
                "SELECT count(*) FROM alert_delivery WHERE alert_id = ? AND case_id IS NULL",
                d.alertId()))
        .isEqualTo(1);
  }

  /** The delivery taken in on a thread of its own, as the consumer's would. */
  private CompletableFuture<Void> recordElsewhere(AlertDeliveredV1 d) {
    return CompletableFuture.runAsync(
        () -> deliveries.onDelivered(List.of(incoming(d.eventId(), d))));
  }

  /** Transactions waiting for the tip's lock (an advisory lock's key is its classid and objid). */
  private long waitersFor(UUID tipId) {
    return rows(
        "SELECT count(*) FROM pg_locks l, (SELECT hashtextextended(?, 0) AS k) h"
            + " WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 1"
            + " AND l.classid::int8 = (h.k >> 32) & 4294967295 AND l.objid::int8 = h.k & 4294967295",
        "TIP|" + tipId);
  }

  /** The statement that takes (or gives back) a tip's lock as {@code Identifiers} keys it. */
  private static String tipLock(String function, UUID tipId) {
    return "SELECT " + function + "(hashtextextended('TIP|" + tipId + "', 0))";
  }

  private static IncomingEvent<AlertDeliveredV1> incoming(UUID eventId, AlertDeliveredV1 d) {
    return new IncomingEvent<>(eventId, d, new RecordHeaders(), Json.write(d));
  }

  /** A delivery of an alert of a case this service does not know. */
  private static AlertDeliveredV1 orphan() {
    return new AlertDeliveredV1(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "freeze.requested",
        UUID.randomUUID(),
        null,
        TestTips.VCB,
        TestTips.account(),
        2,
        Instant.now(),
        Instant.now(),
        1);
  }

  /** Off the way from a tip to its bank, so the broker may hold a fetch for more events. */
  @Test
  void deliveriesAreFetchedInFullerBatches() {
    ConsumerSettings.assertBatchFetch(clients, "alert-deliveries");
  }
}
