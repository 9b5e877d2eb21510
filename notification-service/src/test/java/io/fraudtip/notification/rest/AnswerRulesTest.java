package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Tips;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC §10 "Bank answers": bounded, one current answer per alert, none on a closed case. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AnswerRulesTest {
  private static final String BIN = "970415";
  private static final long PAID = 20_000_000;

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;

  @Test
  void anAnswerCannotHoldMoreThanReachedTheAccountNorRestoreMoreThanItHolds() {
    Alert a = paidAlert();
    answer(a, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 20000001}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("frozenAmountVnd"))
        .body("errors.code", containsInAnyOrder("amount.exceeds-reached"));
    answer(a, "{\"outcome\": \"RESTORED\", \"restoredAmountVnd\": 1}")
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("restoredAmountVnd"))
        .body("errors.code", containsInAnyOrder("amount.exceeds-frozen"));
    assertThat(db.queryLong("SELECT count(*) FROM alert_response WHERE alert_id = ?", a.id))
        .isZero();
  }

  @Test
  void anAnswerToAFreezeRequestHoldsNoMoreThanTheAmountTheRequestNames() {
    UUID caseId = UUID.randomUUID();
    String account = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
    Alert order = freezeOrder(caseId, UUID.randomUUID(), account, 2, 7_000_000L);

    answer(order, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 7000001}")
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("frozenAmountVnd"))
        .body("errors.code", containsInAnyOrder("amount.exceeds-reached"));
    answer(
            order,
            """
            {"outcome": "PARTLY_FROZEN", "frozenAmountVnd": 5000000, "onwardTransfers": [
              {"bankBin": "970422", "accountNumber": "0987654321", "amountVnd": 3000000,
               "at": "%s"}]}
            """
                .formatted(Instant.now().minusSeconds(60)))
        .statusCode(400)
        .body("errors.code", containsInAnyOrder("amount.exceeds-moved"));
    answer(order, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 7000000}").statusCode(202);
  }

  /**
   * An account another bank's answer traced money to is bounded by that trace: what moved in and
   * when (an alert without amounts bounded nothing: 900 M held of 20 M traced, moved on in 2021).
   */
  @Test
  void anAnswerOnATracedAccountIsBoundedByWhatTheTraceSaysMovedIn() {
    String account = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
    Instant movedIn = Instant.now().minusSeconds(1800);
    UUID eventId =
        caseEvent(
            UUID.randomUUID(),
            UUID.randomUUID(),
            CaseEventKind.ACCOUNT_TRACED,
            CaseStatus.IN_PROGRESS,
            null,
            AccountRefV1.traced(BIN, account, 2, 20_000_000L, movedIn));
    String own = "SELECT id, payload FROM alert WHERE source_event_id = ?";
    await().atMost(Duration.ofSeconds(20)).until(() -> db.query(own, eventId).size() == 1);
    Alert traced = new Alert((UUID) db.query(own, eventId).get(0).get("id"), null, account, null);
    // The bank is told what to look for.
    assertThat(String.valueOf(db.query(own, eventId).get(0).get("payload")))
        .contains("\"transfers\":[{\"amountVnd\":20000000,\"at\":\"" + movedIn + "\"}]");

    answer(traced, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 900000000}")
        .statusCode(400)
        .body("errors.code", containsInAnyOrder("amount.exceeds-reached"));
    answer(
            traced,
            """
            {"outcome": "MOVED_ON", "onwardTransfers": [
              {"bankBin": "970422", "accountNumber": "5550001111", "amountVnd": 900000000,
               "at": "2021-01-01T00:00:00Z"}]}
            """)
        .statusCode(400)
        .body("errors.code", containsInAnyOrder("time.before-transfer-in", "amount.exceeds-moved"));
    answer(traced, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 20000000}").statusCode(202);
  }

  /** Money cannot move on to the account it is in: that would alert its bank of it as a layer. */
  @Test
  void anAnswerCannotTraceTheMoneyOnToTheAccountItself() {
    Alert a = paidAlert();
    String spelt = a.account.substring(0, 4) + " " + a.account.substring(4);
    answer(
            a,
            """
            {"outcome": "MOVED_ON", "onwardTransfers": [
              {"bankBin": "%s", "accountNumber": "%s", "amountVnd": 10000000, "at": "%s"}]}
            """
                .formatted(BIN, spelt, Instant.now().minusSeconds(60)))
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("onwardTransfers[0].accountNumber"))
        .body("errors.code", containsInAnyOrder("account.same"));
    assertThat(db.queryLong("SELECT count(*) FROM alert_response WHERE alert_id = ?", a.id))
        .isZero();
  }

  @Test
  void onwardTransfersAreBoundedByWhenTheMoneyArrivedNowAndWhatMoved() {
    Alert a = paidAlert();
    Instant now = Instant.now();
    answer(
            a,
            """
            {"outcome": "PARTLY_FROZEN", "frozenAmountVnd": 5000000, "onwardTransfers": [
              {"bankBin": "970422", "accountNumber": "0987654321", "amountVnd": 8000000, "at": "%s"},
              {"bankBin": "970422", "accountNumber": "0987654322", "amountVnd": 8000000, "at": "%s"},
              {"bankBin": "970422", "accountNumber": "1-2", "amountVnd": 1, "at": "%s"}]}
            """
                .formatted(a.paidAt.minusSeconds(60), now.plusSeconds(3600), now))
        .statusCode(400)
        .body(
            "errors.field",
            containsInAnyOrder(
                "onwardTransfers[0].at",
                "onwardTransfers[1].at",
                "onwardTransfers[2].accountNumber",
                "onwardTransfers"))
        .body(
            "errors.code",
            containsInAnyOrder(
                "time.before-transfer-in",
                "time.future",
                "account.invalid",
                "amount.exceeds-moved"));
    // An onward account with nothing sent to it is no trail (fifty of them made fifty accounts of
    // the next layer).
    answer(
            a,
            """
            {"outcome": "MOVED_ON", "onwardTransfers": [
              {"bankBin": "970422", "accountNumber": "0987654321", "amountVnd": 0, "at": "%s"}]}
            """
                .formatted(now.minusSeconds(60)))
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("onwardTransfers[0].amountVnd"));

    // Within every bound, and the onward account spelt as a person types it: normalised.
    String id =
        answer(
                a,
                """
                {"outcome": "PARTLY_FROZEN", "frozenAmountVnd": 5000000, "onwardTransfers": [
                  {"bankBin": "970422", "accountNumber": " 0987.654-321 ", "amountVnd": 15000000,
                   "at": "%s"}]}
                """
                    .formatted(now))
            .statusCode(202)
            .extract()
            .path("responseId");
    AlertResponseV1 event = published(a.id, id);
    assertThat(event.onwardTransfers())
        .singleElement()
        .satisfies(t -> assertThat(t.accountNumber()).isEqualTo("0987654321"));
  }

  @Test
  void theSameFreezeSentTwiceIsOneCurrentAnswerAndRestoredCountsBeside() {
    Alert a = paidAlert();
    String frozen = "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 5000000}";
    String first = answer(a, frozen).statusCode(202).extract().path("responseId");
    String second = answer(a, frozen).statusCode(202).extract().path("responseId");
    answer(a, "{\"outcome\": \"RESTORED\", \"restoredAmountVnd\": 5000001}")
        .statusCode(400)
        .body("errors.code", containsInAnyOrder("amount.exceeds-frozen"));
    answer(a, "{\"outcome\": \"RESTORED\", \"restoredAmountVnd\": 5000000}").statusCode(202);

    // History kept: both freezes stay, the first marked replaced by the second.
    assertThat(db.queryLong("SELECT count(*) FROM alert_response WHERE alert_id = ?", a.id))
        .isEqualTo(3);
    assertThat(
            db.query(
                    "SELECT superseded_by FROM alert_response WHERE id = ?", UUID.fromString(first))
                .get(0)
                .get("superseded_by"))
        .isEqualTo(UUID.fromString(second));
    assertThat(currentSum(a, "frozen_amount_vnd")).isEqualTo(5_000_000);
    assertThat(currentSum(a, "restored_amount_vnd")).isEqualTo(5_000_000);

    // A later, smaller freeze replaces the held figure; restored stays what was returned.
    answer(a, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 2000000}").statusCode(202);
    assertThat(currentSum(a, "frozen_amount_vnd")).isEqualTo(2_000_000);
    assertThat(currentSum(a, "restored_amount_vnd")).isEqualTo(5_000_000);
  }

  /**
   * What the account holds may be told on the advisory or on the freeze order: each alert keeps its
   * own current answer (SPEC §10), and the money returned, told on either, is bounded by the most
   * held on the account.
   */
  @Test
  void theMoneyHeldOnAnAccountMayBeReturnedOnAnyOfItsAlerts() {
    Alert advisory = paidAlert();
    Alert order = freezeOrder(UUID.randomUUID(), advisory.tipId(), advisory.account(), 1, PAID);
    answer(advisory, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 20000000}").statusCode(202);
    answer(order, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 20000000}").statusCode(202);
    assertThat(currentSum(advisory, "frozen_amount_vnd")).isEqualTo(PAID);
    assertThat(currentSum(order, "frozen_amount_vnd")).isEqualTo(PAID);

    // Held on the order only; the restitution told on the advisory.
    Alert other = paidAlert();
    Alert otherOrder = freezeOrder(UUID.randomUUID(), other.tipId(), other.account(), 1, PAID);
    answer(otherOrder, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 15000000}").statusCode(202);
    answer(other, "{\"outcome\": \"RESTORED\", \"restoredAmountVnd\": 15000000}").statusCode(202);
    assertThat(accountSum(other.account(), "restored_amount_vnd")).isEqualTo(15_000_000);
  }

  /**
   * The bound is what reached the account as far as all its alerts tell: two victims' 20M each make
   * 40M, which one answer may hold; an alert that names no amount (an account a unit entered) is
   * bounded by the same, not unbounded.
   */
  @Test
  void whatReachedTheAccountIsWhatAllItsAlertsTell() {
    Alert first = paidAlert();
    paidAlert(first.account());
    answer(first, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 40000000}").statusCode(202);

    UUID entered =
        caseEvent(
            UUID.randomUUID(),
            first.tipId(),
            CaseEventKind.IDENTIFIER_ADDED,
            CaseStatus.IN_PROGRESS,
            null,
            new AccountRefV1(BIN, first.account(), 1));
    // The event's own alert (naming a tip with an alert, it also raises that alert's case.linked).
    String own =
        "SELECT id FROM alert WHERE source_event_id = ? AND event_type = 'account.reported'";
    await().atMost(Duration.ofSeconds(20)).until(() -> db.query(own, entered).size() == 1);
    UUID id = (UUID) db.query(own, entered).get(0).get("id");
    answer(
            new Alert(id, null, first.account(), null),
            "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 10000000000000}")
        .statusCode(400)
        .body("errors.code", containsInAnyOrder("amount.exceeds-reached"));
  }

  /** The current answers' sum of a column over all the account's alerts. */
  private long accountSum(String account, String column) {
    return db.queryLong(
        "SELECT coalesce(sum(r."
            + column
            + "), 0) FROM alert_response r JOIN alert a ON a.id = r.alert_id"
            + " WHERE a.bank_bin = ? AND a.account_number = ? AND r.superseded_at IS NULL",
        BIN,
        account);
  }

  @Test
  void anAnswerOnAnAlertOfAConfirmedCaseIsRefusedUntilItsUnitReopensIt() {
    Alert a = paidAlert();
    UUID caseId = UUID.randomUUID();
    caseEvent(caseId, a.tipId, CaseEventKind.CLOSED, CaseStatus.CLOSED, Closure.CONFIRMED, null);
    awaitCaseClosed(caseId, true);
    answer(a, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 1000000}")
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("case-closed"))
        .body("detail", containsString("VV-2026-000777"))
        .body("detail", containsString("CONFIRMED"));
    assertThat(db.queryLong("SELECT count(*) FROM alert_response WHERE alert_id = ?", a.id))
        .isZero();

    // A case closed as confirmed may be reopened by its unit: its alerts take answers again.
    caseEvent(caseId, a.tipId, CaseEventKind.STATUS_CHANGED, CaseStatus.IN_PROGRESS, null, null);
    awaitCaseClosed(caseId, false);
    answer(a, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 1000000}").statusCode(202);

    // Closed as confirmed again: the money the bank holds goes back to the victim, and the bank
    // says so then; nothing else is taken.
    caseEvent(caseId, a.tipId, CaseEventKind.CLOSED, CaseStatus.CLOSED, Closure.CONFIRMED, null);
    awaitCaseClosed(caseId, true);
    answer(a, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 900000}").statusCode(409);
    answer(a, "{\"outcome\": \"RESTORED\", \"restoredAmountVnd\": 1000001}").statusCode(400);
    answer(a, "{\"outcome\": \"RESTORED\", \"restoredAmountVnd\": 1000000}").statusCode(202);
  }

  /** Waits until this service holds the case as closed, or as open again. */
  private void awaitCaseClosed(UUID caseId, boolean closed) {
    String sql =
        "SELECT count(*) FROM case_state WHERE case_id = ? AND closed_at IS "
            + (closed ? "NOT NULL" : "NULL");
    await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong(sql, caseId) == 1);
  }

  /**
   * An order raised in a case that was merged since: the case that carries on decides, and once it
   * is closed the order takes no more answers.
   */
  @Test
  void anAnswerOnAnAlertOfACaseMergedIntoOneClosedSinceIsRefused() {
    UUID absorbed = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    String account = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
    Alert order = freezeOrder(absorbed, UUID.randomUUID(), account, 1, PAID);

    UUID merged = UUID.randomUUID();
    CaseEventV1 merge =
        new CaseEventV1(
            merged,
            survivor,
            "VV-2026-000778",
            CaseEventKind.MERGED,
            Instant.now(),
            CaseStatus.IN_PROGRESS,
            "PA05-56",
            null,
            List.of(),
            List.of(absorbed),
            List.of(),
            null,
            null);
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                survivor.toString(),
                merged,
                CaseEventKind.MERGED.cloudEventType(),
                Json.write(merge)))
        .awaitCompletion(Duration.ofSeconds(10));
    caseEvent(
        survivor,
        UUID.randomUUID(),
        CaseEventKind.CLOSED,
        CaseStatus.CLOSED,
        Closure.CONFIRMED,
        null);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM case_state WHERE case_id = ? AND closed_at IS NOT NULL",
                        survivor)
                    == 1);

    answer(order, "{\"outcome\": \"NO_FUNDS\"}")
        .statusCode(409)
        .body("type", endsWith("case-closed"));
  }

  @Test
  void anAnswerOnARetractedAccountIsRefused() {
    Alert a = paidAlert();
    UUID caseId = UUID.randomUUID();
    caseEvent(
        caseId,
        a.tipId,
        CaseEventKind.IDENTIFIER_DELISTED,
        CaseStatus.IN_PROGRESS,
        null,
        new AccountRefV1(BIN, a.account, 1));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM retracted_account WHERE case_id = ?", caseId)
                    == 1);
    answer(a, "{\"outcome\": \"NO_FUNDS\"}")
        .statusCode(409)
        .body("type", endsWith("alert-retracted"))
        .body("detail", containsString(BIN + ":" + a.account));

    // A review lists it again and the unit asks for a freeze: that order takes its answer.
    Alert order = freezeOrder(caseId, a.tipId, a.account, 1, PAID);
    answer(order, "{\"outcome\": \"NO_FUNDS\"}").statusCode(202);
    answer(a, "{\"outcome\": \"NO_FUNDS\"}").statusCode(409);
  }

  private long currentSum(Alert a, String column) {
    return db.queryLong(
        "SELECT coalesce(sum("
            + column
            + "), 0) FROM alert_response"
            + " WHERE alert_id = ? AND superseded_at IS NULL",
        a.id);
  }

  private record Alert(UUID id, UUID tipId, String account, Instant paidAt) {}

  /** An alert for an account a tip says 20,000,000 VND reached. */
  private Alert paidAlert() {
    return paidAlert(String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L)));
  }

  /** An alert for {@code account}, which one more tip says 20,000,000 VND reached. */
  private Alert paidAlert(String account) {
    UUID tipId = UUID.randomUUID();
    Instant received = Instant.now();
    Webhooks.sendTip(
        kafka, tipId, UUID.randomUUID(), Tips.paying(tipId, BIN, account, PAID, received));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", tipId) > 0);
    UUID id = (UUID) db.query("SELECT id FROM alert WHERE tip_id = ?", tipId).get(0).get("id");
    return new Alert(id, tipId, account, received.minusSeconds(300)); // Tips.paying's transfer
  }

  /** The alert a unit's freeze request raised for one account of its case, holding this amount. */
  private Alert freezeOrder(UUID caseId, UUID tipId, String account, int layer, long amount) {
    UUID eventId =
        caseEvent(
            caseId,
            tipId,
            CaseEventKind.FREEZE_REQUESTED,
            CaseStatus.IN_PROGRESS,
            null,
            new AccountRefV1(BIN, account, layer, amount, Instant.now().plus(Duration.ofDays(90))));
    // The event's own alert (naming a tip with an alert, it also raises that alert's case.linked).
    String own =
        "SELECT id FROM alert WHERE source_event_id = ? AND event_type = 'freeze.requested'";
    await().atMost(Duration.ofSeconds(20)).until(() -> db.query(own, eventId).size() == 1);
    UUID id = (UUID) db.query(own, eventId).get(0).get("id");
    return new Alert(id, null, account, null);
  }

  private ValidatableResponse answer(Alert a, String body) {
    return given()
        .auth()
        .oauth2(tokens.bank(BIN))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/alerts/{id}/responses", a.id)
        .then();
  }

  private UUID caseEvent(
      UUID caseId,
      UUID tipId,
      CaseEventKind kind,
      CaseStatus status,
      Closure closure,
      AccountRefV1 account) {
    UUID eventId = UUID.randomUUID();
    CaseEventV1 event =
        new CaseEventV1(
            eventId,
            caseId,
            "VV-2026-000777",
            kind,
            Instant.now(),
            status,
            "PA05-56",
            null,
            List.of(tipId),
            List.of(),
            account == null ? List.of() : List.of(account),
            closure,
            null);
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                caseId.toString(),
                eventId,
                kind.cloudEventType(),
                Json.write(event)))
        .awaitCompletion(Duration.ofSeconds(10));
    return eventId;
  }

  private AlertResponseV1 published(UUID alertId, String responseId) {
    var record =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.ALERT_RESPONSES_V1,
            r ->
                r.key().equals(alertId.toString())
                    && responseId.equals(CloudEventRecords.header(r, CloudEvents.HEADER_ID)),
            Duration.ofSeconds(20));
    try {
      return Json.events().readValue(record.value(), AlertResponseV1.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
