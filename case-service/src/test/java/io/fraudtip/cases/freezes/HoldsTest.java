package io.fraudtip.cases.freezes;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Holds are bounded (SPEC §10): the case's unit extends a hold with a stated reason and a bounded
 * new expiry, or lifts it; closing the case as unfounded or upholding a dispute on the account
 * lifts it as the platform; each change is recorded and published for the holding bank.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HoldsTest {
  private static final String UNIT = TestHolds.UNIT;
  private static final String OTHER_PROVINCE = "CAX-22366";
  private static final String REASON = "Chờ quyết định phong tỏa của Tòa án";

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  private record Held(UUID caseId, UUID holdId, UUID requestId, String account) {}

  /** A case of the unit whose victim's account is frozen at the unit's request. */
  private Held aHold() {
    TestHolds.Frozen f = TestHolds.aFrozenAccount(cases, db, tokens);
    var read =
        given()
            .auth()
            .oauth2(tokens.police(UNIT))
            .get("/api/v1/cases/" + f.caseId())
            .then()
            .extract();
    return new Held(
        f.caseId(),
        UUID.fromString(read.path("freezeRequests[0].accounts[0].holdId")),
        UUID.fromString(read.path("freezeRequests[0].id")),
        f.account());
  }

  private String etag(UUID caseId) {
    return given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .get("/api/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  private ValidatableResponse change(String unit, Held h, String action, String body) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .contentType(ContentType.JSON)
        .header("If-Match", etag(h.caseId()))
        .body(body)
        .post("/api/v1/cases/" + h.caseId() + "/holds/" + h.holdId() + "/" + action)
        .then();
  }

  private static String extension(String reason, Instant until) {
    return "{"
        + (reason == null ? "" : "\"reason\":\"" + reason + "\",")
        + "\"expiresAt\":\""
        + until
        + "\"}";
  }

  private CaseEventV1 await(UUID caseId, CaseEventKind kind) {
    return TestTips.event(
        CloudEventRecords.awaitFirst(
                kafka,
                Topics.CASES_V1,
                r ->
                    r.key().equals(caseId.toString())
                        && r.value().contains("\"kind\":\"" + kind + "\""),
                Duration.ofSeconds(30))
            .value());
  }

  private long events(UUID caseId, CaseEventKind kind) {
    return TestHolds.events(db, caseId, kind);
  }

  private List<Map<String, Object>> timeline(UUID caseId, String kind) {
    return db.query(
        "SELECT actor, detail FROM case_timeline WHERE case_id = ? AND kind = ?", caseId, kind);
  }

  @Test
  void anExtensionNeedsAReasonAndABoundedLaterExpiryAndIsRecordedAndPublished() {
    Held h = aHold();
    // Time has passed: five days of the hold are left, the moment a unit extends it.
    Instant current = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MICROS);
    db.update(
        "UPDATE account_freeze SET hold_expires_at = ? WHERE id = ?",
        java.sql.Timestamp.from(current),
        h.holdId());
    Instant until = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MILLIS);

    change(UNIT, h, "extension", extension(null, until))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("reason"));
    change(UNIT, h, "extension", extension("  ", until)).statusCode(400);
    change(UNIT, h, "extension", extension("x".repeat(501), until)).statusCode(400);
    change(UNIT, h, "extension", extension(REASON, current.minusSeconds(60)))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("expiresAt"))
        .body("errors[0].code", equalTo("hold.expires-at.not-later"));
    change(UNIT, h, "extension", extension(REASON, Instant.now().plus(Duration.ofDays(91))))
        .statusCode(400)
        .body("errors[0].code", equalTo("hold.expires-at.too-far"));
    // Another province's unit does not see the case: as for every other case action.
    change(OTHER_PROVINCE, h, "extension", extension(REASON, until))
        .statusCode(404)
        .contentType("application/problem+json");
    // A hold of another case is not this case's.
    Held other = aHold();
    change(
            UNIT,
            new Held(h.caseId(), other.holdId(), null, null),
            "extension",
            extension(REASON, until))
        .statusCode(404);
    assertThat(events(h.caseId(), CaseEventKind.HOLD_EXTENDED)).isZero();
    assertThat(db.queryLong("SELECT extension_count FROM account_freeze WHERE id = ?", h.holdId()))
        .isZero();

    change(UNIT, h, "extension", extension(REASON, until))
        .statusCode(200)
        .body("freezeRequests[0].accounts[0].state", equalTo("HELD"))
        .body("freezeRequests[0].accounts[0].holdExpiresAt", equalTo(until.toString()))
        .body("freezeRequests[0].accounts[0].extensions.size()", equalTo(1))
        .body("freezeRequests[0].accounts[0].extensions[0].reason", equalTo(REASON))
        .body("freezeRequests[0].accounts[0].extensions[0].unitCode", equalTo(UNIT))
        .body(
            "freezeRequests[0].accounts[0].extensions[0].previousExpiresAt",
            equalTo(current.toString()))
        .body(
            "freezeRequests[0].accounts[0].extensions[0].newExpiresAt", equalTo(until.toString()));

    Map<String, Object> row =
        db.query(
                "SELECT extension_count, last_extension_reason, last_extended_by, last_extended_at"
                    + " FROM account_freeze WHERE id = ?",
                h.holdId())
            .get(0);
    assertThat(row.get("extension_count")).isEqualTo(1);
    assertThat(row.get("last_extension_reason")).isEqualTo(REASON);
    assertThat(row.get("last_extended_by")).isNotNull();
    assertThat(row.get("last_extended_at")).isNotNull();
    assertThat(timeline(h.caseId(), "HOLD_EXTENDED"))
        .singleElement()
        .satisfies(
            line ->
                assertThat((String) line.get("detail"))
                    .contains(h.account())
                    .contains(until.toString())
                    .contains(REASON));

    CaseEventV1 event = await(h.caseId(), CaseEventKind.HOLD_EXTENDED);
    assertThat(event.accounts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.accountNumber()).isEqualTo(h.account());
              assertThat(a.bankBin()).isEqualTo(TestTips.VCB);
              assertThat(a.holdExpiresAt()).isEqualTo(until);
              assertThat(a.holdReason()).isEqualTo(REASON);
              assertThat(a.holdAmountVnd()).isEqualTo(50_000_000L);
            });
    assertThat(event.authorisation().requestId()).isEqualTo(h.requestId());
    assertThat(event.authorisation().unitCode()).isEqualTo(UNIT);
  }

  /** A hold past its expiry reads as ended at once, not HELD until the expiry job's next run. */
  @Test
  void aHoldPastItsExpiryReadsExpiredBeforeTheJobMarksIt() {
    Held h = aHold();
    Instant lapsed = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
    db.update(
        "UPDATE account_freeze SET hold_expires_at = ? WHERE id = ?",
        java.sql.Timestamp.from(lapsed),
        h.holdId());

    given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .get("/api/v1/cases/" + h.caseId())
        .then()
        .statusCode(200)
        .body("freezeRequests[0].accounts[0].state", equalTo("EXPIRED"))
        .body("freezeRequests[0].accounts[0].endedAt", equalTo(lapsed.toString()));
  }

  /**
   * An account under a running hold is not asked to freeze again: a second hold doubled what its
   * bank was told to hold, sent a second order and counted the unit's confirmation twice. Once the
   * hold is lifted, the unit may ask again.
   */
  @Test
  void aHeldAccountIsNotAskedAgainWhileItsHoldRuns() {
    Held h = aHold();
    String freeze =
        "{\"accounts\":[{\"bankBin\":\""
            + TestTips.VCB
            + "\",\"accountNumber\":\""
            + h.account()
            + "\"}]}";
    change(h.caseId(), "freeze-requests", freeze)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("hold-running"))
        .body("detail", containsString(h.holdId().toString()));
    assertThat(events(h.caseId(), CaseEventKind.FREEZE_REQUESTED)).isEqualTo(1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM account_freeze WHERE case_id = ? AND account_number = ?",
                h.caseId(),
                h.account()))
        .isOne();

    change(UNIT, h, "lift", "{\"reason\":\"Chủ tài khoản chứng minh nguồn tiền\"}").statusCode(200);
    change(h.caseId(), "freeze-requests", freeze).statusCode(200);
    assertThat(events(h.caseId(), CaseEventKind.FREEZE_REQUESTED)).isEqualTo(2);
  }

  /**
   * A hold names its amount (SPEC §10): what the case knows reached the account, or less if the
   * unit says so, never more; an account the case knows no money of (entered from a statement)
   * needs the unit's amount, or its bank was asked to freeze with no limit.
   */
  @Test
  void aFreezeNamesItsAmountAndNeverMoreThanReachedTheAccount() {
    String paid = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24121").paid(paid, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    String entered = TestTips.account();
    change(
            caseId,
            "identifiers",
            "{\"type\":\"BANK_ACCOUNT\",\"bank\":\"970418\",\"accountNumber\":\""
                + entered
                + "\",\"reason\":\"Theo sao kê\"}")
        .statusCode(200);

    change(
            caseId,
            "freeze-requests",
            "{\"accounts\":["
                + account(TestTips.VCB, paid, 50_000_001L)
                + ","
                + account("970418", entered, null)
                + "]}")
        .statusCode(400)
        .body(
            "errors.field",
            containsInAnyOrder("accounts[0].holdAmountVnd", "accounts[1].holdAmountVnd"))
        .body("errors.code", containsInAnyOrder("amount.exceeds-reached", "amount.required"));
    change(
            caseId,
            "freeze-requests",
            "{\"accounts\":["
                + account(TestTips.VCB, paid, null)
                + ","
                + account("970418", entered, 7_000_000L)
                + "]}")
        .statusCode(200)
        .body(
            "freezeRequests[0].accounts.find { it.accountNumber == '" + paid + "' }.holdAmountVnd",
            equalTo(50_000_000))
        .body(
            "freezeRequests[0].accounts.find { it.accountNumber == '"
                + entered
                + "' }.holdAmountVnd",
            equalTo(7_000_000));
  }

  private static String account(String bin, String number, Long amount) {
    return "{\"bankBin\":\""
        + bin
        + "\",\"accountNumber\":\""
        + number
        + "\""
        + (amount == null ? "" : ",\"holdAmountVnd\":" + amount)
        + "}";
  }

  /** The unit's change of the case as last read ({@code freeze-requests}, {@code identifiers}…). */
  private ValidatableResponse change(UUID caseId, String action, String body) {
    return given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .contentType(ContentType.JSON)
        .header("If-Match", etag(caseId))
        .body(body)
        .post("/api/v1/cases/" + caseId + "/" + action)
        .then();
  }

  @Test
  void theUnitLiftsAHoldWithAReasonOnceAndItCannotBeExtendedAfter() {
    Held h = aHold();
    change(UNIT, h, "lift", "{}").statusCode(400).body("errors.field", hasItem("reason"));

    change(UNIT, h, "lift", "{\"reason\":\"Chủ tài khoản chứng minh nguồn tiền hợp pháp\"}")
        .statusCode(200)
        .body("freezeRequests[0].accounts[0].state", equalTo("LIFTED"))
        .body(
            "freezeRequests[0].accounts[0].endReason",
            equalTo("Chủ tài khoản chứng minh nguồn tiền hợp pháp"));
    change(UNIT, h, "lift", "{\"reason\":\"again\"}")
        .statusCode(409)
        .contentType("application/problem+json");
    change(UNIT, h, "extension", extension(REASON, Instant.now().plus(Duration.ofDays(30))))
        .statusCode(409);

    CaseEventV1 lifted = await(h.caseId(), CaseEventKind.HOLD_LIFTED);
    assertThat(lifted.accounts())
        .extracting(AccountRefV1::accountNumber, AccountRefV1::holdReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                h.account(), "Chủ tài khoản chứng minh nguồn tiền hợp pháp"));
    assertThat(lifted.authorisation().requestId()).isEqualTo(h.requestId());
    assertThat(events(h.caseId(), CaseEventKind.HOLD_LIFTED)).isEqualTo(1);
    assertThat(timeline(h.caseId(), "HOLD_LIFTED")).hasSize(1);
  }

  @Test
  void closingTheCaseAsUnfoundedLiftsItsRunningHoldsBesideTheRetraction() {
    Held h = aHold();
    TestTips.close(tokens, h.caseId(), UNIT, "UNFOUNDED");

    CaseEventV1 lifted = await(h.caseId(), CaseEventKind.HOLD_LIFTED);
    assertThat(lifted.accounts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.accountNumber()).isEqualTo(h.account());
              assertThat(a.holdReason()).isEqualTo(HoldChanges.UNFOUNDED_REASON);
            });
    assertThat(events(h.caseId(), CaseEventKind.CLOSED)).isEqualTo(1);
    assertThat(events(h.caseId(), CaseEventKind.HOLD_LIFTED)).isEqualTo(1);
    assertThat(timeline(h.caseId(), "HOLD_LIFTED"))
        .singleElement()
        .satisfies(line -> assertThat(line.get("actor")).isEqualTo("system"));
    assertThat(
            db.query("SELECT state, ended_by FROM account_freeze WHERE id = ?", h.holdId()).get(0))
        .containsEntry("state", "LIFTED")
        .containsEntry("ended_by", "system");
  }

  @Test
  void anUpheldDisputeOnTheHeldAccountLiftsItsHold() {
    Held h = aHold();
    String disputeId =
        given()
            .auth()
            .oauth2(tokens.bank(TestTips.VCB))
            .contentType(ContentType.JSON)
            .body(
                "{\"type\":\"BANK_ACCOUNT\",\"value\":\""
                    + TestTips.VCB
                    + ":"
                    + h.account()
                    + "\",\"reason\":\"Chủ tài khoản bị mạo danh\"}")
            .post("/api/v1/disputes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertThat(events(h.caseId(), CaseEventKind.HOLD_LIFTED)).isZero();
    given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":true}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(200);

    CaseEventV1 lifted = await(h.caseId(), CaseEventKind.HOLD_LIFTED);
    assertThat(lifted.accounts())
        .extracting(AccountRefV1::accountNumber, AccountRefV1::holdReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(h.account(), HoldChanges.DISPUTE_REASON));
    assertThat(events(h.caseId(), CaseEventKind.IDENTIFIER_DELISTED)).isEqualTo(1);
  }

  /**
   * A split leaves the holds in the case they were asked in while the account moves to the new
   * case: an upheld dispute there lifts them all the same (the holder's way out, SPEC §10).
   */
  @Test
  void anUpheldDisputeLiftsTheHoldLeftInTheCaseItsAccountWasSplitFrom() {
    String account = TestTips.account();
    String phone = TestTips.phone();
    var paying = TestTips.tip().in("66", "24121").paid(account, 50_000_000).phone(phone).build();
    var calling = TestTips.tip().in("66", "24121").phone(phone).lost(1_000_000).build();
    cases.onTip(UUID.randomUUID(), paying);
    cases.onTip(UUID.randomUUID(), calling);
    UUID caseId = (UUID) TestTips.caseOf(db, paying.tipId()).get("id");
    given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .contentType(ContentType.JSON)
        .header("If-Match", etag(caseId))
        .body(
            "{\"accounts\":[{\"bankBin\":\""
                + TestTips.VCB
                + "\",\"accountNumber\":\""
                + account
                + "\"}]}")
        .post("/api/v1/cases/" + caseId + "/freeze-requests")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .contentType(ContentType.JSON)
        .header("If-Match", etag(caseId))
        .body("{\"tipIds\":[\"" + paying.tipId() + "\"],\"reason\":\"Hai vụ khác nhau\"}")
        .post("/api/v1/cases/" + caseId + "/split")
        .then()
        .statusCode(200);
    Map<String, Object> split = TestTips.caseOf(db, paying.tipId());
    assertThat(split.get("id")).isNotEqualTo(caseId);
    String disputeId =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"type\":\"BANK_ACCOUNT\",\"value\":\""
                    + TestTips.VCB
                    + ":"
                    + account
                    + "\",\"reason\":\"Chủ tài khoản bị mạo danh\"}")
            .post("/api/v1/disputes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(tokens.police((String) split.get("unit_code")))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":true}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(200);

    assertThat(db.query("SELECT state FROM account_freeze WHERE case_id = ?", caseId).get(0))
        .containsEntry("state", "LIFTED");
    assertThat(events(caseId, CaseEventKind.HOLD_LIFTED)).isEqualTo(1);
  }
}
