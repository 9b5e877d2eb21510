package io.fraudtip.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Tips;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * alert-deliveries.v1 through the real broker: one event per alert at its first 2xx, none for
 * retries, replays or a second endpoint; and the tip-to-alert metric at that first 2xx.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertDeliveredTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void theFirstSuccessPublishesOneEventWithTheTipTimeAndReplaysPublishNoMore() throws Exception {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970429");
    endpoint.receiver().answer(500, 1);
    UUID tipId = UUID.randomUUID();
    // Accepted two hours ago: the tip-to-alert timer must then hold at least that.
    Instant receivedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
    Webhooks.sendTip(
        kafka,
        tipId,
        UUID.randomUUID(),
        Tips.paying(tipId, "970429", "7700000001", 3_000_000, receivedAt));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().stream().anyMatch(d -> d.answered() == 200));
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tipId);
    String alertId = delivery.get("alert_id").toString();

    ConsumerRecord<String, String> record =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.ALERT_DELIVERIES_V1,
            r -> alertId.equals(r.key()),
            Duration.ofSeconds(20));
    assertThat(CloudEventRecords.header(record, CloudEvents.HEADER_TYPE))
        .isEqualTo(CloudEvents.TYPE_ALERT_DELIVERED);
    AlertDeliveredV1 event = Json.events().readValue(record.value(), AlertDeliveredV1.class);
    assertThat(CloudEventRecords.header(record, CloudEvents.HEADER_ID))
        .isEqualTo(event.eventId().toString());
    assertThat(event.alertId().toString()).isEqualTo(alertId);
    assertThat(event.tipId()).isEqualTo(tipId);
    assertThat(event.caseId()).isNull();
    assertThat(event.webhookType()).isEqualTo("account.reported");
    assertThat(event.bankBin()).isEqualTo("970429");
    assertThat(event.accountNumber()).isEqualTo("7700000001");
    assertThat(event.layer()).isEqualTo(1);
    assertThat(event.triggeredAt()).isEqualTo(receivedAt);
    assertThat(event.attempts()).isEqualTo(2);
    DemoBank.Delivery ok =
        endpoint.receiver().deliveries().stream()
            .filter(d -> d.answered() == 200)
            .findFirst()
            .get();
    assertThat(event.deliveredAt()).isAfterOrEqualTo(ok.receivedAt().minusSeconds(1));

    // The platform's tip-to-alert timer saw this tip's two hours.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              String metrics = RestAssured.get("/q/metrics").asString();
              assertThat(metric(metrics, "fraudtip_tip_to_alert_seconds_max")).isGreaterThan(7_000);
              assertThat(metric(metrics, "fraudtip_tip_to_alert_seconds_count"))
                  .isGreaterThanOrEqualTo(1);
            });

    // A replay reaches the bank again, but the alert was delivered already: no second event.
    given()
        .auth()
        .oauth2(tokens.bank("970429"))
        .post("/api/v1/deliveries/{id}/replay", delivery.get("id").toString())
        .then()
        .statusCode(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 3);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?",
                        delivery.get("id"))
                    == 3);
    assertThat(eventsOf(alertId, Duration.ofSeconds(3))).hasSize(1);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anAlertToTwoEndpointsIsPublishedOnceWithTheCaseEventTime() throws Exception {
    Webhooks.Endpoint first = Webhooks.register(tokens, bank, "970430", "freeze.requested");
    Webhooks.Endpoint second = Webhooks.register(tokens, bank, "970430", "freeze.requested");
    UUID caseId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    Instant occurredAt = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
    CaseEventV1 freeze =
        new CaseEventV1(
            eventId,
            caseId,
            "VV-2026-000777",
            CaseEventKind.FREEZE_REQUESTED,
            occurredAt,
            CaseStatus.IN_PROGRESS,
            "PA05-56",
            null,
            List.of(),
            List.of(),
            List.of(new AccountRefV1("970430", "7800000001", 2)),
            null,
            null);
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                caseId.toString(),
                eventId,
                CaseEventKind.FREEZE_REQUESTED.cloudEventType(),
                Json.write(freeze)))
        .awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                first.receiver().deliveries().size() == 1
                    && second.receiver().deliveries().size() == 1);
    String alertId =
        db.query("SELECT id FROM alert WHERE case_id = ?", caseId).get(0).get("id").toString();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery WHERE alert_id = ?::uuid"
                            + " AND state = 'SUCCEEDED'",
                        alertId)
                    == 2);
    List<ConsumerRecord<String, String>> events = eventsOf(alertId, Duration.ofSeconds(4));
    assertThat(events).hasSize(1);
    AlertDeliveredV1 event = Json.events().readValue(events.get(0).value(), AlertDeliveredV1.class);
    assertThat(event.webhookType()).isEqualTo("freeze.requested");
    assertThat(event.caseId()).isEqualTo(caseId);
    assertThat(event.tipId()).isNull();
    assertThat(event.layer()).isEqualTo(2);
    assertThat(event.triggeredAt()).isEqualTo(occurredAt);
    assertThat(event.attempts()).isEqualTo(1);
    Webhooks.retire(db, first);
    Webhooks.retire(db, second);
  }

  /** Every alert-deliveries.v1 record of the alert, read from the topic's start for a while. */
  private List<ConsumerRecord<String, String>> eventsOf(String alertId, Duration during) {
    try (var task = kafka.consumeStrings().fromTopics(Topics.ALERT_DELIVERIES_V1, during)) {
      task.awaitCompletion(during.plusSeconds(10));
      return task.getRecords().stream().filter(r -> alertId.equals(r.key())).toList();
    }
  }

  private static double metric(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
    assertThat(m.find()).as(name + " in /q/metrics").isTrue();
    return Double.parseDouble(m.group(2));
  }
}
