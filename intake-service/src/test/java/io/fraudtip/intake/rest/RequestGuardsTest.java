package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.intake.Tips;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.ChunkedPost;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.RawRequest;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bearer tokens for another audience or too old, and chunked bodies over the limit. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RequestGuardsTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;

  @TestHTTPResource("/api/v1/tips")
  URI tips;

  @Test
  void aTokenForAnotherAudienceIs401() {
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(tokens.operatorFor("another-platform"))
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(401);
  }

  @Test
  void aTokenOlderThanTheMaximumAgeIs401() {
    given()
        .auth()
        .oauth2(tokens.operatorIssued(Duration.ofHours(25)))
        .get("/api/v1/tips/AAAA-BBBB-CC")
        .then()
        .statusCode(401);
  }

  @Test
  void aChunkedBodyWithinTheLimitIsTakenAsAnyOther() throws Exception {
    long before = db.queryLong("SELECT count(*) FROM tip");

    assertThat(ChunkedPost.status(tips, Tips.VALID)).isEqualTo(202);
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before + 1);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndStoresNothing() throws Exception {
    long before = db.queryLong("SELECT count(*) FROM tip");
    String padded =
        Tips.VALID.replace("\"channel\"", "\"x\": \"" + "a".repeat(200_000) + "\", \"channel\"");

    var answer = ChunkedPost.answer(tips, padded, null);
    assertThat(answer.statusCode()).isEqualTo(413);
    // The same problem as a declared body over the limit, never a bare status.
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"payload-too-large\"");
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
  }

  @Test
  void anAddressThatIsNotAUriIsAProblemNamingWhereItBreaks() throws Exception {
    RawRequest path =
        RawRequest.get(
            tips.getPort(),
            "/api/v1/tips/AAAA-%zz-CC",
            Map.of("Authorization", "Bearer " + tokens.operator("ops")));
    assertThat(path.status()).isEqualTo(400);
    assertThat(path.headers()).containsEntry("content-type", "application/problem+json");
    assertThat(path.body())
        .contains("\"field\":\"uri\"", "\"code\":\"uri.malformed\"", "at character 19:")
        .doesNotContain("instance");

    long before = db.queryLong("SELECT count(*) FROM tip");
    RawRequest post =
        RawRequest.send(
            tips.getPort(),
            "POST",
            "/api/v1/tips?source=a|b",
            Map.of("Content-Type", "application/json"),
            Tips.VALID);
    assertThat(post.status()).isEqualTo(400);
    assertThat(post.body()).contains("\"field\":\"source\"", "\"code\":\"uri.malformed\"");
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
  }

  @Test
  void aRequestRefusedBeforeAnyRouteIsStillAProblem() throws Exception {
    RawRequest noHost = getTip("Accept-Language: vi\r\n");
    assertHeaderProblem(noHost, "Host", "header.required");
    assertThat(noHost.headers()).containsEntry("content-type", "application/problem+json");
    assertThat(noHost.body()).contains("Cần có header 'Host'");
    assertHeaderProblem(getTip("Host: a b\r\n"), "Host", "header.invalid");
    // RFC 9112: two Host lines are a 400, not the first one taken.
    assertHeaderProblem(
        getTip("Host: localhost\r\nHost: evil.example\r\n"), "Host", "header.repeated");
    // Authorization and Content-Type hold one value: a gateway in front may read the other line.
    assertHeaderProblem(
        getTip(
            "Host: localhost\r\nAuthorization: Bearer "
                + tokens.operator("ops")
                + "\r\nAuthorization: Bearer not-a-token\r\n"),
        "Authorization",
        "header.repeated");
    long before = db.queryLong("SELECT count(*) FROM tip");
    assertHeaderProblem(
        RawRequest.send(
            tips.getPort(),
            "POST",
            "/api/v1/tips",
            Map.of("Content-Type", "application/json", "content-type", "text/plain"),
            Tips.VALID),
        "Content-Type",
        "header.repeated");
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);

    RawRequest asterisk =
        RawRequest.exchange(
            tips.getPort(),
            "GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            new byte[0]);
    assertThat(asterisk.status()).isEqualTo(404);
    assertThat(asterisk.headers()).containsEntry("content-type", "application/problem+json");
    assertThat(asterisk.body()).contains("\"type\":\"not-found\"");
  }

  /** A tip's status asked with these header lines (each ending in CRLF) and nothing else. */
  private RawRequest getTip(String headerLines) throws Exception {
    return RawRequest.exchange(
        tips.getPort(),
        "GET /api/v1/tips/AAAA-BBBB-CC HTTP/1.1\r\n" + headerLines + "Connection: close\r\n\r\n",
        new byte[0]);
  }

  private static void assertHeaderProblem(RawRequest answer, String header, String code) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"" + header + "\"", "\"code\":\"" + code + "\"");
  }
}
