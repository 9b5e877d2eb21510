package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OversizedBodyTest {
  @InjectDatabase TestDatabase db;

  @Test
  void aBodyOverTheLimitIsAProblemAnswerAndStoresNothing() {
    long before = db.queryLong("SELECT count(*) FROM tip");
    String padded =
        Tips.VALID.replace("\"channel\"", "\"x\": \"" + "a".repeat(200_000) + "\", \"channel\"");

    given()
        .contentType(ContentType.JSON)
        .header("Accept-Language", "vi")
        .body(padded)
        .post("/api/v1/tips")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413))
        .body("title", equalTo("Nội dung quá lớn"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
  }
}
