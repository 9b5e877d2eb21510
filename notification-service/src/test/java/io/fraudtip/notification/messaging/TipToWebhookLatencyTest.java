package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.Json;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) the delay from producing a tips.v1 record to the demo bank's 200, over
 * 1,000 alerts sent at a steady rate (50 tips/s unless {@code -Dlatency.rate} says otherwise), and
 * prints the median and the maximum.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipToWebhookLatencyTest {
  static final int ALERTS = 1_000;
  static final int WARM_UP = 100;

  /** Tips per second; {@code -Dlatency.rate=200} for SPEC §9's rate. */
  static final int RATE = Integer.getInteger("latency.rate", 50);

  static final int PER_BATCH = Math.max(1, RATE / 10);
  static final long BATCH_EVERY_MS = 1000L * PER_BATCH / RATE;

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void measuresTipToWebhookDelayOverAThousandAlerts() throws Exception {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970427");
    // Warm-up, not measured: the consumer's first poll and the first connections.
    Webhooks.tip(kafka, "970427", "7600000000");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    endpoint.receiver().reset().secrets(endpoint.secret());

    Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    // One warm producer for the whole run (the companion makes a new one per call), so that the
    // figure is the platform's, not a producer's start-up.
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            0);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      // Warm-up, not measured: the code paths compiled, connections open.
      for (int i = 0; i < WARM_UP; i++) {
        producer.send(
            Webhooks.tipRecord(UUID.randomUUID(), "970428", "77" + String.format("%08d", i)));
      }
      producer.flush();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  db.queryLong("SELECT count(*) FROM alert WHERE bank_bin = '970428'") >= WARM_UP);
      long start = System.currentTimeMillis();
      for (int batch = 0; batch < ALERTS / PER_BATCH; batch++) {
        for (int i = 0; i < PER_BATCH; i++) {
          UUID tipId = UUID.randomUUID();
          var record =
              Webhooks.tipRecord(
                  tipId, "970427", "76" + String.format("%08d", batch * PER_BATCH + i));
          sentAt.put(tipId.toString(), Instant.now());
          producer.send(record);
        }
        producer.flush();
        long wait = start + (batch + 1) * BATCH_EVERY_MS - System.currentTimeMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
      }
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> endpoint.receiver().deliveries().size() >= ALERTS);

    Map<String, Instant> alertAt = new java.util.HashMap<>();
    for (Map<String, Object> row :
        db.query("SELECT tip_id, created_at FROM alert WHERE bank_bin = '970427'")) {
      alertAt.put(
          row.get("tip_id").toString(), ((java.sql.Timestamp) row.get("created_at")).toInstant());
    }
    List<Long> delays = new ArrayList<>();
    List<Long> toAlert = new ArrayList<>();
    List<Long> toBank = new ArrayList<>();
    for (DemoBank.Delivery d : endpoint.receiver().deliveries()) {
      assertThat(d.verified()).isTrue();
      String tipId = Json.events().readTree(d.body()).get("data").get("tipId").asText();
      delays.add(Duration.between(sentAt.get(tipId), d.receivedAt()).toMillis());
      toAlert.add(Duration.between(sentAt.get(tipId), alertAt.get(tipId)).toMillis());
      toBank.add(Duration.between(alertAt.get(tipId), d.receivedAt()).toMillis());
    }
    assertThat(delays).hasSize(ALERTS);
    delays.sort(Long::compare);
    toAlert.sort(Long::compare);
    toBank.sort(Long::compare);
    System.out.printf(
        "  of which record -> alert committed: median %d ms, max %d ms;"
            + " alert -> bank 200: median %d ms, max %d ms%n",
        toAlert.get(ALERTS / 2),
        toAlert.get(ALERTS - 1),
        toBank.get(ALERTS / 2),
        toBank.get(ALERTS - 1));
    System.out.printf(
        "tips.v1 record -> bank 200 over %d alerts at %d tips/s: median %d ms, p90 %d ms, p99 %d ms,"
            + " max %d ms%n",
        ALERTS,
        RATE,
        delays.get(ALERTS / 2),
        delays.get(ALERTS * 90 / 100),
        delays.get(ALERTS * 99 / 100),
        delays.get(ALERTS - 1));
    Webhooks.retire(db, endpoint);
  }
}
