package io.fraudtip.cases.freezes;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Freezes come from police only (SPEC §10): a bank's MOVED_ON answer makes the onward account an
 * advisory for its bank; a freeze request only when the case's unit names it or its standing order
 * covers the layer.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TrailFreezesTest {
  private static final String UNIT = "PA05-66";
  private static final String BANK_B = "970422";
  private static final String BANK_C = "970415";

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  private record Case(UUID id, UUID tipId, String account) {}

  private Case aCase() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24121").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    return new Case((UUID) caseOf(db, t.tipId()).get("id"), t.tipId(), account);
  }

  private ValidatableResponse freeze(UUID caseId, String bankBin, String account, String order) {
    String etag =
        given().auth().oauth2(tokens.police(UNIT)).get("/api/v1/cases/" + caseId).header("ETag");
    return given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(
            "{\"accounts\":[{\"bankBin\":\""
                + bankBin
                + "\",\"accountNumber\":\""
                + account
                + "\"}]"
                + order
                + "}")
        .post("/api/v1/cases/" + caseId + "/freeze-requests")
        .then();
  }

  /** A bank's MOVED_ON answer on an account of the case at a layer, naming one onward account. */
  private void movedOn(Case c, String bankBin, String account, int layer, String toBin, String to) {
    movedOn(c, bankBin, account, layer, toBin, to, UUID.randomUUID(), 30_000_000);
  }

  /** The same, as an answer to the alert {@code alertId} saying {@code amount} moved on. */
  private void movedOn(
      Case c,
      String bankBin,
      String account,
      int layer,
      String toBin,
      String to,
      UUID alertId,
      long amount) {
    AlertResponseV1 r =
        new AlertResponseV1(
            UUID.randomUUID(),
            alertId,
            c.id(),
            c.tipId(),
            bankBin,
            account,
            layer,
            AlertOutcome.MOVED_ON,
            0,
            0,
            List.of(new OnwardTransferV1(toBin, to, amount, Instant.now().minusSeconds(60))),
            "Tiền đã chuyển đi",
            Instant.now());
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.ALERT_RESPONSES_V1,
                r.alertId().toString(),
                UUID.randomUUID(),
                CloudEvents.TYPE_ALERT_RESPONSE,
                Json.write(r)))
        .awaitCompletion(Duration.ofSeconds(10));
  }

  private CaseEventV1 await(UUID caseId, CaseEventKind kind, String account) {
    return TestTips.event(
        CloudEventRecords.awaitFirst(
                kafka,
                Topics.CASES_V1,
                r ->
                    r.key().equals(caseId.toString())
                        && r.value().contains("\"kind\":\"" + kind + "\"")
                        && r.value().contains(account),
                Duration.ofSeconds(30))
            .value());
  }

  private long freezesOf(String account) {
    return db.queryLong("SELECT count(*) FROM account_freeze WHERE account_number = ?", account);
  }

  private long freezeEvents(UUID caseId) {
    return db.queryLong(
        "SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = ?",
        caseId.toString(),
        CaseEventKind.FREEZE_REQUESTED.cloudEventType());
  }

  @Test
  void withoutAStandingOrderATracedAccountIsAnAdvisoryUntilTheUnitNamesIt() {
    Case c = aCase();
    String b = TestTips.account();
    movedOn(c, TestTips.VCB, c.account(), 1, BANK_B, b);

    CaseEventV1 traced = await(c.id(), CaseEventKind.ACCOUNT_TRACED, b);
    assertThat(traced.accounts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.bankBin()).isEqualTo(BANK_B);
              assertThat(a.accountNumber()).isEqualTo(b);
              assertThat(a.layer()).isEqualTo(2);
              // What moved on to it and when: what its bank's answer is bounded by.
              assertThat(a.tracedInVnd()).isEqualTo(30_000_000L);
              assertThat(a.tracedInAt()).isBefore(Instant.now().minusSeconds(30));
              assertThat(a.holdAmountVnd()).isNull();
            });
    assertThat(traced.tracedByBankBin()).isEqualTo(TestTips.VCB);
    assertThat(traced.authorisation()).isNull();
    assertThat(freezeEvents(c.id())).isZero();
    assertThat(freezesOf(b)).isZero();

    // The unit names the traced account: now a freeze request, holding what moved on to it.
    freeze(c.id(), BANK_B, b, "").statusCode(200);
    CaseEventV1 freeze = await(c.id(), CaseEventKind.FREEZE_REQUESTED, b);
    AccountRefV1 held = freeze.accounts().get(0);
    assertThat(held.layer()).isEqualTo(2);
    assertThat(held.holdAmountVnd()).isEqualTo(30_000_000L);
    assertThat(held.holdExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(89)));
    assertThat(freeze.authorisation().unitCode()).isEqualTo(UNIT);
    assertThat(freeze.authorisation().standingOrder()).isFalse();
    assertThat(freeze.tracedByBankBin()).isNull();

    // The unit's request is a police confirmation of the account (SPEC §10): HIGH, and why.
    given()
        .auth()
        .oauth2(tokens.bank(BANK_B))
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", BANK_B + ":" + b)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("riskLevel", equalTo("HIGH"))
        .body("reasons.text", hasItem("confirmed by " + UNIT));
  }

  /**
   * An answer sent again under a new response id, then corrected, supersedes the one before (SPEC
   * §10): the onward account is announced to its bank once, and a freeze holds what the current
   * answer says reached it, not the sum of every answer.
   */
  @Test
  void anAnswerSentAgainTracesOnceAndItsCorrectionSetsTheHold() {
    Case c = aCase();
    String b = TestTips.account();
    UUID alert = UUID.randomUUID();
    movedOn(c, TestTips.VCB, c.account(), 1, BANK_B, b, alert, 30_000_000);
    await(c.id(), CaseEventKind.ACCOUNT_TRACED, b);
    movedOn(c, TestTips.VCB, c.account(), 1, BANK_B, b, alert, 30_000_000);
    movedOn(c, TestTips.VCB, c.account(), 1, BANK_B, b, alert, 20_000_000);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM bank_response WHERE alert_id = ?", alert) == 3);

    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = ?",
                c.id().toString(),
                CaseEventKind.ACCOUNT_TRACED.cloudEventType()))
        .isOne();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM identifier_evidence WHERE value = ? AND kind = 'TRACED'",
                BANK_B + ":" + b))
        .isOne();
    freeze(c.id(), BANK_B, b, "")
        .statusCode(200)
        .body("freezeRequests[0].accounts[0].holdAmountVnd", equalTo(20_000_000));
  }

  @Test
  void aStandingOrderFreezesTracedAccountsUpToItsLayerAndNoFurther() {
    Case c = aCase();
    String requestId =
        freeze(
                c.id(),
                TestTips.VCB,
                c.account(),
                ",\"followTrail\":true,\"maxLayer\":2,\"until\":\""
                    + Instant.now().plus(Duration.ofDays(7))
                    + "\"")
            .statusCode(200)
            .body("freezeRequests[0].followTrail", equalTo(true))
            .body("freezeRequests[0].maxLayer", equalTo(2))
            .body("freezeRequests[0].accounts[0].holdAmountVnd", equalTo(50_000_000))
            .extract()
            .path("freezeRequests[0].id");

    String b = TestTips.account();
    movedOn(c, TestTips.VCB, c.account(), 1, BANK_B, b);
    CaseEventV1 freezeB = await(c.id(), CaseEventKind.FREEZE_REQUESTED, b);
    assertThat(freezeB.accounts())
        .extracting(AccountRefV1::accountNumber, AccountRefV1::layer, AccountRefV1::holdAmountVnd)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(b, 2, 30_000_000L));
    assertThat(freezeB.authorisation().requestId()).isEqualTo(UUID.fromString(requestId));
    assertThat(freezeB.authorisation().unitCode()).isEqualTo(UNIT);
    assertThat(freezeB.authorisation().standingOrder()).isTrue();
    assertThat(freezeB.tracedByBankBin()).isEqualTo(TestTips.VCB);
    // The advisory goes out as well, naming the tracing bank.
    assertThat(await(c.id(), CaseEventKind.ACCOUNT_TRACED, b).tracedByBankBin())
        .isEqualTo(TestTips.VCB);

    // Bank B answers that the money moved on again: layer 3 is beyond the order.
    String cc = TestTips.account();
    movedOn(c, BANK_B, b, 2, BANK_C, cc);
    CaseEventV1 tracedC = await(c.id(), CaseEventKind.ACCOUNT_TRACED, cc);
    assertThat(tracedC.accounts())
        .extracting(AccountRefV1::bankBin, AccountRefV1::accountNumber, AccountRefV1::layer)
        .containsExactly(tuple(BANK_C, cc, 3));
    assertThat(tracedC.tracedByBankBin()).isEqualTo(BANK_B);
    assertThat(freezesOf(cc)).isZero();
    assertThat(freezeEvents(c.id())).isEqualTo(2);

    given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .get("/api/v1/cases/" + c.id())
        .then()
        .body("freezeRequests[0].accounts.size()", equalTo(2))
        .body("freezeRequests[0].accounts[1].accountNumber", equalTo(b))
        .body("freezeRequests[0].accounts[1].byStandingOrder", equalTo(true));
  }

  @Test
  void anExpiredStandingOrderLeavesOnlyTheAdvisory() {
    Case c = aCase();
    freeze(c.id(), TestTips.VCB, c.account(), ",\"followTrail\":true,\"maxLayer\":3")
        .statusCode(200)
        .body("freezeRequests[0].until", org.hamcrest.Matchers.notNullValue());
    db.update(
        "UPDATE freeze_request SET trail_until = now() - interval '1 minute' WHERE case_id = ?",
        c.id());

    String b = TestTips.account();
    movedOn(c, TestTips.VCB, c.account(), 1, BANK_B, b);
    await(c.id(), CaseEventKind.ACCOUNT_TRACED, b);
    assertThat(freezesOf(b)).isZero();
    assertThat(freezeEvents(c.id())).isEqualTo(1);
  }

  @Test
  void aStandingOrderIsBoundedInDepthAndTime() {
    Case c = aCase();
    String in8Days = "\"" + Instant.now().plus(Duration.ofDays(8)) + "\"";
    String[][] refused = {
      {",\"followTrail\":true,\"maxLayer\":1", "maxLayer", "freeze.max-layer.range"},
      {",\"followTrail\":true,\"maxLayer\":6", "maxLayer", "freeze.max-layer.range"},
      {",\"followTrail\":true", "maxLayer", "freeze.max-layer.required"},
      {
        ",\"followTrail\":true,\"maxLayer\":2,\"until\":\"" + Instant.now().minusSeconds(60) + "\"",
        "until",
        "freeze.until.past"
      },
      {
        ",\"followTrail\":true,\"maxLayer\":2,\"until\":\""
            + Instant.now().plus(Duration.ofDays(31))
            + "\"",
        "until",
        "freeze.until.too-far"
      },
      {",\"maxLayer\":2", "maxLayer", "freeze.standing-order-only"},
      {",\"followTrail\":false,\"until\":" + in8Days, "until", "freeze.standing-order-only"},
    };
    for (String[] r : refused) {
      freeze(c.id(), TestTips.VCB, c.account(), r[0])
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(r[1]))
          .body("errors[0].code", equalTo(r[2]));
    }
    assertThat(db.queryLong("SELECT count(*) FROM freeze_request WHERE case_id = ?", c.id()))
        .isZero();
    assertThat(freezeEvents(c.id())).isZero();
  }
}
