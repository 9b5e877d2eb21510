package io.fraudtip.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing secrets are sealed in the database, and deliveries still verify with them. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SecretsAtRestTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;
  @Inject SecretSealing sealing;

  @Test
  void theDatabaseHoldsNoSecretInTheClearAndDeliveriesVerify() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970433");
    String next =
        given()
            .auth()
            .oauth2(tokens.bank("970433"))
            .post("/api/v1/endpoints/{id}/secret/rotate", endpoint.id())
            .then()
            .statusCode(200)
            .extract()
            .path("secret");

    Map<String, Object> row = stored(endpoint.id());
    assertSealed(row.get("secret_sealed"), next);
    assertSealed(row.get("previous_secret_sealed"), endpoint.secret());
    assertThat(db.query("SELECT * FROM bank_endpoint WHERE id = ?::uuid", endpoint.id()).get(0))
        .allSatisfy(
            (column, value) ->
                assertThat(String.valueOf(value))
                    .doesNotContain(body(next))
                    .doesNotContain(body(endpoint.secret())));

    // The bank verifies with the new secret only: the sealed one signed the delivery.
    endpoint.receiver().secrets(next);
    Webhooks.tip(kafka, "970433", "7900000001");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    assertThat(endpoint.receiver().deliveries().get(0).verified()).isTrue();
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aSecretStoredInTheClearBeforeIsSealedAndStillSigns() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970434");
    // As an earlier version left it.
    db.update(
        "UPDATE bank_endpoint SET secret_sealed = ? WHERE id = ?::uuid",
        endpoint.secret(),
        endpoint.id());

    assertThat(sealing.sealClearSecrets()).isGreaterThanOrEqualTo(1);

    assertSealed(stored(endpoint.id()).get("secret_sealed"), endpoint.secret());
    Webhooks.tip(kafka, "970434", "7900000002");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    assertThat(endpoint.receiver().deliveries().get(0).verified()).isTrue();
    Webhooks.retire(db, endpoint);
  }

  private Map<String, Object> stored(String endpointId) {
    return db.query(
            "SELECT secret_sealed, previous_secret_sealed FROM bank_endpoint WHERE id = ?::uuid",
            endpointId)
        .get(0);
  }

  private static void assertSealed(Object stored, String secret) {
    assertThat(stored).isInstanceOf(String.class);
    assertThat((String) stored)
        .startsWith(SigningSecrets.SEALED_PREFIX)
        .doesNotContain("whsec_")
        .doesNotContain(body(secret));
  }

  /** The secret without its {@code whsec_} prefix: its random bytes in Base64. */
  private static String body(String secret) {
    return secret.substring("whsec_".length());
  }
}
