package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Delivery against real HTTP receivers (the demo bank) with the test schedule: 4 attempts, waits of
 * 0 s, 600 ms, 600 ms, 600 ms (+ up to 10 % jitter).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WebhookDeliveryTest {
  static final int SCHEDULED_ATTEMPTS = 4;

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;
  @Inject WebhookConfig config;
  @Inject MeterRegistry registry;

  @Test
  void aReceiverFailingKTimesGetsKPlusOneAttemptsOfTheSameMessageFreshlySigned() {
    int k = 2;
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970403");
    endpoint.receiver().answer(500, k);

    UUID tip = Webhooks.tip(kafka, "970403", "7000000001");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().stream().anyMatch(d -> d.answered() == 200));
    List<DemoBank.Delivery> got = endpoint.receiver().deliveries();
    assertThat(got).hasSize(k + 1);
    assertThat(got).extracting(DemoBank.Delivery::answered).containsExactly(500, 500, 200);
    assertThat(got).allMatch(DemoBank.Delivery::verified);
    assertThat(got).extracting(DemoBank.Delivery::webhookId).containsOnly(got.get(0).webhookId());
    assertThat(got).extracting(DemoBank.Delivery::body).containsOnly(got.get(0).body());
    // Signed at each attempt: the first and last are more than a second apart, so their
    // timestamps and signatures differ.
    assertThat(got.get(k).timestamp()).isNotEqualTo(got.get(0).timestamp());
    assertThat(got.get(k).signature()).isNotEqualTo(got.get(0).signature());

    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);
    assertThat(delivery.get("webhook_id")).isEqualTo(got.get(0).webhookId());
    // The webhook-id is made from the delivery's id, which is what keeps it unique (no index of
    // its own): the database refuses any other.
    assertThat(delivery.get("webhook_id"))
        .isEqualTo("msg_" + delivery.get("id").toString().replace("-", ""));
    assertThatThrownBy(
            () ->
                db.update(
                    "UPDATE delivery SET webhook_id = ? WHERE id = ?",
                    "msg_" + UUID.randomUUID().toString().replace("-", ""),
                    delivery.get("id")))
        .rootCause()
        .hasMessageContaining("delivery_webhook_id_of_id");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                "SUCCEEDED"
                    .equals(
                        db.query("SELECT state FROM delivery WHERE id = ?", delivery.get("id"))
                            .get(0)
                            .get("state")));
    assertThat(
            db.query(
                "SELECT status_code, outcome FROM delivery_attempt WHERE delivery_id = ? ORDER BY id",
                delivery.get("id")))
        .extracting(r -> r.get("status_code") + " " + r.get("outcome"))
        .containsExactly("500 RETRY", "500 RETRY", "200 SUCCESS");
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anAlwaysFailingReceiverGetsExactlyTheScheduledAttemptsAndTheMessageIsFailed() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970405");
    endpoint.receiver().answerAlways(503);

    UUID tip = Webhooks.tip(kafka, "970405", "7000000002");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "FAILED", Duration.ofSeconds(20));
    sleep(Duration.ofMillis(1500)); // any extra attempt would come within this
    assertThat(endpoint.receiver().deliveries()).hasSize(SCHEDULED_ATTEMPTS);
    assertThat(endpoint.receiver().deliveries()).allMatch(DemoBank.Delivery::verified);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?", delivery.get("id")))
        .isEqualTo(SCHEDULED_ATTEMPTS);
    assertThat(
            db.query(
                "SELECT outcome FROM delivery_attempt WHERE delivery_id = ? ORDER BY id DESC LIMIT 1",
                delivery.get("id")))
        .extracting(r -> r.get("outcome"))
        .containsExactly("FAILED");
    Webhooks.retire(db, endpoint);
  }

  @Test
  void goneDisablesTheEndpoint() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970407");
    endpoint.receiver().answerAlways(410);

    UUID tip = Webhooks.tip(kafka, "970407", "7000000003");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "FAILED", Duration.ofSeconds(20));
    Map<String, Object> row =
        db.query(
                "SELECT active, disabled_reason FROM bank_endpoint WHERE id = ?::uuid",
                endpoint.id())
            .get(0);
    assertThat(row.get("active")).isEqualTo(false);
    assertThat(row.get("disabled_reason")).isEqualTo("GONE");
    assertThat(endpoint.receiver().deliveries()).hasSize(1);
    // The attempt is counted by outcome in the platform's one webhook counter.
    assertThat(io.restassured.RestAssured.get("/q/metrics").asString())
        .contains("webhook_deliveries_total{outcome=\"GONE\"");

    // Later alerts no longer go there.
    UUID later = Webhooks.tip(kafka, "970407", "7000000004");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", later) == 1);
    sleep(Duration.ofMillis(500));
    assertThat(endpoint.receiver().deliveries()).hasSize(1);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aRedirectIsAFailureAndItsTargetIsNeverCalled() {
    DemoBank.Receiver target = bank.receiver("redirect-target-" + UUID.randomUUID());
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970408");
    target.secrets(endpoint.secret());
    endpoint.receiver().redirect(308, target.url(), 100);

    UUID tip = Webhooks.tip(kafka, "970408", "7000000005");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "FAILED", Duration.ofSeconds(20));
    assertThat(endpoint.receiver().deliveries()).hasSize(SCHEDULED_ATTEMPTS);
    assertThat(target.deliveries()).isEmpty();
    assertThat(
            db.query(
                "SELECT DISTINCT status_code FROM delivery_attempt WHERE delivery_id = ?",
                delivery.get("id")))
        .extracting(r -> r.get("status_code"))
        .containsExactly(308);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void tooManyRequestsWithRetryAfterDelaysTheNextAttempt() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970409");
    endpoint.receiver().answerRetryAfter(429, "3", 1);

    Webhooks.tip(kafka, "970409", "7000000006");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 2);
    List<DemoBank.Delivery> got = endpoint.receiver().deliveries();
    assertThat(got).extracting(DemoBank.Delivery::answered).containsExactly(429, 200);
    // The schedule alone would retry after 600-660 ms.
    assertThat(Duration.between(got.get(0).receivedAt(), got.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    Webhooks.retire(db, endpoint);
  }

  @Test
  void duringARotationBothSignaturesAreSentAndEitherSecretVerifies() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970410");
    String next =
        io.restassured.RestAssured.given()
            .auth()
            .oauth2(tokens.bank("970410"))
            .post("/api/v1/endpoints/{id}/secret/rotate", endpoint.id())
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    // The bank still verifies with the old secret only.
    endpoint.receiver().secrets(endpoint.secret());
    Webhooks.tip(kafka, "970410", "7000000007");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    DemoBank.Delivery d = endpoint.receiver().deliveries().get(0);
    assertThat(d.verified()).isTrue();
    assertThat(d.signature().split(" ")).hasSize(2);
    assertThat(
            WebhookSignature.verify(
                next,
                d.webhookId(),
                d.timestamp(),
                d.body(),
                d.signature(),
                Instant.now(),
                WebhookSignature.DEFAULT_TOLERANCE))
        .isTrue();
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anEndpointFailingForFiveDaysIsDisabledAndTheOperatorsAreTold() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970412");
    endpoint.receiver().answerAlways(500);
    db.update(
        "UPDATE bank_endpoint SET failing_since = now() - interval '5 days 1 hour' WHERE id = ?::uuid",
        endpoint.id());

    Webhooks.tip(kafka, "970412", "7000000008");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM bank_endpoint WHERE id = ?::uuid AND NOT active"
                            + " AND disabled_reason = 'FAILING'",
                        endpoint.id())
                    == 1);
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .get("/api/v1/notices")
        .then()
        .statusCode(200)
        .body("endpointId", org.hamcrest.Matchers.hasItem(endpoint.id()));
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(tokens.bank("970412"))
        .get("/api/v1/notices")
        .then()
        .statusCode(403);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anEndpointFailingForFiveDaysIsDisabledByTheScheduledCheckWithoutAnyNewAttempt() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970432");
    Webhooks.Endpoint healthy = Webhooks.register(tokens, bank, "970432");
    // Its last failure was long ago and nothing is left to send: only the schedule can see it.
    db.update(
        "UPDATE bank_endpoint SET failing_since = now() - interval '5 days 1 minute'"
            + " WHERE id = ?::uuid",
        endpoint.id());
    db.update(
        "UPDATE bank_endpoint SET failing_since = now() - interval '4 days 23 hours'"
            + " WHERE id = ?::uuid",
        healthy.id());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM bank_endpoint WHERE id = ?::uuid AND NOT active"
                            + " AND disabled_reason = 'FAILING'",
                        endpoint.id())
                    == 1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM operator_notice WHERE endpoint_id = ?::uuid"
                    + " AND kind = 'ENDPOINT_DISABLED'",
                endpoint.id()))
        .isEqualTo(1);
    sleep(Duration.ofMillis(2500)); // two more runs: no second notice, the younger one stays
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM operator_notice WHERE endpoint_id = ?::uuid", endpoint.id()))
        .isEqualTo(1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM bank_endpoint WHERE id = ?::uuid AND active", healthy.id()))
        .isEqualTo(1);
    Webhooks.retire(db, endpoint);
    Webhooks.retire(db, healthy);
  }

  @Test
  void aBankThatNeverAnswersIsGivenUpAfterTheReadTimeoutAndTriedAgain() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970458");
    endpoint.receiver().neverAnswer();

    UUID tip = Webhooks.tip(kafka, "970458", "7000000041");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?",
                        delivery.get("id"))
                    >= 1);
    Map<String, Object> first =
        db.query(
                "SELECT status_code, outcome, error, latency_ms FROM delivery_attempt"
                    + " WHERE delivery_id = ? ORDER BY attempt",
                delivery.get("id"))
            .get(0);
    // Given up for want of an answer, not for a status: the attempt waited the read timeout.
    assertThat(first.get("status_code")).isNull();
    assertThat((String) first.get("error")).containsIgnoringCase("timeout");
    assertThat(((Number) first.get("latency_ms")).longValue())
        .isGreaterThanOrEqualTo(config.readTimeout().toMillis());
    assertThat(Webhooks.state(db, delivery.get("id"))).isNotEqualTo("SUCCEEDED");

    // The bank answers again: the next scheduled attempt delivers the same message.
    endpoint.receiver().reset();
    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    assertThat(endpoint.receiver().deliveries())
        .extracting(DemoBank.Delivery::answered)
        .contains(200);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aKeptAliveConnectionTheBankClosesAsTheWebhookArrivesIsTriedAgainAtOnceInTheSameAttempt() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970412");
    // A first webhook leaves a kept-alive connection to the bank.
    UUID first = Webhooks.tip(kafka, "970412", "7000000201");
    Map<String, Object> firstDelivery = Webhooks.deliveryOf(db, first);
    Webhooks.awaitState(db, firstDelivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    // The bank's server closes the next connection the webhook comes on, as one whose idle
    // timeout ends just then does.
    endpoint.receiver().dropConnection(1);
    double resendsBefore = resends();

    UUID tip = Webhooks.tip(kafka, "970412", "7000000202");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    // One attempt, answered: not a failed one and another after the schedule's wait.
    assertThat(
            db.query(
                "SELECT status_code, outcome FROM delivery_attempt WHERE delivery_id = ?",
                delivery.get("id")))
        .extracting(r -> r.get("status_code") + " " + r.get("outcome"))
        .containsExactly("200 SUCCESS");
    // The bank saw the same message twice: dropped, then answered; the operators see it counted.
    assertThat(endpoint.receiver().deliveries(delivery.get("webhook_id").toString()))
        .extracting(DemoBank.Delivery::answered)
        .containsExactly(0, 200);
    assertThat(resends() - resendsBefore).isEqualTo(1.0);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aBankThatClosesEveryConnectionGetsTheWebhookTwiceAnAttemptAndTheAttemptFails() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970412");
    endpoint.receiver().dropConnection(2);

    UUID tip = Webhooks.tip(kafka, "970412", "7000000203");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    List<Map<String, Object>> attempts =
        db.query(
            "SELECT status_code, outcome, error FROM delivery_attempt WHERE delivery_id = ?"
                + " ORDER BY attempt",
            delivery.get("id"));
    // Sent again once within the first attempt, not more: that attempt failed, the next delivered.
    assertThat(attempts).extracting(r -> r.get("outcome")).containsExactly("RETRY", "SUCCESS");
    assertThat(attempts.get(0).get("status_code")).isNull();
    assertThat((String) attempts.get(0).get("error")).contains("closed");
    assertThat(endpoint.receiver().deliveries(delivery.get("webhook_id").toString()))
        .extracting(DemoBank.Delivery::answered)
        .containsExactly(0, 0, 200);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aLongAnswerIsKeptUpToTheLimitAndTheAttemptStillCounts() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970462");
    // Two bytes a character in UTF-8: a cut by bytes alone would split one.
    String answer = "é".repeat(50_000);
    endpoint.receiver().answerWithBody(503, answer, 1);

    UUID tip = Webhooks.tip(kafka, "970462", "7000000042");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    List<Map<String, Object>> attempts =
        db.query(
            "SELECT status_code, response_body FROM delivery_attempt WHERE delivery_id = ?"
                + " ORDER BY attempt",
            delivery.get("id"));
    assertThat(attempts).extracting(a -> a.get("status_code")).containsExactly(503, 200);
    assertThat((String) attempts.get(0).get("response_body"))
        .isEqualTo(answer.substring(0, config.responseBodyLimit()));
    Webhooks.retire(db, endpoint);
  }

  /**
   * PostgreSQL refuses a NUL in text: a bank answering binary bytes once made its attempt's record
   * fail every time, and the webhook went out again at each lease, never counted nor delivered.
   */
  @Test
  void anAnswerWithNulBytesIsRecordedAndTheAttemptCounts() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970463");
    endpoint.receiver().answerWithBody(503, "busy\0\0retry", 1);

    UUID tip = Webhooks.tip(kafka, "970463", "7000000043");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    List<Map<String, Object>> attempts =
        db.query(
            "SELECT status_code, response_body FROM delivery_attempt WHERE delivery_id = ?"
                + " ORDER BY attempt",
            delivery.get("id"));
    assertThat(attempts).extracting(a -> a.get("status_code")).containsExactly(503, 200);
    assertThat(attempts.get(0).get("response_body")).isEqualTo("busy\uFFFD\uFFFDretry");
    Webhooks.retire(db, endpoint);
  }

  @Test
  void everyAnswerOfAQuickBankIsRecordedOnceWithItsBodyAndTheBankGetsEachWebhookOnce() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970400");
    int alerts = 300;
    endpoint.receiver().answerWithBody(200, "received", alerts);

    // All at once: many requests in flight, each short answer arriving in one read.
    kafka
        .produceStrings()
        .fromRecords(
            IntStream.range(0, alerts)
                .mapToObj(
                    i ->
                        Webhooks.tipRecord(
                            UUID.randomUUID(), "970400", "73" + String.format("%08d", i)))
                .toList())
        .awaitCompletion(Duration.ofSeconds(30));

    // Well inside the lease (36 s here): an answer lost on the way would leave its row to it.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery_attempt t"
                            + " JOIN delivery d ON d.id = t.delivery_id"
                            + " WHERE d.endpoint_id = ?::uuid AND t.status_code = 200"
                            + " AND t.response_body = 'received'",
                        endpoint.id())
                    == alerts);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM delivery WHERE endpoint_id = ?::uuid AND state = 'SUCCEEDED'",
                endpoint.id()))
        .isEqualTo(alerts);
    assertThat(endpoint.receiver().deliveries())
        .extracting(DemoBank.Delivery::webhookId)
        .hasSize(alerts)
        .doesNotHaveDuplicates();
    Webhooks.retire(db, endpoint);
  }

  /** The webhooks resent so far, from the service's meter registry (none before the first). */
  private double resends() {
    Counter resent = registry.find("webhook.resends").counter();
    return resent == null ? 0 : resent.count();
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
