package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.notification.webhook.EndpointHealth;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An endpoint becoming active gets the alerts its bank missed (within the backlog window, once); an
 * endpoint disabled, by the bank or by the failure rule, is announced to the bank's other active
 * endpoints and to the operators.
 */
@QuarkusTest
@TestProfile(EndpointLifecycleTest.Backlog.class)
@WithTestResource(PlatformTestResource.class)
class EndpointLifecycleTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;
  @Inject EndpointHealth health;

  @Test
  void alertsRaisedWhileNoEndpointTookThemAreDeliveredOnceWhenOneBecomesActive() throws Exception {
    String bin = "970446";
    UUID recent = Webhooks.tip(kafka, bin, "7600000601");
    UUID stale = Webhooks.tip(kafka, bin, "7600000602");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE bank_bin = ?", bin) == 2);
    // Older than the backlog window (72 h): no longer news.
    db.update("UPDATE alert SET created_at = now() - INTERVAL '4 days' WHERE tip_id = ?", stale);

    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, bin);
    // Sent as soon as the registration commits, before the receiver can learn its secret (which
    // the registration's answer carries): the signature is checked here instead.
    await().atMost(Duration.ofSeconds(30)).until(() -> !endpoint.receiver().deliveries().isEmpty());
    DemoBank.Delivery first = endpoint.receiver().deliveries().get(0);
    assertThat(
            WebhookSignature.verify(
                endpoint.secret(),
                first.webhookId(),
                first.timestamp(),
                first.body(),
                first.signature(),
                first.receivedAt(),
                Duration.ofMinutes(5)))
        .isTrue();
    JsonNode sent = Json.events().readTree(first.body());
    assertThat(sent.get("type").asText()).isEqualTo("account.reported");
    assertThat(sent.get("data").get("tipId").asText()).isEqualTo(recent.toString());
    assertThat(endpoint.receiver().deliveries())
        .extracting(DemoBank.Delivery::webhookId)
        .containsOnly(first.webhookId());

    // Paused, a tip comes; re-enabled, the endpoint gets that one only: never the first again.
    patch(bin, endpoint.id(), Map.of("active", false));
    UUID whilePaused = Webhooks.tip(kafka, bin, "7600000603");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", whilePaused) == 1);
    endpoint.receiver().reset().secrets(endpoint.secret());
    patch(bin, endpoint.id(), Map.of("active", true));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                endpoint.receiver().deliveries().stream()
                    .anyMatch(d -> d.body().contains(whilePaused.toString())));
    Thread.sleep(1000);
    // Each alert has one delivery (its retries keep their webhook-id): never a second one.
    assertThat(endpoint.receiver().deliveries())
        .extracting(DemoBank.Delivery::webhookId)
        .allMatch(id -> id.equals(first.webhookId()) || deliveredTip(id, whilePaused));
    for (UUID tip : List.of(recent, whilePaused)) {
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id"
                      + " WHERE a.tip_id = ?",
                  tip))
          .isEqualTo(1);
    }
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id"
                    + " WHERE a.tip_id = ?",
                stale))
        .isZero();
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anEndpointDisabledIsAnnouncedToTheBanksOtherActiveEndpointsAndTheOperators()
      throws Exception {
    String bin = "970449";
    Webhooks.Endpoint paused = Webhooks.register(tokens, bank, bin);
    Webhooks.Endpoint failing = Webhooks.register(tokens, bank, bin, "freeze.requested");
    Webhooks.Endpoint listening = Webhooks.register(tokens, bank, bin, "account.reported");

    patch(bin, paused.id(), Map.of("active", false));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                failing.receiver().deliveries().size() == 1
                    && listening.receiver().deliveries().size() == 1);
    JsonNode told = Webhooks.body(listening.receiver(), "endpoint.disabled").get("data");
    assertThat(told.get("disabledEndpoint").get("endpointId").asText()).isEqualTo(paused.id());
    assertThat(told.get("disabledEndpoint").get("reason").asText()).isEqualTo("BY_USER");
    assertThat(told.get("bankBin").asText()).isEqualTo(bin);
    assertThat(told.has("accountNumber")).isFalse();
    assertThat(paused.receiver().deliveries()).isEmpty();
    // A notice takes no answer: no case would ever receive it.
    Object notice =
        db.query(
                "SELECT id FROM alert WHERE event_type = 'endpoint.disabled' AND bank_bin = ?", bin)
            .get(0)
            .get("id");
    given()
        .auth()
        .oauth2(tokens.bank(bin))
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 1}")
        .post("/api/v1/alerts/{id}/responses", notice)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.equalTo("alert-takes-no-answer"));

    // The failure rule disables another: the one still active hears of it, the operators too.
    db.update(
        "UPDATE bank_endpoint SET failing_since = now() - INTERVAL '6 days' WHERE id = ?::uuid",
        failing.id());
    assertThat(health.disableLongFailingEndpoints()).isGreaterThanOrEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> listening.receiver().deliveries().size() == 2);
    JsonNode second =
        Json.events().readTree(listening.receiver().deliveries().get(1).body()).get("data");
    assertThat(second.get("disabledEndpoint").get("endpointId").asText()).isEqualTo(failing.id());
    assertThat(second.get("disabledEndpoint").get("reason").asText()).isEqualTo("FAILING");

    List<Map<String, Object>> notices =
        given()
            .auth()
            .oauth2(tokens.operator("ops@banks"))
            .get("/api/v1/notices")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.bankBin == '" + bin + "' }");
    assertThat(notices)
        .extracting(n -> n.get("endpointId"))
        .containsExactlyInAnyOrder(paused.id(), failing.id());
    Webhooks.retire(db, listening);
  }

  private boolean deliveredTip(String webhookId, UUID tip) {
    return db.queryLong(
            "SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id"
                + " WHERE d.webhook_id = ? AND a.tip_id = ?",
            webhookId,
            tip)
        == 1;
  }

  /** The backlog on, as in production (the other test classes share banks and run without). */
  public static class Backlog implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("fraudtip.webhooks.backlog-window", "72h");
    }
  }

  /**
   * A removed endpoint is gone: no listing shows it, it cannot be read, changed or enabled again,
   * and its deliveries still under way end as failed (they stayed pending for ever); its log stays
   * readable, and a delivery of it is not replayed.
   */
  @Test
  void aRemovedEndpointIsGoneAndItsDeliveriesUnderWayEndAsFailed() {
    String bin = "801011";
    String token = tokens.bank(bin);
    String id = Webhooks.register(tokens, bin, "http://127.0.0.1:1/hooks");
    UUID tip = Webhooks.tip(kafka, bin, "7600000701");
    String deliveries =
        "SELECT d.id, d.state, d.last_error FROM delivery d JOIN alert a ON a.id = d.alert_id"
            + " WHERE a.tip_id = ? AND d.endpoint_id = CAST(? AS uuid)";
    await().atMost(Duration.ofSeconds(30)).until(() -> db.query(deliveries, tip, id).size() == 1);
    assertThat(db.query(deliveries, tip, id).get(0).get("state")).isEqualTo("PENDING");
    // Paused, its failed deliveries are not replayed: said, not answered "0 replayed".
    patch(bin, id, Map.of("active", false));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("endpointId", id, "since", "2026-01-01T00:00:00Z"))
        .post("/api/v1/deliveries/replay")
        .then()
        .statusCode(409)
        .body("type", org.hamcrest.Matchers.equalTo("endpoint-disabled"));

    given().auth().oauth2(token).delete("/api/v1/endpoints/{id}", id).then().statusCode(204);

    Map<String, Object> delivery = db.query(deliveries, tip, id).get(0);
    assertThat(delivery.get("state")).isEqualTo("FAILED");
    assertThat(delivery.get("last_error")).isEqualTo("The endpoint was removed");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/endpoints")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    given().auth().oauth2(token).get("/api/v1/endpoints/{id}", id).then().statusCode(404);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("active", true))
        .patch("/api/v1/endpoints/{id}", id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/deliveries/{id}", delivery.get("id"))
        .then()
        .statusCode(200)
        .body("delivery.state", org.hamcrest.Matchers.equalTo("FAILED"));
    given()
        .auth()
        .oauth2(token)
        .post("/api/v1/deliveries/{id}/replay", delivery.get("id"))
        .then()
        .statusCode(409)
        .body("type", org.hamcrest.Matchers.equalTo("endpoint-removed"));
  }

  private void patch(String bin, String id, Map<String, Object> body) {
    given()
        .auth()
        .oauth2(tokens.bank(bin))
        .contentType(ContentType.JSON)
        .body(body)
        .patch("/api/v1/endpoints/{id}", id)
        .then()
        .statusCode(200);
  }
}
