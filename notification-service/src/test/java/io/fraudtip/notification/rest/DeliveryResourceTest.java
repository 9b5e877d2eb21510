package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

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
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeliveryResourceTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void theLogShowsEveryAttemptToItsBankOnlyAndAReplayKeepsTheWebhookId() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970419");
    endpoint.receiver().answerAlways(500);
    Instant before = Instant.now();
    UUID tip = Webhooks.tip(kafka, "970419", "7100000001");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);
    String id = delivery.get("id").toString();
    String alertId = delivery.get("alert_id").toString();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery WHERE id = ?::uuid AND state = 'FAILED'", id)
                    == 1);

    String own = tokens.bank("970419");
    given()
        .auth()
        .oauth2(own)
        .get("/api/v1/deliveries/{id}", id)
        .then()
        .statusCode(200)
        .body("delivery.state", equalTo("FAILED"))
        .body("attempts", hasSize(4))
        .body("attempts.statusCode", everyItem(equalTo(500)))
        .body("attempts[0].responseBody", equalTo("status 500"))
        .body("attempts[3].outcome", equalTo("FAILED"));
    given()
        .auth()
        .oauth2(own)
        .get("/api/v1/deliveries?state=FAILED")
        .then()
        .statusCode(200)
        .body("bankBin", everyItem(equalTo("970419")))
        .body("id", hasItem(id));

    // Another bank sees nothing of it: not the log, not the alert, not the endpoint, no replay.
    String other = tokens.bank("970421");
    given().auth().oauth2(other).get("/api/v1/deliveries/{id}", id).then().statusCode(404);
    given().auth().oauth2(other).post("/api/v1/deliveries/{id}/replay", id).then().statusCode(404);
    given().auth().oauth2(other).get("/api/v1/alerts/{id}", alertId).then().statusCode(404);
    given()
        .auth()
        .oauth2(other)
        .get("/api/v1/deliveries")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(id)));
    given()
        .auth()
        .oauth2(other)
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(alertId)));
    given()
        .auth()
        .oauth2(other)
        .contentType(ContentType.JSON)
        .body(Map.of("since", before.toString()))
        .post("/api/v1/deliveries/replay")
        .then()
        .statusCode(202)
        .body("replayed", equalTo(0));
    assertThat(endpoint.receiver().deliveries()).hasSize(4);

    // The bank replays it once it is fixed: the same webhook-id and body.
    endpoint.receiver().answerAlways(200);
    given().auth().oauth2(own).post("/api/v1/deliveries/{id}/replay", id).then().statusCode(202);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> endpoint.receiver().deliveries().size() == 5);
    DemoBank.Delivery first = endpoint.receiver().deliveries().get(0);
    DemoBank.Delivery replayed = endpoint.receiver().deliveries().get(4);
    assertThat(replayed.webhookId()).isEqualTo(first.webhookId());
    assertThat(replayed.body()).isEqualTo(first.body());
    assertThat(replayed.answered()).isEqualTo(200);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aReplayWhileAnAttemptIsInFlightSendsNothingMoreAndThatAttemptOpensTheNewRound() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "963388");
    // The first attempt fails; the retry is held open, in flight.
    endpoint.receiver().answer(500, 1).neverAnswer();
    try {
      UUID tip = Webhooks.tip(kafka, "963388", "7710000051");
      String id = Webhooks.deliveryOf(db, tip).get("id").toString();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> endpoint.receiver().deliveries().size() == 2);

      given()
          .auth()
          .oauth2(tokens.bank("963388"))
          .post("/api/v1/deliveries/{id}/replay", id)
          .then()
          .statusCode(202)
          .body("state", equalTo("PENDING"))
          .body("attempts", equalTo(0));

      // The attempt in flight is the replay's: the bank gets nothing more while it lasts (the
      // read timeout is 5 s here).
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(3))
          .until(() -> endpoint.receiver().deliveries().size() == 2);
      // Its answer (none: a timeout) is the new round's first attempt.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  db.queryLong("SELECT total_attempts FROM delivery WHERE id = ?::uuid", id) == 2);
      assertThat(db.query("SELECT state, attempts FROM delivery WHERE id = ?::uuid", id).get(0))
          .containsEntry("state", "PENDING")
          .containsEntry("attempts", 1);
      endpoint.receiver().reset().secrets(endpoint.secret());
      Webhooks.awaitState(db, UUID.fromString(id), "SUCCEEDED", Duration.ofSeconds(15));
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void allFailedSinceATimeAreReplayed() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970423");
    endpoint.receiver().answerAlways(500);
    Instant before = Instant.now();
    UUID a = Webhooks.tip(kafka, "970423", "7200000001");
    UUID b = Webhooks.tip(kafka, "970423", "7200000002");
    String da = Webhooks.deliveryOf(db, a).get("webhook_id").toString();
    String dbId = Webhooks.deliveryOf(db, b).get("webhook_id").toString();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery WHERE endpoint_id = ?::uuid AND state = 'FAILED'",
                        endpoint.id())
                    == 2);
    endpoint.receiver().reset().secrets(endpoint.secret());
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .contentType(ContentType.JSON)
        .body(Map.of("since", before.toString(), "endpointId", endpoint.id()))
        .post("/api/v1/deliveries/replay")
        .then()
        .statusCode(202)
        .body("replayed", equalTo(2));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> endpoint.receiver().deliveries().size() == 2);
    assertThat(endpoint.receiver().deliveries())
        .extracting(DemoBank.Delivery::webhookId)
        .containsExactlyInAnyOrder(da, dbId);
    Webhooks.retire(db, endpoint);
  }
}
