package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Tips;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertResourceTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;

  @Test
  void aBankAnswersItsOwnAlertAndTheAnswerIsPublished() throws Exception {
    UUID alertId = alertFor("970436");
    String answer =
        """
        {"outcome": "FROZEN", "frozenAmountVnd": 15000000, "note": "Đã phong tỏa"}
        """;

    given()
        .auth()
        .oauth2(tokens.bank("970422"))
        .contentType(ContentType.JSON)
        .body(answer)
        .post("/api/v1/alerts/{id}/responses", alertId)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(tokens.bank("970422"))
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("bankBin", everyItem(equalTo("970422")));

    String responseId =
        given()
            .auth()
            .oauth2(tokens.bank("970436"))
            .contentType(ContentType.JSON)
            .body(answer)
            .post("/api/v1/alerts/{id}/responses", alertId)
            .then()
            .statusCode(202)
            .extract()
            .path("responseId");

    var record =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.ALERT_RESPONSES_V1,
            r -> r.key().equals(alertId.toString()),
            Duration.ofSeconds(20));
    assertThat(CloudEventRecords.header(record, CloudEvents.HEADER_ID)).isEqualTo(responseId);
    AlertResponseV1 event = Json.events().readValue(record.value(), AlertResponseV1.class);
    assertThat(event.outcome()).isEqualTo(AlertOutcome.FROZEN);
    assertThat(event.frozenAmountVnd()).isEqualTo(15_000_000);
    assertThat(db.queryLong("SELECT count(*) FROM alert_response WHERE alert_id = ?", alertId))
        .isOne();
  }

  @Test
  void movedOnNeedsItsOnwardTransfersAndRestoredAmountsComeLater() throws Exception {
    UUID alertId = alertFor("970431");
    String bank = tokens.bank("970431");
    given()
        .auth()
        .oauth2(bank)
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"MOVED_ON\"}")
        .post("/api/v1/alerts/{id}/responses", alertId)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("onwardTransfers"));
    given()
        .auth()
        .oauth2(bank)
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 0}")
        .post("/api/v1/alerts/{id}/responses", alertId)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("frozenAmountVnd"));
    given()
        .auth()
        .oauth2(bank)
        .contentType(ContentType.JSON)
        .body(
            """
            {"outcome": "MOVED_ON", "onwardTransfers": [
              {"bankBin": "999999", "accountNumber": "0987654321", "amountVnd": 1, "at": "%s"}]}
            """
                .formatted(Instant.now()))
        .post("/api/v1/alerts/{id}/responses", alertId)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("onwardTransfers[0].bankBin"));

    String moved =
        given()
            .auth()
            .oauth2(bank)
            .contentType(ContentType.JSON)
            .body(
                """
                {"outcome": "PARTLY_FROZEN", "frozenAmountVnd": 5000000, "note": "Đã chuyển đi",
                 "onwardTransfers": [
                  {"bankBin": "970422", "accountNumber": "0987654321", "amountVnd": 12000000,
                   "at": "%s"}]}
                """
                    .formatted(Instant.now()))
            .post("/api/v1/alerts/{id}/responses", alertId)
            .then()
            .statusCode(202)
            .extract()
            .path("responseId");
    String restored =
        given()
            .auth()
            .oauth2(bank)
            .contentType(ContentType.JSON)
            .body("{\"outcome\": \"RESTORED\", \"restoredAmountVnd\": 3000000}")
            .post("/api/v1/alerts/{id}/responses", alertId)
            .then()
            .statusCode(202)
            .extract()
            .path("responseId");

    AlertResponseV1 movedEvent = published(alertId, moved);
    assertThat(movedEvent.onwardTransfers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.bankBin()).isEqualTo("970422");
              assertThat(t.amountVnd()).isEqualTo(12_000_000);
            });
    AlertResponseV1 restoredEvent = published(alertId, restored);
    assertThat(restoredEvent.outcome()).isEqualTo(AlertOutcome.RESTORED);
    assertThat(restoredEvent.restoredAmountVnd()).isEqualTo(3_000_000);
    assertThat(restoredEvent.frozenAmountVnd()).isZero();
  }

  @Test
  void anAnswerHearsOfEveryBrokenRuleInOneProblemOutcomeRulesBeforeOnwardBanks() {
    UUID alertId = alertFor("970432");
    given()
        .auth()
        .oauth2(tokens.bank("970432"))
        .contentType(ContentType.JSON)
        .body(
            """
            {"outcome": "FROZEN", "onwardTransfers": [
              {"bankBin": "999999", "accountNumber": "1", "amountVnd": 1, "at": "2026-11-23T01:00:00Z"}]}
            """)
        .post("/api/v1/alerts/{id}/responses", alertId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("The request has 3 invalid field(s)"))
        .body(
            "errors.field",
            contains("frozenAmountVnd", "onwardTransfers", "onwardTransfers[0].bankBin"))
        .body("errors.code", contains("amount.required", "transfers.unexpected", "bank.unknown"))
        .body("errors[1].message", equalTo("Onward transfers go with MOVED_ON or PARTLY_FROZEN"));

    // An amount the outcome does not count is refused, not stored beside it.
    given()
        .auth()
        .oauth2(tokens.bank("970432"))
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"NO_FUNDS\", \"frozenAmountVnd\": 30000000}")
        .post("/api/v1/alerts/{id}/responses", alertId)
        .then()
        .statusCode(400)
        .body("errors.field", contains("frozenAmountVnd"))
        .body("errors.code", contains("amount.unexpected"));
  }

  @Test
  void aRetriedAnswerWithTheSameIdempotencyKeyIsOneAnswerAndTheKeyCannotCarryAnother() {
    UUID alertId = alertFor("970433");
    String bank = tokens.bank("970433");
    String key = UUID.randomUUID().toString();
    String answer = "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 7000000}";

    String first =
        answerWithKey(bank, alertId, key, answer).statusCode(202).extract().path("responseId");
    String retried =
        answerWithKey(bank, alertId, key, answer).statusCode(202).extract().path("responseId");
    answerWithKey(bank, alertId, key, "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 9000000}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
    String other =
        answerWithKey(bank, alertId, UUID.randomUUID().toString(), answer)
            .statusCode(202)
            .extract()
            .path("responseId");

    assertThat(retried).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(db.queryLong("SELECT count(*) FROM alert_response WHERE alert_id = ?", alertId))
        .isEqualTo(2);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert_response WHERE alert_id = ? AND superseded_at IS NULL",
                alertId))
        .isOne();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE topic = ? AND record_key = ?",
                Topics.ALERT_RESPONSES_V1,
                alertId.toString()))
        .isEqualTo(2);
  }

  private io.restassured.response.ValidatableResponse answerWithKey(
      String bank, UUID alertId, String key, String answer) {
    return given()
        .auth()
        .oauth2(bank)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(answer)
        .post("/api/v1/alerts/{id}/responses", alertId)
        .then();
  }

  private AlertResponseV1 published(UUID alertId, String responseId) throws Exception {
    var record =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.ALERT_RESPONSES_V1,
            r ->
                r.key().equals(alertId.toString())
                    && responseId.equals(CloudEventRecords.header(r, CloudEvents.HEADER_ID)),
            Duration.ofSeconds(20));
    return Json.events().readValue(record.value(), AlertResponseV1.class);
  }

  private UUID alertFor(String bin) {
    UUID tipId = UUID.randomUUID();
    Webhooks.sendTip(kafka, tipId, UUID.randomUUID(), Tips.withAccounts(tipId, bin, bin));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", tipId) > 0);
    return (UUID)
        db.query(
                "SELECT id FROM alert WHERE tip_id = ? AND bank_bin = ?"
                    + " AND account_number = '1023456789'",
                tipId,
                bin)
            .get(0)
            .get("id");
  }
}
