package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.AccountRefV1;
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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DisputeResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  @Test
  void anUpheldDisputeDelistsTheAccountAndRetractsIt() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    String value = TestTips.VCB + ":" + account;
    String caseUnit = (String) caseOf(db, t.tipId()).get("unit_code");
    String body =
        "{\"type\":\"BANK_ACCOUNT\",\"value\":\""
            + value
            + "\",\"reason\":\"Chủ tài khoản bị mạo danh\"}";

    // Another bank cannot speak for this bank's customer.
    given()
        .auth()
        .oauth2(tokens.bank("970422"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/disputes")
        .then()
        .statusCode(404);
    String disputeId =
        given()
            .auth()
            .oauth2(tokens.bank(TestTips.VCB))
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/disputes")
            .then()
            .statusCode(201)
            .body("status", equalTo("OPEN"))
            // the holder's bank is told why, who decides and by when
            .body("decidingUnit", equalTo(caseUnit))
            .body("decideBy", notNullValue())
            .body("reasons.kind", hasItem("REPORTS"))
            .body("reasons.caseReference", hasItem(notNullValue()))
            .extract()
            .path("id");
    // The receipt's id is its only key: read by anyone else, it shows what a citizen sees.
    for (var reader :
        List.of(given(), given().auth().oauth2(tokens.bank("970422")))) { // anyone, another bank
      reader
          .get("/api/v1/disputes/" + disputeId)
          .then()
          .statusCode(200)
          .body("reasons.caseReference", everyItem(nullValue()));
    }
    given()
        .auth()
        .oauth2(tokens.bank(TestTips.VCB))
        .get("/api/v1/disputes/" + disputeId)
        .then()
        .body("reasons.caseReference", hasItem(notNullValue()));

    // Only the case's unit (or one above it) decides.
    given()
        .auth()
        .oauth2(tokens.police("CAX-22366"))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":true}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .get("/api/v1/cases/" + caseId + "/disputes")
        .then()
        .statusCode(200)
        .body("[0].filedBy", equalTo("BANK"));
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":true,\"note\":\"Tài khoản bị lợi dụng\"}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(200)
        .body("status", equalTo("UPHELD"));
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":false}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(409);

    given()
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", value)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("listed", equalTo(false));
    given()
        .get("/api/v1/disputes/" + disputeId)
        .then()
        .statusCode(200)
        .body("status", equalTo("UPHELD"));

    CaseEventV1 delisted =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r ->
                        r.key().equals(caseId.toString())
                            && r.value().contains("IDENTIFIER_DELISTED"),
                    Duration.ofSeconds(20))
                .value());
    assertThat(delisted.accounts()).containsExactly(new AccountRefV1(TestTips.VCB, account, 1));
    assertThat(delisted.tipIds()).containsExactly(t.tipId());
  }

  @Test
  void anUnlistedIdentifierCannotBeDisputed() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\":\"PHONE\",\"value\":\"+84900000001\",\"reason\":\"x\"}")
        .post("/api/v1/disputes")
        .then()
        .statusCode(404);
  }

  /**
   * A value its type does not read, or an account without its bank, is refused naming the field, as
   * the watchlist check refuses it: it was answered 404, as if the value were only unlisted.
   */
  @Test
  void anIdentifierItsTypeDoesNotReadIsRefusedNamingIt() {
    Map<String, String> codes =
        Map.of("abc", "phone.invalid", "0123456789", "account.bank-required");
    for (var typed : codes.entrySet()) {
      String type = typed.getKey().equals("abc") ? "PHONE" : "BANK_ACCOUNT";
      given()
          .contentType(ContentType.JSON)
          .body(
              "{\"type\":\""
                  + type
                  + "\",\"value\":\""
                  + typed.getKey()
                  + "\",\"reason\":\"Tài khoản của tôi\"}")
          .post("/api/v1/disputes")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains("value"))
          .body("errors.code", contains(typed.getValue()));
    }
  }

  /**
   * A site is its domain and its pages: a check of a page also answers by its domain. An upheld
   * dispute of the site's only reported page takes the site off the watchlist, page and domain; an
   * upheld dispute of the domain takes its pages off with it. Otherwise the holder's dispute is
   * upheld and the page still reads listed.
   */
  @Test
  void anUpheldDisputeOfASitesOnlyReportedPageTakesTheSiteOff() {
    String site = "shop" + UUID.randomUUID().toString().substring(0, 8) + ".vn";
    String page = "https://" + site + "/thanh-toan";
    UUID caseId = caseOfSite(page, "p1");
    assertThat(listed("URL", page)).isTrue();

    String unit = unitOf(caseId);
    decide(dispute("URL", page), unit, true);

    assertThat(listed("URL", page)).isFalse();
    assertThat(listed("DOMAIN", site)).isFalse();
    assertThat(listed("URL", "https://" + site + "/khac")).isFalse();
  }

  @Test
  void anUpheldDisputeOfAPageLeavesTheSiteListedWhileOtherPagesOfItAreReported() {
    String site = "shop" + UUID.randomUUID().toString().substring(0, 8) + ".vn";
    String page = "https://" + site + "/thanh-toan";
    String other = "https://" + site + "/nap-tien";
    UUID caseId = caseOfSite(page, "q1");
    cases.onTip(UUID.randomUUID(), siteTip(other, "q2"));

    decide(dispute("URL", page), unitOf(caseId), true);

    // The page is decided; the site's other reported page still lists the site.
    assertThat(listed("URL", other)).isTrue();
    assertThat(listed("DOMAIN", site)).isTrue();
  }

  @Test
  void anUpheldDisputeOfADomainTakesItsPagesOffAndAReviewConfirmedListsThemAgain() {
    String site = "shop" + UUID.randomUUID().toString().substring(0, 8) + ".vn";
    String page = "https://" + site + "/thanh-toan";
    String other = "https://pay." + site + "/nap-tien";
    UUID caseId = caseOfSite(page, "r1");
    cases.onTip(UUID.randomUUID(), siteTip(other, "r2"));
    String unit = unitOf(caseId);

    String disputeId = dispute("DOMAIN", site);
    decide(disputeId, unit, true);

    assertThat(listed("DOMAIN", site)).isFalse();
    assertThat(listed("URL", page)).isFalse();
    assertThat(listed("URL", other)).isFalse();
    assertThat(listed("DOMAIN", "pay." + site)).isFalse();

    // A new, independent victim names a page of it: the deciding unit reviews the decision, and
    // confirming it lists the site again, pages and all.
    cases.onTip(UUID.randomUUID(), siteTip(page, "r3"));
    given()
        .auth()
        .oauth2(tokens.police(unit))
        .get("/api/v1/cases/" + caseId + "/disputes")
        .then()
        .statusCode(200)
        .body("[0].reviewRequestedAt", notNullValue());
    given()
        .auth()
        .oauth2(tokens.police(unit))
        .contentType(ContentType.JSON)
        .body("{\"confirm\":true}")
        .post("/api/v1/disputes/" + disputeId + "/review")
        .then()
        .statusCode(200);
    assertThat(listed("DOMAIN", site)).isTrue();
    assertThat(listed("URL", page)).isTrue();
    assertThat(listed("URL", other)).isTrue();
  }

  /** A tip naming a page as intake stores it: the URL and the site's domain(s) beside it. */
  private static TipReceivedV1 siteTip(String url, String source) {
    return tip().paid(TestTips.account(), 1_000_000).from(source + url).site(url).build();
  }

  private UUID caseOfSite(String url, String source) {
    TipReceivedV1 t = siteTip(url, source);
    cases.onTip(UUID.randomUUID(), t);
    return (UUID) caseOf(db, t.tipId()).get("id");
  }

  private String unitOf(UUID caseId) {
    return (String)
        db.query("SELECT unit_code FROM fraud_case WHERE id = ?", caseId).get(0).get("unit_code");
  }

  private static boolean listed(String type, String value) {
    return given()
        .queryParam("type", type)
        .queryParam("value", value)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .extract()
        .path("listed");
  }

  private static String dispute(String type, String value) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            "{\"type\":\"" + type + "\",\"value\":\"" + value + "\",\"reason\":\"Trang của tôi\"}")
        .post("/api/v1/disputes")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private void decide(String disputeId, String unit, boolean upheld) {
    given()
        .auth()
        .oauth2(tokens.police(unit))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":" + upheld + "}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(200);
  }
}
