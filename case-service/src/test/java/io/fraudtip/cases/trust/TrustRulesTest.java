package io.fraudtip.cases.trust;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TipSourceV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC §10 through the service: the watchlist's reasons, closed cases, disputes with a memory. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TrustRulesTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;
  @Inject io.fraudtip.cases.banks.AlertResponses responses;

  @Test
  void threeTipsFromOneAddressAreOneLowSourceAndThreeIndependentOnesAreHigh() {
    String spammed = TestTips.account();
    for (int i = 0; i < 3; i++) {
      cases.onTip(UUID.randomUUID(), tip().paid(spammed, 1_000_000).from("one-address").build());
    }
    JsonPath low = check(tokens.bank(TestTips.VCB), spammed);
    assertThat(low.getString("riskLevel")).isEqualTo("LOW");
    assertThat(low.getInt("independentSources")).isEqualTo(1);
    assertThat(low.getInt("counts.days90.reported")).isEqualTo(3);
    assertThat(low.getString("reasons[0].kind")).isEqualTo("REPORTS");
    assertThat(low.getString("reasons[0].text"))
        .isEqualTo("1 independent report with transfers (3 tips)");

    String corroborated = TestTips.account();
    for (int i = 0; i < 3; i++) {
      cases.onTip(
          UUID.randomUUID(),
          tip().paid(corroborated, 1_000_000).from("address-" + corroborated + i).build());
    }
    JsonPath bank = check(tokens.bank(TestTips.VCB), corroborated);
    assertThat(bank.getString("riskLevel")).isEqualTo("HIGH");
    assertThat(bank.getString("reasons[0].text")).isEqualTo("3 independent reports with transfers");
    assertThat(bank.getString("reasons[0].caseReference")).startsWith("VN-");
    JsonPath citizen = check(null, corroborated);
    assertThat(citizen.getString("reasons[0].text"))
        .isEqualTo("3 independent reports with transfers");
    assertThat(citizen.getString("reasons[0].caseReference")).isNull();
    assertThat(citizen.getString("caseReference")).isNull();
  }

  @Test
  void aTipAfterAnUnfoundedClosureOpensANewCaseThatRefersToItAndListsNothing() {
    String account = TestTips.account();
    TipReceivedV1 first = tip().paid(account, 1_000_000).from("a1-" + account).build();
    cases.onTip(UUID.randomUUID(), first);
    Map<String, Object> closed = caseOf(db, first.tipId());
    UUID closedId = (UUID) closed.get("id");
    String unit = (String) closed.get("unit_code");
    close(closedId, unit, "UNFOUNDED");

    TipReceivedV1 again = tip().paid(account, 1_000_000).from("a2-" + account).build();
    cases.onTip(UUID.randomUUID(), again);

    Map<String, Object> fresh = caseOf(db, again.tipId());
    assertThat(fresh.get("id")).isNotEqualTo(closedId);
    assertThat(fresh.get("refers_to_case_id")).isEqualTo(closedId);
    JsonPath old = read(unit, closedId).extract().jsonPath();
    assertThat(old.getString("stage")).isEqualTo("CLOSED");
    assertThat(old.getString("closure")).isEqualTo("UNFOUNDED");
    JsonPath detail =
        read((String) fresh.get("unit_code"), (UUID) fresh.get("id")).extract().jsonPath();
    assertThat(detail.getString("refersToReference")).isEqualTo(closed.get("reference"));
    assertThat(detail.getList("timeline.kind")).contains("REFERS_TO");

    JsonPath check = check(tokens.bank(TestTips.VCB), account);
    assertThat(check.getBoolean("listed")).isFalse();
    assertThat(check.getInt("counts.years5.rejected")).isEqualTo(1);
    assertThat(check.getInt("counts.years5.reported")).isEqualTo(1);
    assertThat(check.getList("reasons.text")).contains("rejected by " + unit + " (unfounded)");
  }

  @Test
  void aConfirmedCaseIsNotReopenedByATipButItsUnitMayReopenIt() {
    String account = TestTips.account();
    TipReceivedV1 first = tip().paid(account, 1_000_000).from("c1-" + account).build();
    cases.onTip(UUID.randomUUID(), first);
    Map<String, Object> c = caseOf(db, first.tipId());
    UUID id = (UUID) c.get("id");
    String unit = (String) c.get("unit_code");
    close(id, unit, "CONFIRMED");
    assertThat(check(null, account).getString("reasons.text")).contains("confirmed by " + unit);
    assertThat(check(null, account).getString("riskLevel")).isEqualTo("HIGH");

    TipReceivedV1 later = tip().paid(account, 1_000_000).from("c2-" + account).build();
    cases.onTip(UUID.randomUUID(), later);
    assertThat(caseOf(db, later.tipId()).get("id")).isEqualTo(id);
    JsonPath still = read(unit, id).extract().jsonPath();
    assertThat(still.getString("stage")).isEqualTo("CLOSED");
    assertThat(still.getString("closure")).isEqualTo("CONFIRMED");

    String etag = read(unit, id).extract().header("ETag");
    given()
        .auth()
        .oauth2(tokens.police(unit))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"Nạn nhân mới có sao kê\"}")
        .post("/api/v1/cases/" + id + "/reopen")
        .then()
        .statusCode(200)
        .body("stage", org.hamcrest.Matchers.equalTo("ASSIGNED"))
        .body("closure", org.hamcrest.Matchers.nullValue());

    // An unfounded case is never reopened, not even by its unit.
    TipReceivedV1 other = tip().paid(TestTips.account(), 1_000).from("x").build();
    cases.onTip(UUID.randomUUID(), other);
    UUID otherId = (UUID) caseOf(db, other.tipId()).get("id");
    String otherUnit = (String) caseOf(db, other.tipId()).get("unit_code");
    close(otherId, otherUnit, "UNFOUNDED");
    given()
        .auth()
        .oauth2(tokens.police(otherUnit))
        .header("If-Match", read(otherUnit, otherId).extract().header("ETag"))
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"x\"}")
        .post("/api/v1/cases/" + otherId + "/reopen")
        .then()
        .statusCode(409);
  }

  @Test
  void anIndependentReportAfterAnUpheldDisputeLinksAndAsksForAReviewInsteadOfListing() {
    String account = TestTips.account();
    Upheld upheld = upheldDisputeOn(account, "d1");
    UUID caseId = upheld.caseId();
    String unit = upheld.unit();
    String disputeId = upheld.disputeId();

    // The same accuser again: joins the case, no review, not listed.
    TipReceivedV1 sameAccuser =
        tip()
            .paid(account, 1_000_000)
            .source(new TipSourceV1("accuser", null, "d2", false))
            .build();
    cases.onTip(UUID.randomUUID(), sameAccuser);
    assertThat(caseOf(db, sameAccuser.tipId()).get("id")).isEqualTo(caseId);
    assertThat(review(unit, caseId)).isNull();

    // An independent source: joins the case, asks for a review, still not listed.
    TipReceivedV1 independent = tip().paid(account, 1_000_000).from("d3-" + account).build();
    cases.onTip(UUID.randomUUID(), independent);
    assertThat(caseOf(db, independent.tipId()).get("id")).isEqualTo(caseId);
    assertThat(review(unit, caseId)).isNotNull();
    assertThat(read(unit, caseId).extract().jsonPath().getList("timeline.kind"))
        .contains("REVIEW_REQUESTED");
    JsonPath check = check(tokens.bank(TestTips.VCB), account);
    assertThat(check.getBoolean("listed")).isFalse();
    assertThat(check.getList("reasons.text")).contains("under review after an upheld dispute");

    // The unit confirms: a police confirmation lists it again.
    police(unit)
        .body("{\"confirm\":true,\"note\":\"Hai nạn nhân độc lập\"}")
        .post("/api/v1/disputes/" + disputeId + "/review")
        .then()
        .statusCode(200);
    JsonPath relisted = check(tokens.bank(TestTips.VCB), account);
    assertThat(relisted.getBoolean("listed")).isTrue();
    assertThat(relisted.getString("riskLevel")).isEqualTo("HIGH");
    // Its bank, told of the retraction when the dispute was upheld, is told it is listed again.
    assertThat(
            db.query(
                "SELECT payload FROM outbox_event WHERE record_key = ? AND event_type = ?",
                caseId.toString(),
                CaseEventKind.IDENTIFIER_RELISTED.cloudEventType()))
        .singleElement()
        .satisfies(r -> assertThat(String.valueOf(r.get("payload"))).contains(account));
    police(unit)
        .body("{\"confirm\":false}")
        .post("/api/v1/disputes/" + disputeId + "/review")
        .then()
        .statusCode(409);
  }

  /**
   * A review that confirms an account allow-listed while the review was open does not list it (nor
   * alert its bank, SPEC §5): it stays off for the allow-list, and the entry's removal lists it
   * again.
   */
  @Test
  void aReviewDoesNotListAnAccountAllowListedSinceItsDispute() {
    String account = TestTips.account();
    Upheld upheld = upheldDisputeOn(account, "g1");
    // An independent report asks the deciding unit for a review; then the account is allow-listed.
    cases.onTip(UUID.randomUUID(), tip().paid(account, 1_000_000).from("g3-" + account).build());
    assertThat(review(upheld.unit(), upheld.caseId())).isNotNull();
    String value = TestTips.VCB + ":" + account;
    given()
        .auth()
        .oauth2(tokens.operator("ops-allow"))
        .contentType(ContentType.JSON)
        .body("{\"type\":\"BANK_ACCOUNT\",\"value\":\"" + value + "\",\"reason\":\"Quỹ từ thiện\"}")
        .post("/api/v1/admin/allow-list")
        .then()
        .statusCode(201);

    police(upheld.unit())
        .body("{\"confirm\":true}")
        .post("/api/v1/disputes/" + upheld.disputeId() + "/review")
        .then()
        .statusCode(200);
    assertThat(check(tokens.bank(TestTips.VCB), account).getBoolean("listed")).isFalse();
    assertThat(relistings(upheld.caseId())).isZero();

    given()
        .auth()
        .oauth2(tokens.operator("ops-allow"))
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", value)
        .delete("/api/v1/admin/allow-list")
        .then()
        .statusCode(204);
    assertThat(check(tokens.bank(TestTips.VCB), account).getBoolean("listed")).isTrue();
    assertThat(relistings(upheld.caseId())).isOne();
  }

  private long relistings(UUID caseId) {
    return db.queryLong(
        "SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = ?",
        caseId.toString(),
        CaseEventKind.IDENTIFIER_RELISTED.cloudEventType());
  }

  /**
   * Two independent reports in one batch after an upheld dispute on a confirmed case: the first
   * reopens the case (its event names the tips written by then); the second must be announced too,
   * or its citizen's status and its banks never hear of its case.
   */
  @Test
  void aTipOfTheBatchThatReopenedItsCaseIsAnnouncedToo() {
    String account = TestTips.account();
    Upheld upheld = upheldDisputeOn(account, "f1");
    UUID caseId = upheld.caseId();
    String unit = upheld.unit();
    close(caseId, unit, "CONFIRMED");

    TipReceivedV1 a = tip().paid(account, 1_000_000).from("g1-" + account).build();
    TipReceivedV1 b = tip().paid(account, 1_000_000).from("g2-" + account).build();
    cases.onTips(
        java.util.List.of(
            io.fraudtip.cases.linking.TipEvent.of(UUID.randomUUID(), a),
            io.fraudtip.cases.linking.TipEvent.of(UUID.randomUUID(), b)));

    assertThat(caseOf(db, b.tipId()).get("id")).isEqualTo(caseId);
    assertThat(
            db
                .query(
                    "SELECT payload FROM outbox_event WHERE topic = ? AND record_key = ?",
                    io.fraudtip.contracts.Topics.CASES_V1,
                    caseId.toString())
                .stream()
                .map(r -> (String) r.get("payload")))
        .anyMatch(p -> p.contains(b.tipId().toString()));
  }

  private record Upheld(UUID caseId, String unit, String disputeId) {}

  /**
   * A case opened by one accuser's tip paying the account, whose holder's dispute its unit upheld.
   */
  private Upheld upheldDisputeOn(String account, String device) {
    TipReceivedV1 first =
        tip()
            .paid(account, 1_000_000)
            .source(new TipSourceV1("accuser", null, device, false))
            .build();
    cases.onTip(UUID.randomUUID(), first);
    Map<String, Object> c = caseOf(db, first.tipId());
    String unit = (String) c.get("unit_code");
    String disputeId =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "type",
                    "BANK_ACCOUNT",
                    "value",
                    TestTips.VCB + ":" + account,
                    "reason",
                    "Không phải tôi"))
            .post("/api/v1/disputes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    police(unit)
        .body("{\"upheld\":true}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(200);
    return new Upheld((UUID) c.get("id"), unit, disputeId);
  }

  private Object review(String unit, UUID caseId) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .get("/api/v1/cases/" + caseId + "/disputes")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].reviewRequestedAt");
  }

  private io.restassured.specification.RequestSpecification police(String unit) {
    return given().auth().oauth2(tokens.police(unit)).contentType(ContentType.JSON);
  }

  /**
   * A bank froze the money: the bank sees which bank and what it did; a citizen (or the holder of
   * the mule account) sees that a bank confirmed the report, not which bank nor that it froze.
   */
  @Test
  void aCitizenSeesThatABankConfirmedNotWhichBankNorWhatItDid() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().paid(account, 5_000_000).from("z1-" + account).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    answer(caseId, t, account, io.fraudtip.contracts.alerts.AlertOutcome.FROZEN, 5_000_000L);

    JsonPath bank = check(tokens.bank(TestTips.VCB), account);
    assertThat(bank.getList("reasons.text")).contains("frozen by bank " + TestTips.VCB);
    JsonPath citizen = check(null, account);
    assertThat(citizen.getList("reasons.kind")).contains("BANK_CONFIRMED");
    assertThat(citizen.getList("reasons.text")).contains("confirmed by a bank");
    assertThat(citizen.getList("reasons").toString())
        .doesNotContain(TestTips.VCB)
        .doesNotContain("frozen");
  }

  /** A freeze answered on the wrong account, corrected by the bank: the account is not HIGH. */
  @Test
  void aBanksCorrectionThatItHoldsNoSuchAccountTakesItsConfirmationBack() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().paid(account, 5_000_000).from("z2-" + account).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    UUID alertId =
        answer(caseId, t, account, io.fraudtip.contracts.alerts.AlertOutcome.FROZEN, 5_000_000L);
    assertThat(check(tokens.bank(TestTips.VCB), account).getString("riskLevel")).isEqualTo("HIGH");

    answer(
        caseId, t, account, alertId, io.fraudtip.contracts.alerts.AlertOutcome.NO_SUCH_ACCOUNT, 0L);
    JsonPath corrected = check(tokens.bank(TestTips.VCB), account);
    assertThat(corrected.getString("riskLevel")).isEqualTo("LOW");
    assertThat(corrected.getList("reasons.kind")).doesNotContain("BANK_CONFIRMED");
  }

  /** A bank's answer on a new alert about the tip's account; returns the alert's id. */
  private UUID answer(
      UUID caseId,
      TipReceivedV1 t,
      String account,
      io.fraudtip.contracts.alerts.AlertOutcome outcome,
      long frozen) {
    return answer(caseId, t, account, UUID.randomUUID(), outcome, frozen);
  }

  private UUID answer(
      UUID caseId,
      TipReceivedV1 t,
      String account,
      UUID alertId,
      io.fraudtip.contracts.alerts.AlertOutcome outcome,
      long frozen) {
    responses.onResponse(
        UUID.randomUUID(),
        new io.fraudtip.contracts.alerts.AlertResponseV1(
            UUID.randomUUID(),
            alertId,
            caseId,
            t.tipId(),
            TestTips.VCB,
            account,
            1,
            outcome,
            frozen,
            0L,
            java.util.List.of(),
            null,
            java.time.Instant.now()));
    return alertId;
  }

  private JsonPath check(String token, String account) {
    var request = token == null ? given() : given().auth().oauth2(token);
    return request
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", TestTips.VCB + ":" + account)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private io.restassured.response.ValidatableResponse read(String unit, UUID id) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .get("/api/v1/cases/" + id)
        .then()
        .statusCode(200);
  }

  private void close(UUID id, String unit, String closure) {
    TestTips.close(tokens, id, unit, closure);
  }
}
