package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Topics;
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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A recording of an attempt that the transaction reaper aborted can leave the alert's
 * alert-deliveries.v1 row in the outbox (written outside the rolled-back transaction) while the
 * alert stays undelivered. The fault suite saw every later success of that delivery fail to record
 * on the event's unique id: the bank had the webhook, the delivery stayed PENDING for good.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AbortedRecordingTest {
  private static final String BIN = "970441";

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void aSuccessIsRecordedThoughAnAbortedRecordingLeftTheAlertsEventInTheOutbox() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, BIN);
    // The first attempt is put off for seconds: time to leave the row an aborted recording leaves.
    endpoint.receiver().answerRetryAfter(503, "4", 1);
    UUID tipId = Webhooks.tip(kafka, BIN, "7710000001");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tipId);
    Object deliveryId = delivery.get("id");
    UUID alertId = (UUID) delivery.get("alert_id");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?", deliveryId)
                    == 1);
    UUID eventId = DeliveryOutcomes.deliveredEventId(alertId);
    db.update(
        "INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at)"
            + " VALUES (?, ?, ?, ?, '{}', now())",
        eventId,
        Topics.ALERT_DELIVERIES_V1,
        alertId.toString(),
        CloudEvents.TYPE_ALERT_DELIVERED);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().stream().anyMatch(d -> d.answered() == 200));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "SUCCEEDED"
                    .equals(
                        db.query("SELECT state FROM delivery WHERE id = ?", deliveryId)
                            .get(0)
                            .get("state")));
    assertThat(
            db.query("SELECT delivered_at FROM alert_delivered WHERE alert_id = ?", alertId).get(0))
        .extractingByKey("delivered_at")
        .isNotNull();
    assertThat(db.queryLong("SELECT count(*) FROM outbox_event WHERE event_id = ?", eventId))
        .isOne();
    // Answered once with a 2xx: the success was recorded at the first try, not after a lease.
    assertThat(endpoint.receiver().deliveries().stream().filter(d -> d.answered() == 200))
        .hasSize(1);
    Webhooks.retire(db, endpoint);
  }
}
