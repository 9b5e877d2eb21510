package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.cases.RouteAnswers;
import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.RawRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The single check's fast path answers what memory knows as the resource answers it, and leaves
 * everything else to the resource.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WatchlistRouteTest {
  private static final String CHECK = "/api/v1/watchlist/check";

  @InjectTokens Tokens tokens;
  @Inject TipLinking cases;
  @Inject MeterRegistry registry;

  @Test
  void anUnknownIdentifierIsAnsweredBelowTheRestLayerAsTheResourceAnswersIt() {
    Map<String, Supplier<RequestSpecification>> callers =
        Map.of(
            "citizen", () -> given(),
            "bank", () -> given().auth().oauth2(tokens.bank("970436")),
            "operator", () -> given().auth().oauth2(tokens.operator("operator@test")));
    callers.forEach(
        (who, caller) -> {
          String value = "0912" + (100_000 + (int) (Math.random() * 800_000));
          double before = answered();
          Response fast =
              caller.get().queryParam("type", "PHONE").queryParam("value", value).get(CHECK);
          assertThat(answered()).as(who).isEqualTo(before + 1);
          // A parameter's name percent-encoded ("%74ype" is "type"): the route leaves it to the
          // resource, which decodes it. (A parameter given twice is refused there, a 400.)
          Response rest =
              caller.get().urlEncodingEnabled(false).get(CHECK + "?%74ype=PHONE&value=" + value);
          assertThat(answered()).as(who).isEqualTo(before + 1);
          assertThat(fast.statusCode()).as(who).isEqualTo(200);
          assertThat(fast.contentType()).as(who).isEqualTo(rest.contentType());
          assertThat(fast.jsonPath().getMap("")).as(who).isEqualTo(rest.jsonPath().getMap(""));
          assertThat(fast.jsonPath().getBoolean("listed")).as(who).isFalse();
        });
  }

  @Test
  void aCitizenOrATokenVerifiedBeforeIsAnsweredBeforeAuthentication() {
    String bank = tokens.bank("970436");
    String unit = tokens.police("PA05-66");
    String value = TestTips.phone();
    // The first time, authentication verifies the token (and keeps it).
    Response verified = check(given().auth().oauth2(bank), value);
    check(given().auth().oauth2(unit), value);
    double before = early();
    double all = answered();

    Response kept = check(given().auth().oauth2(bank), value);
    Response citizen = check(given(), value);

    assertThat(early()).isEqualTo(before + 2);
    assertThat(answered()).isEqualTo(all + 2);
    assertThat(kept.statusCode()).isEqualTo(200);
    assertThat(kept.contentType()).isEqualTo(verified.contentType());
    assertThat(kept.jsonPath().getMap("")).isEqualTo(verified.jsonPath().getMap(""));
    assertThat(citizen.jsonPath().getMap("")).isEqualTo(verified.jsonPath().getMap(""));

    // A unit's token, kept or not, goes on to the resource (its unit is looked up there).
    check(given().auth().oauth2(unit), value).then().statusCode(200);
    // Tokens never verified, or refused, go to authentication, which refuses them.
    check(given().auth().oauth2(Tokens.forged()), value).then().statusCode(401);
    check(given().auth().oauth2(tokens.expiredOperator()), value).then().statusCode(401);
    // Another scheme, or the kept token with a tail: authentication judges them.
    check(given().header("Authorization", "Basic " + bank), value);
    check(given().auth().oauth2(bank + "x"), value).then().statusCode(401);
    assertThat(early()).isEqualTo(before + 2);
  }

  private static Response check(RequestSpecification caller, String value) {
    return caller.queryParam("type", "PHONE").queryParam("value", value).get(CHECK);
  }

  @Test
  void whatMemoryCannotAnswerOrTheRouteMayNotJudgeGoesToTheResource() throws IOException {
    String phone = TestTips.phone();
    cases.onTip(UUID.randomUUID(), tip().phone(phone).lost(1_000).build());
    double before = answered();
    // Listed, and the tests keep no answers: the database answers.
    given()
        .auth()
        .oauth2(tokens.bank("970436"))
        .queryParam("type", "PHONE")
        .queryParam("value", phone)
        .get(CHECK)
        .then()
        .statusCode(200)
        .body("listed", equalTo(true))
        .body("reportCount", equalTo(1));
    // A unit's token is looked up (a deactivated unit is refused).
    given()
        .auth()
        .oauth2(tokens.police("PA05-66"))
        .queryParam("type", "PHONE")
        .queryParam("value", "0912000001")
        .get(CHECK)
        .then()
        .statusCode(200)
        .body("listed", equalTo(false));
    // Parameters the resource refuses, with its problem+json.
    given()
        .queryParam("type", "bank_account")
        .queryParam("value", "970436:1")
        .get(CHECK)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .queryParam("type", "PHONE")
        .queryParam("value", "0912\u202E000002")
        .get(CHECK)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given().queryParam("type", "PHONE").get(CHECK).then().statusCode(400);
    given()
        .queryParam("type", "PHONE")
        .queryParam("value", "9".repeat(WatchlistResource.MAX_VALUE + 1))
        .get(CHECK)
        .then()
        .statusCode(400);
    given()
        .accept("application/xml")
        .queryParam("type", "PHONE")
        .queryParam("value", "0912000003")
        .get(CHECK)
        .then()
        .statusCode(406);
    assertThat(
            RawRequest.get(RestAssured.port, CHECK + "?type=PHONE&value=0912%ZZ", Map.of())
                .status())
        .isEqualTo(400);
    assertThat(answered()).isEqualTo(before);
    // A token that does not verify is refused before any route.
    given()
        .auth()
        .oauth2("not-a-token")
        .queryParam("type", "PHONE")
        .queryParam("value", "0912000004")
        .get(CHECK)
        .then()
        .statusCode(401);
    assertThat(answered()).isEqualTo(before);
  }

  private double answered() {
    return RouteAnswers.all(registry);
  }

  private double early() {
    return RouteAnswers.early(registry);
  }
}
