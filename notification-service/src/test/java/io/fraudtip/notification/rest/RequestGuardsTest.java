package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.ChunkedPost;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens for another audience or too old, chunked bodies over the limit, and the bound on a
 * bank's endpoints (two here).
 */
@QuarkusTest
@TestProfile(RequestGuardsTest.SmallBounds.class)
@WithTestResource(PlatformTestResource.class)
class RequestGuardsTest {
  /** Two endpoints per bank; twelve requests per bank token and three per police token an hour. */
  public static class SmallBounds implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.webhooks.max-endpoints-per-bank", "2",
          "fraudtip.quotas.notification.per-bank-capacity", "12",
          "fraudtip.quotas.notification.per-police-capacity", "3",
          "fraudtip.quotas.period", "1h");
    }
  }

  @InjectTokens Tokens tokens;

  @TestHTTPResource("/api/v1/endpoints")
  URI endpoints;

  @Test
  void aTokenForAnotherAudienceIs401() {
    given().auth().oauth2(tokens.operator("ops")).get("/api/v1/endpoints").then().statusCode(200);
    given()
        .auth()
        .oauth2(tokens.operatorFor("another-platform"))
        .get("/api/v1/endpoints")
        .then()
        .statusCode(401);
  }

  @Test
  void aTokenOlderThanTheMaximumAgeIs401() {
    given()
        .auth()
        .oauth2(tokens.operatorIssued(Duration.ofHours(25)))
        .get("/api/v1/endpoints")
        .then()
        .statusCode(401);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() throws Exception {
    String body =
        "{\"url\":\"http://127.0.0.1:1/hooks/big\",\"description\":\""
            + "a".repeat(200_000)
            + "\"}";

    assertThat(ChunkedPost.status(endpoints, body, tokens.bank("970407"))).isEqualTo(413);
  }

  @Test
  void aBankRegistersAtMostTheConfiguredNumberOfEndpoints() {
    String bank = tokens.bank("970423");
    for (int i = 0; i < 2; i++) {
      register(bank, "http://127.0.0.1:1/hooks/" + i).then().statusCode(201);
    }
    register(bank, "http://127.0.0.1:1/hooks/2")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("endpoint-limit"));
    // Another bank is not affected.
    register(tokens.bank("970448"), "http://127.0.0.1:1/hooks/x").then().statusCode(201);

    // An inactive endpoint (paused, or deleted after it delivered and kept for its log) holds no
    // place: another may be registered, and the inactive one comes back only when there is room.
    String first =
        given().auth().oauth2(bank).get("/api/v1/endpoints").then().extract().path("[0].id");
    patch(bank, first, "{\"active\":false}").then().statusCode(200);
    register(bank, "http://127.0.0.1:1/hooks/3").then().statusCode(201);
    patch(bank, first, "{\"active\":true}")
        .then()
        .statusCode(409)
        .body("type", equalTo("endpoint-limit"));
  }

  @Test
  void banksAndPoliceHaveTheirQuotaByTokenThen429WithRetryAfter() {
    String bank = tokens.bank("970409");
    for (int i = 0; i < 12; i++) {
      given().auth().oauth2(bank).get("/api/v1/alerts").then().statusCode(200);
    }
    // Every endpoint counts: a rotation, a replay or an answer as much as a read.
    given()
        .auth()
        .oauth2(bank)
        .header("Accept-Language", "vi")
        .post("/api/v1/endpoints/{id}/secret/rotate", UUID.randomUUID())
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, greaterThan(0))
        .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(3600))
        .body("status", equalTo(429))
        .body("title", equalTo("Quá nhiều yêu cầu"));
    // Another bank, and operators, are not affected.
    given().auth().oauth2(tokens.bank("970410")).get("/api/v1/alerts").then().statusCode(200);
    String operator = tokens.operator("ops-quota");
    for (int i = 0; i < 15; i++) {
      given().auth().oauth2(operator).get("/api/v1/alerts").then().statusCode(200);
    }

    String unit = tokens.police("C06-quota");
    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(unit).get("/api/v1/banks/970436").then().statusCode(200);
    }
    given().auth().oauth2(unit).get("/api/v1/banks/970436").then().statusCode(429);
  }

  private static io.restassured.response.Response patch(String token, String id, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .patch("/api/v1/endpoints/" + id);
  }

  private static io.restassured.response.Response register(String token, String url) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"url\":\"" + url + "\",\"eventTypes\":[\"account.reported\"]}")
        .post("/api/v1/endpoints");
  }
}
