package io.fraudtip.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Topics;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.TestDatabase;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Test steps around webhooks: a bank's endpoint on a demo-bank receiver, tips that alert it. */
public final class Webhooks {
  private Webhooks() {}

  /** An endpoint registered by the bank itself on a fresh receiver that knows its secret. */
  public record Endpoint(String id, String secret, DemoBank.Receiver receiver) {}

  public static Endpoint register(Tokens tokens, DemoBank bank, String bin, String... types) {
    DemoBank.Receiver receiver = bank.receiver(bin + "-" + UUID.randomUUID());
    var created =
        given()
            .auth()
            .oauth2(tokens.bank(bin))
            .contentType(ContentType.JSON)
            .body(
                java.util.Map.of(
                    "url",
                    receiver.url(),
                    "eventTypes",
                    types.length == 0 ? List.of("account.reported") : List.of(types)))
            .post("/api/v1/endpoints")
            .then()
            .statusCode(201)
            .extract();
    String secret = created.path("secret");
    receiver.secrets(secret);
    return new Endpoint(created.path("endpoint.id"), secret, receiver);
  }

  /** Registers an endpoint on any URL for the bank of {@code bin}; returns its id. */
  public static String register(Tokens tokens, String bin, String url) {
    return given()
        .auth()
        .oauth2(tokens.bank(bin))
        .contentType(ContentType.JSON)
        .body(java.util.Map.of("url", url, "eventTypes", List.of("account.reported")))
        .post("/api/v1/endpoints")
        .then()
        .statusCode(201)
        .extract()
        .path("endpoint.id");
  }

  /** Produces a tip paying {@code account} at {@code bin}; returns the tip id. */
  public static UUID tip(KafkaCompanion kafka, String bin, String account) {
    UUID tipId = UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(tipRecord(tipId, bin, account))
        .awaitCompletion(Duration.ofSeconds(10));
    return tipId;
  }

  /** Produces a tip event on tips.v1 with this id and body, as intake's outbox relay would. */
  public static void sendTip(KafkaCompanion kafka, UUID tipId, UUID eventId, String tipJson) {
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.TIPS_V1, tipId.toString(), eventId, CloudEvents.TYPE_TIP_RECEIVED, tipJson))
        .awaitCompletion(Duration.ofSeconds(10));
  }

  public static ProducerRecord<String, String> tipRecord(UUID tipId, String bin, String account) {
    return CloudEventRecords.of(
        Topics.TIPS_V1,
        tipId.toString(),
        UUID.randomUUID(),
        CloudEvents.TYPE_TIP_RECEIVED,
        Tips.paying(tipId, bin, account, 5_000_000));
  }

  /** A delivery's state now. */
  public static String state(TestDatabase db, Object deliveryId) {
    return (String)
        db.query("SELECT state FROM delivery WHERE id = ?", deliveryId).get(0).get("state");
  }

  /** Waits, at most {@code within}, until a delivery is in {@code state}. */
  public static void awaitState(TestDatabase db, Object deliveryId, String state, Duration within) {
    await().atMost(within).until(() -> state.equals(state(db, deliveryId)));
  }

  /** The delivery of a tip's alert, once it exists. */
  public static java.util.Map<String, Object> deliveryOf(TestDatabase db, UUID tipId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id"
                            + " WHERE a.tip_id = ?",
                        tipId)
                    > 0);
    return db.query(
            "SELECT d.* FROM delivery d JOIN alert a ON a.id = d.alert_id WHERE a.tip_id = ?",
            tipId)
        .get(0);
  }

  /**
   * The attempts of deliveries to an endpoint, oldest first: their status code, error and latency.
   */
  public static List<java.util.Map<String, Object>> attempts(TestDatabase db, String endpointId) {
    return db.query(
        "SELECT a.status_code, a.error, a.latency_ms FROM delivery_attempt a"
            + " JOIN delivery d ON d.id = a.delivery_id"
            + " WHERE d.endpoint_id = ?::uuid ORDER BY a.id",
        endpointId);
  }

  /** The first attempt of a delivery to an endpoint, once there is one. */
  public static java.util.Map<String, Object> firstAttempt(TestDatabase db, String endpointId) {
    return attempt(db, endpointId, 0);
  }

  /** The attempt of that index (0 the oldest) among an endpoint's, once there is one. */
  public static java.util.Map<String, Object> attempt(
      TestDatabase db, String endpointId, int index) {
    await().atMost(Duration.ofSeconds(20)).until(() -> attempts(db, endpointId).size() > index);
    return attempts(db, endpointId).get(index);
  }

  /** Stops an endpoint so that its leftovers do not disturb other tests. */
  public static void retire(TestDatabase db, Endpoint endpoint) {
    db.update("UPDATE bank_endpoint SET active = false WHERE id = ?::uuid", endpoint.id());
    endpoint.receiver().reset();
  }

  /** Produces a case event on cases.v1, as case-service's outbox relay would. */
  public static void send(KafkaCompanion kafka, io.fraudtip.contracts.cases.CaseEventV1 event) {
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                event.caseId().toString(),
                event.eventId(),
                event.kind().cloudEventType(),
                io.fraudtip.contracts.Json.write(event)))
        .awaitCompletion(Duration.ofSeconds(10));
  }

  /** The body of the verified webhook of {@code type} the receiver got (fails if none). */
  public static com.fasterxml.jackson.databind.JsonNode body(
      DemoBank.Receiver receiver, String type) throws java.io.IOException {
    for (DemoBank.Delivery d : receiver.deliveries()) {
      org.assertj.core.api.Assertions.assertThat(d.verified()).isTrue();
      com.fasterxml.jackson.databind.JsonNode body =
          io.fraudtip.contracts.Json.events().readTree(d.body());
      if (type.equals(body.get("type").asText())) {
        return body;
      }
    }
    throw new AssertionError("no " + type + " delivered");
  }
}
