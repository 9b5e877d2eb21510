package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per source address and per client. Each test comes from its own address through a
 * trusted proxy's X-Forwarded-For, so that the tests do not share buckets.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(PlatformTestResource.class)
class RateLimitTest {
  /**
   * Five requests per address and three per client per hour, 3,000 bytes of evidence per address;
   * the local proxy is trusted.
   */
  public static class LowLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.intake.rate-limits.per-address.capacity", "5",
          "fraudtip.intake.rate-limits.per-address.period", "1h",
          "fraudtip.intake.rate-limits.per-client.capacity", "3",
          "fraudtip.intake.rate-limits.per-client.period", "1h",
          "fraudtip.intake.rate-limits.evidence-bytes-per-address.capacity", "3000",
          "fraudtip.intake.rate-limits.evidence-bytes-per-address.period", "1h",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true",
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1,localhost");
    }
  }

  @InjectTokens Tokens tokens;

  @Test
  void anAddressGetsItsLimitThen429WithRetryAfter() {
    for (int i = 0; i < 5; i++) {
      from("203.0.113.10").get("/api/v1/tips/AAAA-BBBB-CC").then().statusCode(404);
    }
    from("203.0.113.10")
        .header("Accept-Language", "vi")
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, greaterThan(0))
        .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(3600))
        .body("status", equalTo(429))
        .body("title", equalTo("Quá nhiều yêu cầu"));
    // Submissions count against the same address; another address is not affected.
    from("203.0.113.10")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/tips")
        .then()
        .statusCode(429);
    from("203.0.113.11").get("/api/v1/tips/AAAA-BBBB-CC").then().statusCode(404);
  }

  /** Files fill a disk long before their requests reach the address's limit. */
  @Test
  void anAddressUploadsItsAllowanceOfEvidenceBytesThen429() {
    String upload = "/api/v1/tips/AAAA-BBBB-CC/evidence";
    upload("203.0.113.30", upload, 2000).statusCode(404);
    upload("203.0.113.30", upload, 2000)
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, greaterThan(0))
        .body("type", org.hamcrest.Matchers.endsWith("upload-quota"));
    // A small file still fits, and the path with a trailing slash counts the same.
    upload("203.0.113.30", upload + "/", 500).statusCode(404);
    upload("203.0.113.30", upload + "/", 600).statusCode(429);
    // Another address has its own allowance.
    upload("203.0.113.31", upload, 2000).statusCode(404);
  }

  /** Uploads a PNG of {@code bytes} bytes from the address: refused only for its unknown tip. */
  private ValidatableResponse upload(String address, String path, int bytes) {
    return from(address)
        .contentType("application/octet-stream")
        .queryParam("name", "a.png")
        .body(png(bytes))
        .post(path)
        .then();
  }

  /** Bytes that read as a PNG image: the upload is refused only for its unknown tip. */
  private static byte[] png(int length) {
    byte[] bytes = new byte[length];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, bytes, 0, signature.length);
    return bytes;
  }

  @Test
  void aClientGetsItsLimitWhateverAddressItComesFrom() {
    String token = tokens.operator("chatbot-1");
    for (int i = 0; i < 3; i++) {
      from("198.51.100." + (20 + i))
          .auth()
          .oauth2(token)
          .get("/api/v1/tips/AAAA-BBBB-CC")
          .then()
          .statusCode(404);
    }
    from("198.51.100.23")
        .auth()
        .oauth2(token)
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(429)
        .header("Retry-After", Integer::parseInt, greaterThan(0));
    // Another client from the same address goes on.
    from("198.51.100.23")
        .auth()
        .oauth2(tokens.operator("chatbot-2"))
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(404);
  }

  @Test
  void anApiKeyNamesAClientToo() {
    for (int i = 0; i < 3; i++) {
      from("192.0.2." + (30 + i))
          .header("X-Api-Key", "hotline-console")
          .get("/api/v1/tips/AAAA-BBBB-CC")
          .then()
          .statusCode(404);
    }
    from("192.0.2.33")
        .header("X-Api-Key", "hotline-console")
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(429);
    from("192.0.2.33")
        .header("X-Api-Key", "web-form")
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(404);
  }

  private static RequestSpecification from(String address) {
    return given().header("X-Forwarded-For", address);
  }
}
