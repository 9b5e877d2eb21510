package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.intake.Tips;
import io.fraudtip.intake.service.IdempotencyKeys;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Idempotency-Key: first answer on a retry, 422 on another body, 409 while in flight, expiry. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IdempotencyTest {
  @InjectDatabase TestDatabase db;

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndStoresNothingNew() {
    String key = UUID.randomUUID().toString();
    ExtractableResponse<Response> first = post(key, Tips.VALID).statusCode(202).extract();
    long tips = db.queryLong("SELECT count(*) FROM tip");
    long outbox = db.queryLong("SELECT count(*) FROM outbox_event");

    ExtractableResponse<Response> retry =
        post(key, Tips.VALID)
            .statusCode(202)
            .header("Idempotent-Replayed", "true")
            .header("Location", first.header("Location"))
            .extract();
    assertThat(retry.<String>path("tipId")).isEqualTo(first.path("tipId"));
    assertThat(retry.<String>path("trackingCode")).isEqualTo(first.path("trackingCode"));
    assertThat(retry.<String>path("receivedAt")).isEqualTo(first.path("receivedAt"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(tips);
    assertThat(db.queryLong("SELECT count(*) FROM outbox_event")).isEqualTo(outbox);
  }

  /**
   * Two apps that both number their requests: the same key from two clients is two keys, and
   * neither answers nor refuses the other's tip; each client's retry still gets its own answer.
   */
  @Test
  void aClientsKeysAreItsOwn() {
    String key = "req-" + UUID.randomUUID().toString().substring(0, 6);
    String app = "app-a-" + UUID.randomUUID();
    String other = "app-b-" + UUID.randomUUID();
    String first = postAs(app, key, Tips.VALID).statusCode(202).extract().path("tipId");
    String second =
        postAs(other, key, Tips.VALID.replace("45000000", "46000000"))
            .statusCode(202)
            .header("Idempotent-Replayed", (String) null)
            .extract()
            .path("tipId");
    assertThat(second).isNotEqualTo(first);
    postAs(app, key, Tips.VALID)
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .body("tipId", equalTo(first));
    postAs(other, key, Tips.VALID).statusCode(422).body("type", equalTo("idempotency-mismatch"));
    // Anonymous callers share one space: the key is free there, and then taken.
    String anonymous = post(key, Tips.VALID).statusCode(202).extract().path("tipId");
    assertThat(anonymous).isNotIn(first, second);
    post(key, Tips.VALID).statusCode(202).body("tipId", equalTo(anonymous));
  }

  /**
   * An anonymous caller cannot take a named client's key: sent as the form a client's key is kept
   * in ("c:" and the digest of the client and its key, which anyone can work out for an API key or
   * a police unit's code), it is an anonymous key like any other, and the client's tip goes in.
   */
  @Test
  void anAnonymousCallerCannotTakeOrReadANamedClientsKey() {
    String key = "req-" + UUID.randomUUID().toString().substring(0, 6);
    String app = "app-c-" + UUID.randomUUID();
    String squatted = IdempotencyKeys.scoped(key, "key:" + Hashes.sha256(app));
    String squatter = post(squatted, Tips.VALID).statusCode(202).extract().path("tipId");

    String client =
        postAs(app, key, Tips.VALID.replace("45000000", "47000000"))
            .statusCode(202)
            .header("Idempotent-Replayed", (String) null)
            .extract()
            .path("tipId");
    assertThat(client).isNotEqualTo(squatter);
    // Nor is the client's receipt anyone else's to replay.
    post(squatted, Tips.VALID.replace("45000000", "47000000"))
        .statusCode(422)
        .body("type", equalTo("idempotency-mismatch"));
  }

  private static io.restassured.response.ValidatableResponse postAs(
      String apiKey, String key, String body) {
    return given()
        .header("X-Api-Key", apiKey)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tips")
        .then();
  }

  @Test
  void aKeyWithACommaIsOneKeyNotTwo() {
    // A comma is a visible character a key may hold; only a second header line is refused.
    String key = "batch-7," + UUID.randomUUID();
    String tipId = post(key, Tips.VALID).statusCode(202).extract().path("tipId");
    post(key, Tips.VALID)
        .statusCode(202)
        .header("Idempotent-Replayed", "true")
        .body("tipId", equalTo(tipId));
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    post(key, Tips.VALID).statusCode(202);
    long tips = db.queryLong("SELECT count(*) FROM tip");
    post(key, Tips.VALID.replace("45000000", "46000000"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("idempotency-mismatch"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(tips);
  }

  @Test
  void theSameKeyWhileTheFirstIsInFlightIsAConflict() throws Exception {
    String key = UUID.randomUUID().toString();
    CompletableFuture<ExtractableResponse<Response>> first;
    // Hold the first request inside its transaction: it blocks on writing the outbox.
    try (Connection c = DriverManager.getConnection(db.url(), "postgres", "postgres");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("LOCK TABLE outbox_event IN EXCLUSIVE MODE");
      first = CompletableFuture.supplyAsync(() -> post(key, Tips.VALID).extract());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> db.queryLong("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") > 0);

      post(key, Tips.VALID)
          .statusCode(409)
          .contentType("application/problem+json")
          .body("type", equalTo("idempotency-in-flight"));
      assertThat(first).isNotDone();
      c.rollback();
    }
    ExtractableResponse<Response> answer = first.get();
    assertThat(answer.statusCode()).isEqualTo(202);
    // Once the first is done, a retry gets its answer.
    post(key, Tips.VALID).statusCode(202).body("tipId", equalTo(answer.path("tipId")));
  }

  @Test
  void aKeyIsForgottenAfterItsExpiry() {
    String key = UUID.randomUUID().toString();
    String first = post(key, Tips.VALID).statusCode(202).extract().path("tipId");
    db.update(
        "UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE idem_key = ?",
        "a:" + key);
    String second = post(key, Tips.VALID).statusCode(202).extract().path("tipId");
    assertThat(second).isNotEqualTo(first);
    assertThat(db.queryLong("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", "a:" + key))
        .isOne();
  }

  @Test
  void aMalformedKeyIsRefused() {
    post("x".repeat(101), Tips.VALID)
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"))
        .body("errors[0].code", equalTo("idempotency.key.invalid"));
    // A key header sent blank is a key the client meant to send: refused, never taken as no key
    // (a retry would then make a second tip).
    long before = db.queryLong("SELECT count(*) FROM tip");
    for (String blank : List.of("", " ", "\t")) {
      post(blank, Tips.VALID)
          .statusCode(400)
          .body("errors[0].field", equalTo("Idempotency-Key"))
          .body("errors[0].code", equalTo("idempotency.key.invalid"));
    }
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
    // Two keys: the service would take the first, a proxy or a log may take the other.
    given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "first-" + UUID.randomUUID(), "second-" + UUID.randomUUID())
        .body(Tips.VALID)
        .post("/api/v1/tips")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"))
        .body("errors[0].code", equalTo("header.repeated"))
        .body("errors[0].message", equalTo("The header 'Idempotency-Key' is given more than once"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
  }

  private static io.restassured.response.ValidatableResponse post(String key, String body) {
    return given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/tips")
        .then();
  }
}
