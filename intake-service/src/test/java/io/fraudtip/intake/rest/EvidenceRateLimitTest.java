package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.EvidenceSamples;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Uploads count against the same per-address limit as tips (RateLimitTest's low limits). */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(PlatformTestResource.class)
class EvidenceRateLimitTest {
  @InjectDatabase TestDatabase db;

  private static RequestSpecification from(String address) {
    return given().header("X-Forwarded-For", address);
  }

  @Test
  void uploadsAreRateLimitedLikeTipsAndA429StoresNothing() {
    String code =
        from("203.0.113.40")
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("trackingCode");
    // The tip took one of the address's five requests; four uploads take the rest.
    for (int i = 0; i < 4; i++) {
      from("203.0.113.40")
          .contentType("image/png")
          .queryParam("name", "anh-" + i + ".png")
          .body(EvidenceSamples.png(40 + i))
          .post("/api/v1/tips/" + code + "/evidence")
          .then()
          .statusCode(201);
    }
    long stored = db.queryLong("SELECT count(*) FROM evidence_file");

    from("203.0.113.40")
        .contentType("image/png")
        .queryParam("name", "anh-5.png")
        .body(EvidenceSamples.png(50))
        .post("/api/v1/tips/" + code + "/evidence")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, greaterThan(0));
    assertThat(db.queryLong("SELECT count(*) FROM evidence_file")).isEqualTo(stored);
  }
}
