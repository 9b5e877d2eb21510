package io.fraudtip.cases.freezes;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.TestDatabase;
import io.restassured.http.ContentType;
import java.util.UUID;

/** Test steps around holds: a case of the unit with its victim's account frozen at its request. */
final class TestHolds {
  static final String UNIT = "PA05-66";

  private TestHolds() {}

  /** A case and the account of it the unit froze. */
  record Frozen(UUID caseId, String account) {}

  /**
   * A tip paying a fresh account (a loss the seeded rules give {@link #UNIT}), frozen by the unit.
   */
  static Frozen aFrozenAccount(TipLinking cases, TestDatabase db, Tokens tokens) {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24121").paid(account, 50_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    String etag =
        given().auth().oauth2(tokens.police(UNIT)).get("/api/v1/cases/" + caseId).header("ETag");
    given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(
            "{\"accounts\":[{\"bankBin\":\""
                + TestTips.VCB
                + "\",\"accountNumber\":\""
                // As a unit types it from a statement: the case holds it normalised.
                + account.substring(0, 4)
                + "."
                + account.substring(4, 7)
                + "-"
                + account.substring(7)
                + " \"}]}")
        .post("/api/v1/cases/" + caseId + "/freeze-requests")
        .then()
        .statusCode(200)
        .body("freezeRequests[0].accounts[0].state", equalTo("HELD"))
        .body("freezeRequests[0].accounts[0].accountNumber", equalTo(account));
    return new Frozen(caseId, account);
  }

  /** How many events of the kind the case has written to the outbox. */
  static long events(TestDatabase db, UUID caseId, CaseEventKind kind) {
    return db.queryLong(
        "SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = ?",
        caseId.toString(),
        kind.cloudEventType());
  }
}
