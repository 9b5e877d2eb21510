package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.Closure;
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
import io.restassured.response.Response;
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
class CaseResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  private UUID caseIn(String province, String commune, String account, long loss) {
    TipReceivedV1 t = tip().in(province, commune).paid(account, loss).build();
    cases.onTip(UUID.randomUUID(), t);
    return (UUID) caseOf(db, t.tipId()).get("id");
  }

  private Response read(String unit, UUID id) {
    return given().auth().oauth2(tokens.police(unit)).get("/api/v1/cases/" + id);
  }

  private Response post(String unit, UUID id, String action, String etag, String body) {
    var request = given().auth().oauth2(tokens.police(unit)).contentType(ContentType.JSON);
    if (etag != null) {
      request = request.header("If-Match", etag);
    }
    return request.body(body == null ? "{}" : body).post("/api/v1/cases/" + id + "/" + action);
  }

  @Test
  void aUnitSeesItsOwnAndItsChildrensCasesAndNothingElse() {
    UUID id = caseIn("66", "24133", TestTips.account(), 2_000_000);

    read("CAX-24133", id).then().statusCode(200).body("unitCode", equalTo("CAX-24133"));
    read("CAT-66", id).then().statusCode(200);
    read("BCA", id).then().statusCode(200);
    read("CAX-22366", id).then().statusCode(404).contentType("application/problem+json");
    read("PA05-66", id).then().statusCode(404);
    read("NO-SUCH-UNIT", id).then().statusCode(404);

    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .get("/api/v1/cases?size=200")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id.toString()));
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .get("/api/v1/cases?size=200")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id.toString()));
    given()
        .auth()
        .oauth2(tokens.police("CAX-22366"))
        .get("/api/v1/cases?size=200")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id.toString())));

    String etag = read("CAX-24133", id).header("ETag");
    post("CAX-22366", id, "acknowledge", etag, null).then().statusCode(404);
    post("CAX-22366", id, "notes", etag, "{\"text\":\"x\"}").then().statusCode(404);
    assertThat(db.query("SELECT stage FROM fraud_case WHERE id = ?", id).get(0))
        .containsEntry("stage", "ASSIGNED");
  }

  @Test
  void theCasesNeedAValidPoliceToken() {
    given().get("/api/v1/cases").then().statusCode(401);
    given().auth().oauth2(Tokens.forged()).get("/api/v1/cases").then().statusCode(401);
    given().auth().oauth2(tokens.bank("970436")).get("/api/v1/cases").then().statusCode(403);
  }

  @Test
  void changesNeedTheCurrentETagAndFollowTheStateMachine() throws Exception {
    String account = TestTips.account();
    UUID id = caseIn("66", "24121", account, 2_000_000);
    String unit = "CAX-24121";
    String etag = read(unit, id).then().statusCode(200).extract().header("ETag");
    assertThat(etag).isNotBlank();

    post(unit, id, "acknowledge", null, null).then().statusCode(428);
    post(unit, id, "acknowledge", "\"999\"", null).then().statusCode(412);
    // A tag the case never gave is the caller's mistake, not a stale version.
    for (String malformed : new String[] {"\"7", "garbage\"", "\"\"", "\"1 2\""}) {
      post(unit, id, "acknowledge", malformed, null)
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("If-Match"))
          .body("errors[0].code", equalTo("if-match.malformed"));
    }
    // An empty element of the list is no tag at all; a tag that matches is enough.
    post(unit, id, "notes", etag + ", ", "{\"text\":\"list\"}").then().statusCode(200);
    etag = read(unit, id).then().statusCode(200).extract().header("ETag");
    post(unit, id, "transitions", etag, "{\"to\":\"INVESTIGATING\"}")
        .then()
        .statusCode(409)
        .body("type", equalTo("illegal-transition"));
    post(unit, id, "close", etag, "{\"closure\":\"CONFIRMED\"}").then().statusCode(409);

    // A list of tags matches when one of them does (RFC 9110).
    String acked =
        post(unit, id, "acknowledge", "\"998\", " + etag, null)
            .then()
            .statusCode(200)
            .body("stage", equalTo("ACKNOWLEDGED"))
            .body("status", equalTo("IN_PROGRESS"))
            .extract()
            .header("ETag");
    assertThat(acked).isNotEqualTo(etag);
    // The old ETag is stale now.
    post(unit, id, "notes", etag, "{\"text\":\"late\"}").then().statusCode(412);

    String noted =
        post(unit, id, "notes", acked, "{\"text\":\"Đã làm việc với ngân hàng\"}")
            .then()
            .statusCode(200)
            .body("timeline.kind", hasItem("NOTE"))
            .extract()
            .header("ETag");
    String investigating =
        post(unit, id, "transitions", noted, "{\"to\":\"INVESTIGATING\"}")
            .then()
            .statusCode(200)
            .body("stage", equalTo("INVESTIGATING"))
            .extract()
            .header("ETag");

    post(
            unit,
            id,
            "freeze-requests",
            investigating,
            "{\"accounts\":[{\"bankBin\":\"970436\",\"accountNumber\":\"1\"}]}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("accounts[0]"));
    String frozen =
        post(
                unit,
                id,
                "freeze-requests",
                investigating,
                "{\"accounts\":[{\"bankBin\":\"970436\",\"accountNumber\":\"" + account + "\"}]}")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    CaseEventV1 freeze =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r -> r.key().equals(id.toString()) && r.value().contains("FREEZE_REQUESTED"),
                    Duration.ofSeconds(20))
                .value());
    // The hold is bounded: what the victim paid to the account, for 90 days.
    assertThat(freeze.accounts()).hasSize(1);
    AccountRefV1 held = freeze.accounts().get(0);
    assertThat(held.bankBin()).isEqualTo("970436");
    assertThat(held.accountNumber()).isEqualTo(account);
    assertThat(held.layer()).isEqualTo(1);
    assertThat(held.holdAmountVnd()).isEqualTo(2_000_000L);
    assertThat(held.holdExpiresAt())
        .isBetween(
            Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
    assertThat(freeze.authorisation().unitCode()).isEqualTo(unit);
    assertThat(freeze.authorisation().standingOrder()).isFalse();
    assertThat(freeze.tipIds()).hasSize(1);

    post(unit, id, "close", frozen, "{\"closure\":\"UNFOUNDED\",\"note\":\"Không có dấu hiệu\"}")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("closure", equalTo("UNFOUNDED"));
    String closedTag = read(unit, id).header("ETag");
    post(unit, id, "transitions", closedTag, "{\"to\":\"INVESTIGATING\"}").then().statusCode(409);

    CaseEventV1 closed =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r -> r.key().equals(id.toString()) && r.value().contains("\"CLOSED\""),
                    Duration.ofSeconds(20))
                .value());
    assertThat(closed.kind()).isEqualTo(CaseEventKind.CLOSED);
    assertThat(closed.closure()).isEqualTo(Closure.UNFOUNDED);
    assertThat(closed.tipIds()).hasSize(1);
    assertThat(closed.accounts()).extracting(AccountRefV1::accountNumber).containsExactly(account);
  }

  @Test
  void aTransferredCaseLeavesTheUnitAndRecordsWhoMovedIt() {
    UUID id = caseIn("66", "24305", TestTips.account(), 2_000_000);
    String etag = read("CAX-24305", id).header("ETag");
    post("CAX-24305", id, "transfer", etag, "{\"unitCode\":\"NOPE\"}").then().statusCode(400);
    post(
            "CAX-24305",
            id,
            "transfer",
            etag,
            "{\"unitCode\":\"PC02-66\",\"reason\":\"Mua bán tài khoản\"}")
        .then()
        .statusCode(200)
        .body("unitCode", equalTo("PC02-66"))
        .body("stage", equalTo("ASSIGNED"))
        .body("assignments[1].reason", equalTo("TRANSFERRED"))
        .body("assignments[1].actor", equalTo("officer@CAX-24305"));
    read("CAX-24305", id).then().statusCode(404);
    read("PC02-66", id).then().statusCode(200);
  }

  /**
   * A unit that moves a case down by hand is not overruled by the next tip the same rule still
   * matches; only growth past another rule's threshold (victims in a second province) moves it up.
   */
  @Test
  void aCaseTransferredDownStaysThereUntilItGrowsPastAnotherRule() {
    String account = TestTips.account();
    UUID id = caseIn("66", "24305", account, 30_000_000); // R-PROVINCE: PA05-66
    assertThat(caseRow(id)).containsEntry("unit_code", "PA05-66");
    post(
            "PA05-66",
            id,
            "transfer",
            read("PA05-66", id).header("ETag"),
            "{\"unitCode\":\"CAX-24305\",\"reason\":\"Đối tượng ở địa phương\"}")
        .then()
        .statusCode(200);
    post("CAX-24305", id, "acknowledge", read("CAX-24305", id).header("ETag"), null)
        .then()
        .statusCode(200);

    caseIn("66", "24305", account, 5_000_000);
    assertThat(caseRow(id))
        .containsEntry("unit_code", "CAX-24305")
        .containsEntry("stage", "ACKNOWLEDGED");

    caseIn("56", null, account, 5_000_000); // a second province: R-MULTI-PROVINCE
    assertThat(caseRow(id)).containsEntry("unit_code", "A05");
  }

  private Map<String, Object> caseRow(UUID id) {
    return db.query("SELECT * FROM fraud_case WHERE id = ?", id).get(0);
  }

  @Test
  void theListIsSortedByPriorityThenAgeAndFilters() {
    UUID low = caseIn("56", "22759", TestTips.account(), 1_000); // small, one victim: low priority
    TipReceivedV1 big = tip().in("56", "22759").paid(TestTips.account(), 900_000_000).build();
    cases.onTip(UUID.randomUUID(), big);
    UUID high = (UUID) caseOf(db, big.tipId()).get("id");

    List<String> ids =
        given()
            .auth()
            .oauth2(tokens.police("CAT-56"))
            .get("/api/v1/cases?size=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id");
    assertThat(ids).contains(low.toString(), high.toString());
    assertThat(ids.indexOf(high.toString())).isLessThan(ids.indexOf(low.toString()));

    given()
        .auth()
        .oauth2(tokens.police("CAT-56"))
        .get("/api/v1/cases?size=200&priority=1")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(high.toString()))
        .body("items.id", not(hasItem(low.toString())));
    given()
        .auth()
        .oauth2(tokens.police("CAT-56"))
        .get("/api/v1/cases?size=1&page=0")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("size", equalTo(1));
  }

  @Test
  void casesNearOrPastTheLegalDeadlineAreListed() {
    TipReceivedV1 near =
        tip()
            .in("66", "24373")
            .paid(TestTips.account(), 1_000)
            .receivedAt(Instant.now().minus(Duration.ofDays(18)))
            .build();
    TipReceivedV1 past =
        tip()
            .in("66", "24373")
            .paid(TestTips.account(), 1_000)
            .receivedAt(Instant.now().minus(Duration.ofDays(25)))
            .build();
    TipReceivedV1 fresh = tip().in("66", "24373").paid(TestTips.account(), 1_000).build();
    for (TipReceivedV1 t : List.of(near, past, fresh)) {
      cases.onTip(UUID.randomUUID(), t);
    }
    var list = legalClock("CAX-24373");
    List<String> ids = list.getList("id");
    assertThat(ids)
        .contains(
            caseOf(db, near.tipId()).get("id").toString(),
            caseOf(db, past.tipId()).get("id").toString())
        .doesNotContain(caseOf(db, fresh.tipId()).get("id").toString());
    int pastIndex = ids.indexOf(caseOf(db, past.tipId()).get("id").toString());
    assertThat(list.getBoolean("[" + pastIndex + "].overdue")).isTrue();

    // Half an hour past its deadline a case is overdue, and its days left say so.
    UUID late = (UUID) caseOf(db, fresh.tipId()).get("id");
    db.update(
        "UPDATE fraud_case SET legal_due_at = now() - interval '30 minutes' WHERE id = ?", late);
    var again = legalClock("CAX-24373");
    int lateIndex = again.getList("id").indexOf(late.toString());
    assertThat(again.getBoolean("[" + lateIndex + "].overdue")).isTrue();
    assertThat(again.getLong("[" + lateIndex + "].daysLeft")).isEqualTo(-1);
  }

  private io.restassured.path.json.JsonPath legalClock(String unit) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .get("/api/v1/cases/legal-clock")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
