package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Tips;
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

  private UUID alertFor(String bin) {
    UUID tipId = UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.TIPS_V1,
                tipId.toString(),
                UUID.randomUUID(),
                CloudEvents.TYPE_TIP_RECEIVED,
                Tips.withAccounts(tipId, bin, bin)))
        .awaitCompletion(Duration.ofSeconds(10));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", tipId) > 0);
    return (UUID)
        db.query("SELECT id FROM alert WHERE tip_id = ? AND bank_bin = ? LIMIT 1", tipId, bin)
            .get(0)
            .get("id");
  }
}
