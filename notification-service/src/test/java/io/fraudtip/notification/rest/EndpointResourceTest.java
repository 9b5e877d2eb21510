package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.webhook.SigningSecrets;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EndpointResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject SigningSecrets signingSecrets;

  @Test
  void aBankRegistersAnEndpointAndSeesItsSecretOnlyOnce() {
    var created =
        given()
            .auth()
            .oauth2(tokens.bank("970436"))
            .contentType(ContentType.JSON)
            .body(
                """
                {"url": "http://127.0.0.1:1/hooks/a", "eventTypes": ["account.reported"]}
                """)
            .post("/api/v1/endpoints")
            .then()
            .statusCode(201)
            .body("endpoint.bankBin", equalTo("970436"))
            .body("endpoint.bankName", equalTo("Vietcombank"))
            .body("endpoint.active", equalTo(true))
            .body("secret", startsWith("whsec_"))
            .extract();
    String id = created.path("endpoint.id");
    String secret = created.path("secret");
    int bytes = Base64.getDecoder().decode(secret.substring("whsec_".length())).length;
    assertThat(bytes).isBetween(24, 64);

    String shown =
        given()
            .auth()
            .oauth2(tokens.bank("970436"))
            .get("/api/v1/endpoints/{id}", id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(shown).doesNotContain(secret).doesNotContain("whsec_");
  }

  @Test
  void aBankCannotSeeOrChangeAnotherBanksEndpoints() {
    String id = create(tokens.bank("970436"), null);
    String other = tokens.bank("970422");
    given().auth().oauth2(other).get("/api/v1/endpoints/{id}", id).then().statusCode(404);
    given()
        .auth()
        .oauth2(other)
        .contentType(ContentType.JSON)
        .body("{\"active\": false}")
        .patch("/api/v1/endpoints/{id}", id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(other)
        .post("/api/v1/endpoints/{id}/secret/rotate", id)
        .then()
        .statusCode(404);
    given().auth().oauth2(other).delete("/api/v1/endpoints/{id}", id).then().statusCode(404);
    given()
        .auth()
        .oauth2(other)
        .get("/api/v1/endpoints")
        .then()
        .statusCode(200)
        .body("bankBin", everyItem(equalTo("970422")))
        .body("id", not(hasItem(id)));
    // A bank cannot register for another bank either.
    given()
        .auth()
        .oauth2(other)
        .contentType(ContentType.JSON)
        .body(
            """
            {"bankBin": "970436", "url": "http://127.0.0.1:1/x", "eventTypes": ["account.reported"]}
            """)
        .post("/api/v1/endpoints")
        .then()
        .statusCode(400);
    assertThat(db.queryLong("SELECT count(*) FROM bank_endpoint WHERE id = ?::uuid AND active", id))
        .isOne();

    // Operators see and manage every bank's.
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .get("/api/v1/endpoints/{id}", id)
        .then()
        .statusCode(200);
  }

  @Test
  void operatorsRegisterForANamedBankOfTheDirectoryOnly() {
    String operator = tokens.operator("ops");
    assertThat(create(operator, "970422")).isNotNull();
    given()
        .auth()
        .oauth2(operator)
        .contentType(ContentType.JSON)
        .body(
            """
            {"bankBin": "999999", "url": "http://127.0.0.1:1/x", "eventTypes": ["account.reported"]}
            """)
        .post("/api/v1/endpoints")
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("bank.unknown"));
    given()
        .auth()
        .oauth2(operator)
        .contentType(ContentType.JSON)
        .body(
            """
            {"bankBin": "970422", "url": "http://127.0.0.1:1/x", "eventTypes": ["everything"]}
            """)
        .post("/api/v1/endpoints")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("eventTypes[0]"));
  }

  @Test
  void aRefusedEndpointIsOneValidationProblemNamingEachBadFieldAsInEveryService() {
    String operator = tokens.operator("ops");
    given()
        .auth()
        .oauth2(operator)
        .contentType(ContentType.JSON)
        .body("{\"url\": \"http://127.0.0.1:1/x\", \"eventTypes\": [\"account.reported\"]}")
        .post("/api/v1/endpoints")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("The request has 1 invalid field(s)"))
        .body("errors[0].message", equalTo("Name the bank the endpoint belongs to"));
    given()
        .auth()
        .oauth2(operator)
        .contentType(ContentType.JSON)
        .body(
            """
            {"bankBin": "970422", "url": "http://127.0.0.1:1/x", "eventTypes": ["all", "more"]}
            """)
        .post("/api/v1/endpoints")
        .then()
        .statusCode(400)
        .body("detail", equalTo("The request has 2 invalid field(s)"))
        .body("errors[1].field", equalTo("eventTypes[1]"));
  }

  @Test
  void rotationShowsANewSecretAndKeepsTheOldOneSigningForTheGracePeriod() {
    var created =
        given()
            .auth()
            .oauth2(tokens.bank("970418"))
            .contentType(ContentType.JSON)
            .body("{\"url\": \"http://127.0.0.1:1/r\", \"eventTypes\": [\"freeze.requested\"]}")
            .post("/api/v1/endpoints")
            .then()
            .statusCode(201)
            .extract();
    String id = created.path("endpoint.id");
    String first = created.path("secret");
    String second = rotate("970418", id);
    assertThat(second).startsWith("whsec_").isNotEqualTo(first);
    var row =
        db.query(
                "SELECT secret_sealed, previous_secret_sealed FROM bank_endpoint WHERE id = ?::uuid",
                id)
            .get(0);
    // Stored sealed (SecretsAtRestTest), they open to the secrets shown.
    UUID endpointId = UUID.fromString(id);
    assertThat(signingSecrets.open(endpointId, (String) row.get("secret_sealed")))
        .isEqualTo(second);
    assertThat(signingSecrets.open(endpointId, (String) row.get("previous_secret_sealed")))
        .isEqualTo(first);
    assertThat(WebhookSignature.key(second)).hasSize(32);

    // Rotated again within the grace: the bank may verify with the first (the answer above lost)
    // or the second (deployed at once); both keep signing beside the third.
    String third = rotate("970418", id);
    row =
        db.query(
                "SELECT secret_sealed, previous_secret_sealed, older_secret_sealed,"
                    + " older_secret_until > now() AS older_in_force FROM bank_endpoint"
                    + " WHERE id = ?::uuid",
                id)
            .get(0);
    assertThat(signingSecrets.open(endpointId, (String) row.get("secret_sealed"))).isEqualTo(third);
    assertThat(signingSecrets.open(endpointId, (String) row.get("previous_secret_sealed")))
        .isEqualTo(second);
    assertThat(signingSecrets.open(endpointId, (String) row.get("older_secret_sealed")))
        .isEqualTo(first);
    assertThat(row.get("older_in_force")).isEqualTo(true);
  }

  @Test
  void aChangeMadeWhileTheDispatcherDisablesTheEndpointKeepsItDisabled() throws Exception {
    String token = tokens.bank("963369");
    String id = create(token, null);
    // The dispatcher disables the endpoint (a 410, five days failing) in a transaction still open
    // when the bank's change of description arrives.
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE bank_endpoint SET active = false, disabled_reason = 'GONE',"
                  + " disabled_at = now() WHERE id = ?::uuid")) {
        s.setString(1, id);
        s.executeUpdate();
      }
      CompletableFuture<Integer> change =
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .auth()
                      .oauth2(token)
                      .contentType(ContentType.JSON)
                      .body("{\"description\": \"Core banking, site B\"}")
                      .patch("/api/v1/endpoints/{id}", id)
                      .statusCode());
      db.awaitLockWait("bank_endpoint", Duration.ofSeconds(10));
      c.commit();
      assertThat(change.get(20, TimeUnit.SECONDS)).isEqualTo(200);
    }
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/endpoints/{id}", id)
        .then()
        .statusCode(200)
        .body("description", equalTo("Core banking, site B"))
        .body("active", equalTo(false))
        .body("disabledReason", equalTo("GONE"));
  }

  @Test
  void theBankDirectoryIsKeyedByBin() {
    given()
        .auth()
        .oauth2(tokens.bank("970436"))
        .get("/api/v1/banks/970406")
        .then()
        .statusCode(200)
        .body("name", equalTo("Vikki Bank"))
        .body("formerNames", hasItem("DongA Bank"));
    given().auth().oauth2(tokens.bank("970436")).get("/api/v1/banks/123").then().statusCode(404);
  }

  /** Rotates the endpoint's secret as its bank; returns the new secret. */
  private String rotate(String bin, String id) {
    return given()
        .auth()
        .oauth2(tokens.bank(bin))
        .post("/api/v1/endpoints/{id}/secret/rotate", id)
        .then()
        .statusCode(200)
        .body("endpoint.previousSecretValidUntil", not(nullValue()))
        .extract()
        .path("secret");
  }

  private String create(String token, String bin) {
    String body =
        bin == null
            ? "{\"url\": \"http://127.0.0.1:1/x\", \"eventTypes\": [\"account.reported\"]}"
            : "{\"bankBin\": \""
                + bin
                + "\", \"url\": \"http://127.0.0.1:1/x\", \"eventTypes\": [\"account.reported\"]}";
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/endpoints")
        .then()
        .statusCode(201)
        .extract()
        .path("endpoint.id");
  }
}
