package io.fraudtip.cases.messaging;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.alerts.OnwardTransferV1;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertResponsesConsumerTest {
  @Inject TipLinking cases;
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;

  private void send(AlertResponseV1 r) {
    var record =
        CloudEventRecords.of(
            Topics.ALERT_RESPONSES_V1,
            r.alertId().toString(),
            UUID.randomUUID(),
            CloudEvents.TYPE_ALERT_RESPONSE,
            Json.write(r));
    // Twice: the second delivery must have no effect.
    kafka.produceStrings().fromRecords(record, record).awaitCompletion(Duration.ofSeconds(10));
  }

  private static AlertResponseV1 answer(
      UUID caseId,
      UUID tipId,
      String account,
      AlertOutcome outcome,
      long frozen,
      long restored,
      List<OnwardTransferV1> onward) {
    return new AlertResponseV1(
        UUID.randomUUID(),
        UUID.randomUUID(),
        caseId,
        tipId,
        TestTips.VCB,
        account,
        1,
        outcome,
        frozen,
        restored,
        onward,
        "Ngân hàng trả lời",
        Instant.now());
  }

  @Test
  void heldAndRestoredAmountsEnterTheCaseAndMovedOnMoneyBecomesTheNextLayer() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");

    send(answer(caseId, t.tipId(), account, AlertOutcome.PARTLY_FROZEN, 20_000_000, 0, List.of()));
    // No case id: found through the alerted account.
    send(answer(null, null, account, AlertOutcome.RESTORED, 0, 5_000_000, List.of()));
    String onward = TestTips.account();
    send(
        answer(
            caseId,
            t.tipId(),
            account,
            AlertOutcome.MOVED_ON,
            0,
            0,
            List.of(new OnwardTransferV1("970422", onward, 30_000_000, Instant.now()))));

    awaitAnswers(caseId, 3);
    assertThat(caseOf(db, t.tipId()))
        .containsEntry("frozen_vnd", 20_000_000L)
        .containsEntry("restored_vnd", 5_000_000L);
    CaseEventV1 traced = assertFollowedToLayerTwo(caseId, onward);
    assertThat(traced.tipIds()).containsExactly(t.tipId());
  }

  @Test
  void aPartlyFrozenAnswerWithOnwardTransfersHoldsTheAmountAndFollowsTheRestToTheNextLayer() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");

    String onward = TestTips.account();
    send(
        answer(
            caseId,
            t.tipId(),
            account,
            AlertOutcome.PARTLY_FROZEN,
            20_000_000,
            0,
            List.of(new OnwardTransferV1("970422", onward, 30_000_000, Instant.now()))));

    awaitAnswers(caseId, 1);
    assertThat(caseOf(db, t.tipId())).containsEntry("frozen_vnd", 20_000_000L);
    assertFollowedToLayerTwo(caseId, onward);
  }

  /**
   * The onward account (at bank 970422) joined the case at layer 2 and its bank got an advisory
   * naming the tracing bank, not a freeze request: only a police unit asks for freezes (SPEC §10).
   * Returns that ACCOUNT_TRACED event.
   */
  private CaseEventV1 assertFollowedToLayerTwo(UUID caseId, String onward) {
    assertThat(
            db.query(
                    "SELECT case_id, layer FROM case_identifier WHERE value = ?",
                    "970422:" + onward)
                .get(0))
        .containsEntry("case_id", caseId)
        .containsEntry("layer", 2);

    CaseEventV1 traced =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r -> r.key().equals(caseId.toString()) && r.value().contains("ACCOUNT_TRACED"),
                    Duration.ofSeconds(20))
                .value());
    assertThat(traced.accounts())
        .extracting(AccountRefV1::bankBin, AccountRefV1::accountNumber, AccountRefV1::layer)
        .containsExactly(tuple("970422", onward, 2));
    assertThat(traced.tracedByBankBin()).isEqualTo(TestTips.VCB);
    // Written in the same transaction as the advisory, had there been one.
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = ?",
                caseId.toString(),
                CaseEventKind.FREEZE_REQUESTED.cloudEventType()))
        .isZero();
    return traced;
  }

  private static AlertResponseV1 again(AlertResponseV1 r, AlertOutcome outcome, long frozen) {
    return new AlertResponseV1(
        UUID.randomUUID(),
        r.alertId(),
        r.caseId(),
        r.tipId(),
        r.bankBin(),
        r.accountNumber(),
        r.layer(),
        outcome,
        frozen,
        0,
        List.of(),
        r.note(),
        r.respondedAt().plusSeconds(60));
  }

  @Test
  void theSameFreezeUnderThreeResponseIdsCountsOnceAndALaterAnswerReplacesIt() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    // Answered in a quarter no other test reports on, so that its statistics are this case's.
    Instant quarter = Instant.parse("2011-02-01T03:00:00Z");
    AlertResponseV1 first =
        new AlertResponseV1(
            UUID.randomUUID(),
            UUID.randomUUID(),
            caseId,
            t.tipId(),
            TestTips.VCB,
            account,
            1,
            AlertOutcome.FROZEN,
            5_000_000,
            0,
            List.of(),
            "Đã phong tỏa",
            quarter);

    send(first);
    send(again(first, AlertOutcome.FROZEN, 5_000_000));
    send(again(again(first, AlertOutcome.FROZEN, 5_000_000), AlertOutcome.FROZEN, 5_000_000));
    awaitAnswers(caseId, 3);
    assertThat(caseOf(db, t.tipId())).containsEntry("frozen_vnd", 5_000_000L);
    assertThat(heldIn2011Q1()).isEqualTo(5_000_000);
    // The timeline keeps every answer.
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'BANK_RESPONSE'",
                caseId))
        .isEqualTo(3);

    send(again(first, AlertOutcome.PARTLY_FROZEN, 2_000_000));
    awaitAnswers(caseId, 4);
    assertThat(caseOf(db, t.tipId())).containsEntry("frozen_vnd", 2_000_000L);
    assertThat(heldIn2011Q1()).isEqualTo(2_000_000);
  }

  /**
   * An answer says what the bank did with the account's money, whichever alert it answers: 30M
   * held, told on the advisory and again on the freeze order, is 30M held. Answers to different
   * alerts travel on different partitions: an older one arriving last does not replace the newer.
   */
  @Test
  void answersAboutOneAccountToTwoAlertsAreOneHeldAmount() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    AlertResponseV1 advisory =
        answer(caseId, t.tipId(), account, AlertOutcome.FROZEN, 30_000_000, 0, List.of());
    // Another alert of the same account (the freeze order's): answer() gives each its own id.
    AlertResponseV1 onOrder =
        answer(caseId, null, account, AlertOutcome.FROZEN, 30_000_000, 0, List.of());
    send(advisory);
    send(onOrder);
    awaitAnswers(caseId, 2);
    assertThat(caseOf(db, t.tipId())).containsEntry("frozen_vnd", 30_000_000L);

    AlertResponseV1 older =
        answer(caseId, null, account, AlertOutcome.PARTLY_FROZEN, 10_000_000, 0, List.of());
    send(older);
    awaitAnswers(caseId, 3);
    assertThat(caseOf(db, t.tipId())).containsEntry("frozen_vnd", 30_000_000L);
  }

  /** What the statistics API shows an operator (who sees every unit) as held in 2011 Q1. */
  private long heldIn2011Q1() {
    List<Number> held =
        given()
            .auth()
            .oauth2(tokens.operator("ops"))
            .accept("application/json")
            .queryParam("groupBy", "PROVINCE")
            .queryParam("period", "QUARTER")
            .queryParam("from", "2011-01-01")
            .queryParam("to", "2011-04-01")
            .get("/api/v1/statistics")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("rows.frozenVnd", Number.class);
    return held.stream().mapToLong(Number::longValue).sum();
  }

  @Test
  void anAnswerOnACaseClosedAsUnfoundedIsRecordedAsRefusedAndMovesNothing() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    db.update(
        "UPDATE fraud_case SET stage = 'CLOSED', status = 'CLOSED', closure = 'UNFOUNDED',"
            + " closed_at = now() WHERE id = ?",
        caseId);

    String onward = TestTips.account();
    send(
        answer(
            caseId,
            t.tipId(),
            account,
            AlertOutcome.PARTLY_FROZEN,
            9_000_000,
            0,
            List.of(new OnwardTransferV1("970422", onward, 30_000_000, Instant.now()))));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM case_timeline WHERE case_id = ?"
                            + " AND kind = 'BANK_RESPONSE' AND detail LIKE '%refused%'",
                        caseId)
                    == 1);
    assertThat(caseOf(db, t.tipId())).containsEntry("frozen_vnd", 0L);
    assertThat(db.queryLong("SELECT count(*) FROM bank_response WHERE case_id = ?", caseId))
        .isZero();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_identifier WHERE value = ?", "970422:" + onward))
        .isZero();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE topic = ? AND record_key = ?"
                    + " AND event_type LIKE '%freeze_requested%'",
                Topics.CASES_V1, caseId.toString()))
        .isZero();
  }

  /**
   * The bank answered the alert of a tip before this service linked the tip (lagging, or starting):
   * the answer waits for the tip's case instead of going to the dead-letter topic for good.
   */
  @Test
  void anAnswerThatComesBeforeItsTipWaitsForTheTipsCase() throws Exception {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 50_000_000).build();
    // Through the fast path the alert names no case, and the account is in none yet.
    send(answer(null, t.tipId(), account, AlertOutcome.FROZEN, 20_000_000, 0, List.of()));
    Thread.sleep(1_500);
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");

    awaitAnswers(caseId, 1);
    assertThat(caseOf(db, t.tipId())).containsEntry("frozen_vnd", 20_000_000L);
  }

  /**
   * Money traced to an account of a case closed as confirmed: that case is reopened by its unit
   * only, so the trail does not merge it into the open one; both timelines say where it went.
   */
  @Test
  void aTrailIntoAConfirmedCasesAccountLeavesThatCaseClosed() {
    String mule = TestTips.account();
    TipReceivedV1 earlier = tip().in("66", "24133").paid(mule, 10_000_000).build();
    cases.onTip(UUID.randomUUID(), earlier);
    Map<String, Object> closed = caseOf(db, earlier.tipId());
    TestTips.close(tokens, (UUID) closed.get("id"), (String) closed.get("unit_code"), "CONFIRMED");
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");

    send(
        answer(
            caseId,
            t.tipId(),
            account,
            AlertOutcome.MOVED_ON,
            0,
            0,
            List.of(new OnwardTransferV1(TestTips.VCB, mule, 30_000_000, Instant.now()))));
    awaitAnswers(caseId, 1);

    assertThat(db.query("SELECT * FROM fraud_case WHERE id = ?", closed.get("id")).get(0))
        .containsEntry("stage", "CLOSED")
        .containsEntry("closure", "CONFIRMED")
        .containsEntry("merged_into", null);
    assertThat(caseOf(db, t.tipId()).get("id")).isEqualTo(caseId);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'REFERS_TO'",
                caseId))
        .isEqualTo(1);
  }

  @Test
  void anAnswerForNoKnownCaseGoesToTheDeadLetterTopic() {
    // Naming no tip either: nothing is on its way that could bring its case.
    AlertResponseV1 orphan =
        answer(UUID.randomUUID(), null, "1", AlertOutcome.FROZEN, 1, 0, List.of());
    send(orphan);
    var dead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.ALERT_RESPONSES_V1, "case-service"),
            r -> orphan.alertId().toString().equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).contains("no case");
  }

  @Test
  void aRecordOfAnotherTypeIsSkippedUnreadNeitherDeadLetteredNorRecorded() {
    AlertResponseV1 r =
        answer(UUID.randomUUID(), null, TestTips.account(), AlertOutcome.FROZEN, 1, 0, List.of());
    String key = r.alertId().toString();
    String other = "io.fraudtip.alert.restored.v1";
    UUID skippedId = UUID.randomUUID();
    // Read, the first would not parse and the second names no known case: both would be
    // dead-lettered. The poison record of the used type after them, on the same key (one
    // partition, in order), is the first of the key on the dead-letter topic.
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.ALERT_RESPONSES_V1, key, UUID.randomUUID(), other, "{skipped, not json"),
            CloudEventRecords.of(Topics.ALERT_RESPONSES_V1, key, skippedId, other, Json.write(r)),
            CloudEventRecords.of(
                Topics.ALERT_RESPONSES_V1,
                key,
                UUID.randomUUID(),
                CloudEvents.TYPE_ALERT_RESPONSE,
                "{sentinel, not json"))
        .awaitCompletion(Duration.ofSeconds(10));
    var firstDead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.ALERT_RESPONSES_V1, "case-service"),
            rec -> key.equals(rec.key()),
            Duration.ofSeconds(30));
    assertThat(firstDead.value()).startsWith("{sentinel");
    assertThat(db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", skippedId))
        .isZero();
    assertThat(db.queryLong("SELECT count(*) FROM bank_response WHERE alert_id = ?", r.alertId()))
        .isZero();
  }

  /** Waits until the case holds this many bank answers. */
  private void awaitAnswers(UUID caseId, long count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM bank_response WHERE case_id = ?", caseId)
                    == count);
  }
}
