package io.fraudtip.cases.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.ChunkedPost;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bearer tokens for another audience or too old, and chunked bodies over the limit. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RequestGuardsTest {
  @InjectTokens Tokens tokens;

  @TestHTTPResource("/api/v1/disputes")
  URI disputes;

  @Test
  void aTokenForAnotherAudienceIs401() {
    given().auth().oauth2(tokens.operator("ops")).get("/api/v1/admin/units").then().statusCode(200);
    given()
        .auth()
        .oauth2(tokens.operatorFor("another-platform"))
        .get("/api/v1/admin/units")
        .then()
        .statusCode(401);
  }

  @Test
  void aTokenOlderThanTheMaximumAgeIs401() {
    given()
        .auth()
        .oauth2(tokens.operatorIssued(Duration.ofHours(25)))
        .get("/api/v1/admin/units")
        .then()
        .statusCode(401);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() throws Exception {
    String reason = "a".repeat(200_000);
    String body = "{\"type\":\"PHONE\",\"value\":\"0912345678\",\"reason\":\"" + reason + "\"}";

    assertThat(ChunkedPost.status(disputes, body)).isEqualTo(413);
  }
}
