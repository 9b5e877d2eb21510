package io.fraudtip.notification.webhook;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pending deliveries live in the database only. What this proves: the dispatcher is stopped (its
 * threads, HTTP client and in-memory counters discarded) with a retry pending and a new alert
 * scheduled, nothing is sent while it is down, and a freshly started dispatcher that knows only the
 * database delivers both with their webhook-ids. It does not kill the JVM: the application, its
 * Kafka consumer and connection pool stay up.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DispatcherRestartTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;
  @Inject WebhookDispatcher dispatcher;

  @Test
  void pendingRetriesAndScheduledDeliveriesSurviveARestartOfTheDispatcher() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970424");
    endpoint.receiver().answer(500, 1);
    try {
      UUID retried = Webhooks.tip(kafka, "970424", "7300000001");
      String retriedId = Webhooks.deliveryOf(db, retried).get("id").toString();
      // The first attempt failed and a retry is scheduled in the database: stop now.
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  db.queryLong("SELECT attempts FROM delivery WHERE id = ?::uuid", retriedId) == 1);
      dispatcher.stop();
      assertThat(endpoint.receiver().deliveries()).hasSize(1);

      UUID fresh = Webhooks.tip(kafka, "970424", "7300000002");
      String freshWebhookId = Webhooks.deliveryOf(db, fresh).get("webhook_id").toString();
      WebhookDeliveryTest.sleep(Duration.ofMillis(1500));
      assertThat(endpoint.receiver().deliveries()).hasSize(1);
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM delivery WHERE endpoint_id = ?::uuid AND state = 'PENDING'",
                  endpoint.id()))
          .isEqualTo(2);

      dispatcher.start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> endpoint.receiver().deliveries().size() == 3);
      List<DemoBank.Delivery> got = endpoint.receiver().deliveries();
      String retriedWebhookId = got.get(0).webhookId();
      assertThat(got.subList(1, 3))
          .extracting(DemoBank.Delivery::webhookId)
          .containsExactlyInAnyOrder(retriedWebhookId, freshWebhookId);
      assertThat(got).allMatch(DemoBank.Delivery::verified);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  db.queryLong(
                          "SELECT count(*) FROM delivery WHERE endpoint_id = ?::uuid AND state = 'SUCCEEDED'",
                          endpoint.id())
                      == 2);
    } finally {
      dispatcher.start();
      Webhooks.retire(db, endpoint);
    }
  }
}
