package io.fraudtip.cases.disputes;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A dispute not decided in time escalates to the parent unit (SPEC §10). The deadline is put in the
 * past in the database and the job's batch is run by hand (the scheduled run may come first: either
 * way it escalates once).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DisputeEscalationTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;
  @Inject DisputeDeadlines deadlines;
  @Inject Clock clock;

  @Test
  void anOverdueDisputeGoesToTheParentUnitOnceWhichDecidesItAndTheUnitBelowNoLonger() {
    UUID caseId = commune66Case();
    String disputeId = fileDispute(caseId);
    given()
        .get("/api/v1/disputes/" + disputeId)
        .then()
        .statusCode(200)
        .body("decidingUnit", equalTo("CAX-24133"))
        .body("escalations", equalTo(0))
        .body("overdue", equalTo(false));

    pastDeadline(disputeId);
    deadlines.escalateOverdue(clock.now());
    // Within the new period nothing more happens, however often the job runs.
    deadlines.escalateOverdue(clock.now());

    Map<String, Object> row = dispute(disputeId);
    assertThat(row)
        .containsEntry("deciding_unit", "CAT-66")
        .containsEntry("escalations", 1)
        .containsEntry("escalated_from", "CAX-24133");
    // The parent gets the whole decision time again.
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM dispute WHERE id = ? AND decide_by > now() + interval '6 days'",
                UUID.fromString(disputeId)))
        .isOne();
    assertThat(timeline(caseId, "DISPUTE_ESCALATED")).isOne();

    // The holder sees who decides now, by when, and that it escalated.
    given()
        .get("/api/v1/disputes/" + disputeId)
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("decidingUnit", equalTo("CAT-66"))
        .body("decideBy", notNullValue())
        .body("escalations", equalTo(1))
        .body("escalatedFrom", equalTo("CAX-24133"))
        .body("escalatedAt", notNullValue())
        .body("overdue", equalTo(false));

    // The parent finds it among the disputes it decides; the unit below no longer does.
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .get("/api/v1/disputes")
        .then()
        .statusCode(200)
        .body("id", hasItem(disputeId));
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .get("/api/v1/disputes")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(disputeId)));
    // It still sees its case's dispute, and who decides it.
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .get("/api/v1/cases/" + caseId + "/disputes")
        .then()
        .statusCode(200)
        .body("[0].decidingUnit", equalTo("CAT-66"))
        .body("[0].escalations", equalTo(1));
    decide(disputeId, "CAX-24133").statusCode(403).body("type", notNullValue());
    decide(disputeId, "CAT-66").statusCode(200).body("status", equalTo("REJECTED"));
    given().get("/api/v1/disputes/" + disputeId).then().body("decideBy", equalTo(null));
  }

  /**
   * The review a later independent report asks for is the deciding unit's, as the decision was: the
   * unit below, which the dispute escalated past, cannot relist what its parent delisted.
   */
  @Test
  void theReviewOfAnEscalatedDisputeIsTheDecidingUnitsNotTheUnitBelow() {
    UUID caseId = commune66Case();
    String disputeId = fileDispute(caseId);
    pastDeadline(disputeId);
    deadlines.escalateOverdue(clock.now());
    uphold(disputeId, "CAT-66").statusCode(200);
    reviewAsked(disputeId);

    review(disputeId, "CAX-24133").statusCode(403).body("type", equalTo("not-deciding-unit"));
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_identifier WHERE delisted_at IS NOT NULL"
                    + " AND id = (SELECT identifier_id FROM dispute WHERE id = ?)",
                UUID.fromString(disputeId)))
        .isOne();
    review(disputeId, "CAT-66").statusCode(200);
  }

  /**
   * A parent that decides a dispute of a case below it before any escalation is the deciding unit
   * too: the unit below cannot undo that decision in the review a later report asks for.
   */
  @Test
  void theReviewOfADisputeAParentDecidedIsTheParents() {
    UUID caseId = commune66Case();
    String disputeId = fileDispute(caseId);
    uphold(disputeId, "CAT-66").statusCode(200).body("decidingUnit", equalTo("CAT-66"));
    reviewAsked(disputeId);

    review(disputeId, "CAX-24133").statusCode(403).body("type", equalTo("not-deciding-unit"));
    review(disputeId, "CAT-66").statusCode(200);
  }

  /**
   * Two disputes of one identifier: upholding one delists it, and the other ends with it instead of
   * escalating for weeks and, decided again, retracting the alerts a second time.
   */
  @Test
  void upholdingOneDisputeEndsTheOthersOnTheSameIdentifier() {
    UUID caseId = commune66Case();
    String first = fileDispute(caseId);
    String second = fileDispute(caseId);
    uphold(first, "CAX-24133").statusCode(200);

    assertThat(dispute(second)).containsEntry("status", "UPHELD");
    assertThat((String) dispute(second).get("decision_note")).contains(first);
    decide(second, "CAX-24133").statusCode(409).body("type", equalTo("dispute-decided"));
    assertThat(timeline(caseId, "IDENTIFIER_DELISTED")).isOne();
    // The decision's line says which dispute, and on what.
    assertThat(
            db.query(
                "SELECT detail FROM case_timeline WHERE case_id = ? AND kind = 'DISPUTE_UPHELD'",
                caseId))
        .singleElement()
        .satisfies(
            line ->
                assertThat((String) line.get("detail")).contains(first).contains("BANK_ACCOUNT"));
    pastDeadline(second);
    deadlines.escalateOverdue(clock.now());
    assertThat(dispute(second)).containsEntry("escalations", 0);
  }

  /**
   * Only a listed identifier can be contested: a case closed as unfounded delists its account, and
   * the case a new tip opens on it lists nothing until corroborated anew (SPEC §10).
   */
  @Test
  void anIdentifierTheWatchlistDoesNotListCannotBeDisputed() {
    String account = TestTips.account();
    TipReceivedV1 first = tip().in("66", "24133").paid(account, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), first);
    TestTips.close(tokens, (UUID) caseOf(db, first.tipId()).get("id"), "CAX-24133", "UNFOUNDED");
    cases.onTip(UUID.randomUUID(), tip().in("66", "24133").paid(account, 1_000_000).build());
    String value = TestTips.VCB + ":" + account;
    given()
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", value)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("listed", equalTo(false));

    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"type\":\"BANK_ACCOUNT\",\"value\":\""
                + value
                + "\",\"reason\":\"Tài khoản của tôi\"}")
        .post("/api/v1/disputes")
        .then()
        .statusCode(404);
  }

  private io.restassured.response.ValidatableResponse review(String disputeId, String unit) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .contentType(ContentType.JSON)
        .body("{\"confirm\":true,\"note\":\"Ba nạn nhân độc lập\"}")
        .post("/api/v1/disputes/" + disputeId + "/review")
        .then();
  }

  @Test
  void atTheTopUnitAnOverdueDisputeStaysFlaggedOverdue() {
    UUID caseId = commune66Case();
    String disputeId = fileDispute(caseId);

    // CAX-24133 -> CAT-66 -> BCA, the top of the tree.
    for (String next : new String[] {"CAT-66", "BCA"}) {
      pastDeadline(disputeId);
      deadlines.escalateOverdue(clock.now());
      assertThat(dispute(disputeId)).containsEntry("deciding_unit", next);
    }
    pastDeadline(disputeId);
    deadlines.escalateOverdue(clock.now());
    deadlines.escalateOverdue(clock.now());

    assertThat(dispute(disputeId))
        .containsEntry("deciding_unit", "BCA")
        .containsEntry("escalations", 2)
        .containsEntry("escalated_from", "CAT-66");
    assertThat(dispute(disputeId).get("overdue_at")).isNotNull();
    assertThat(timeline(caseId, "DISPUTE_ESCALATED")).isEqualTo(2);
    assertThat(timeline(caseId, "DISPUTE_OVERDUE")).isOne();
    given()
        .get("/api/v1/disputes/" + disputeId)
        .then()
        .statusCode(200)
        .body("decidingUnit", equalTo("BCA"))
        .body("escalations", equalTo(2))
        .body("overdue", equalTo(true));

    decide(disputeId, "CAT-66").statusCode(403);
    decide(disputeId, "BCA").statusCode(200).body("status", equalTo("REJECTED"));
  }

  /** A case of the commune police of Buôn Ma Thuột (parent CAT-66, then BCA). */
  private UUID commune66Case() {
    TipReceivedV1 t = tip().in("66", "24133").paid(TestTips.account(), 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    Map<String, Object> c = caseOf(db, t.tipId());
    assertThat(c).containsEntry("unit_code", "CAX-24133");
    return (UUID) c.get("id");
  }

  private String fileDispute(UUID caseId) {
    String value =
        (String)
            db.query(
                    "SELECT value FROM case_identifier WHERE case_id = ? AND type = 'BANK_ACCOUNT'",
                    caseId)
                .get(0)
                .get("value");
    return given()
        .contentType(ContentType.JSON)
        .body(
            "{\"type\":\"BANK_ACCOUNT\",\"value\":\""
                + value
                + "\",\"reason\":\"Tài khoản của tôi bị mạo danh\"}")
        .post("/api/v1/disputes")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private void pastDeadline(String disputeId) {
    db.update(
        "UPDATE dispute SET decide_by = now() - interval '1 minute' WHERE id = ?",
        UUID.fromString(disputeId));
  }

  private Map<String, Object> dispute(String disputeId) {
    return db.query("SELECT * FROM dispute WHERE id = ?", UUID.fromString(disputeId)).get(0);
  }

  private long timeline(UUID caseId, String kind) {
    return db.queryLong(
        "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = ?", caseId, kind);
  }

  private io.restassured.response.ValidatableResponse uphold(String disputeId, String unit) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":true,\"note\":\"Tài khoản bị mạo danh\"}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then();
  }

  /** An independent report asked for a review of the upheld dispute's identifier. */
  private void reviewAsked(String disputeId) {
    db.update(
        "UPDATE case_identifier SET review_requested_at = now()"
            + " WHERE id = (SELECT identifier_id FROM dispute WHERE id = ?)",
        UUID.fromString(disputeId));
  }

  private io.restassured.response.ValidatableResponse decide(String disputeId, String unit) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":false,\"note\":\"Không đủ căn cứ\"}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then();
  }
}
