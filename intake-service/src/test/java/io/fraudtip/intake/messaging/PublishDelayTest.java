package io.fraudtip.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.intake.Tips;
import io.fraudtip.intake.TopicReader;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Measures the delay from an accepted tip to its record on tips.v1 over 1,000 tips and prints it
 * (to the test output and {@code target/publish-delay.txt}). No timed assertion: the figures depend
 * on the machine; the test asserts only that every tip was published.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PublishDelayTest {
  private static final int TIPS = 1000;
  private static final int CLIENTS = 4;

  @InjectDatabase TestDatabase db;

  @Test
  void everyTipIsPublishedAndTheDelayIsReported() throws Exception {
    Set<String> tipIds = ConcurrentHashMap.newKeySet();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long started = System.nanoTime();
    for (int i = 0; i < TIPS; i++) {
      clients.submit(
          () ->
              tipIds.add(
                  given()
                      .contentType(ContentType.JSON)
                      .body(Tips.VALID)
                      .post("/api/v1/tips")
                      .then()
                      .statusCode(202)
                      .extract()
                      .path("tipId")));
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(tipIds).hasSize(TIPS);

    List<ConsumerRecord<String, String>> records =
        TopicReader.read(
            Topics.TIPS_V1,
            r -> tipIds.contains(r.key()),
            TIPS,
            Duration.ofSeconds(60),
            Duration.ofMillis(500));
    List<Long> recordDelays = new ArrayList<>();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    for (ConsumerRecord<String, String> r : records) {
      if (seen.add(r.key())) {
        TipReceivedV1 tip = Json.events().readValue(r.value(), TipReceivedV1.class);
        recordDelays.add(r.timestamp() - tip.receivedAt().toEpochMilli());
      }
    }
    assertThat(seen).isEqualTo(tipIds);

    // The relay marks a row published once Kafka acknowledged it: the delay to the ack.
    List<Long> ackDelays = new ArrayList<>();
    for (var row :
        db.query(
            "SELECT t.received_at, o.published_at FROM tip t JOIN outbox_event o"
                + " ON o.record_key = t.id::text WHERE t.id = ANY(?)",
            (Object)
                tipIds.stream().map(java.util.UUID::fromString).toArray(java.util.UUID[]::new))) {
      Instant received = ((Timestamp) row.get("received_at")).toInstant();
      Instant published = ((Timestamp) row.get("published_at")).toInstant();
      ackDelays.add(Duration.between(received, published).toNanos() / 1_000);
    }
    assertThat(ackDelays).hasSize(TIPS);

    String report =
        String.format(
            "Accepted-to-published delay over %d tips (%d clients, %.0f tips/s posted):%n"
                + "  tips.v1 record timestamp - receivedAt (ms): median %d, p99 %d, max %d%n"
                + "  Kafka ack (outbox published_at) - receivedAt (ms): median %.1f, p99 %.1f,"
                + " max %.1f%n",
            TIPS,
            CLIENTS,
            TIPS / seconds,
            percentile(recordDelays, 50),
            percentile(recordDelays, 99),
            Collections.max(recordDelays),
            percentile(ackDelays, 50) / 1e3,
            percentile(ackDelays, 99) / 1e3,
            Collections.max(ackDelays) / 1e3);
    System.out.println(report);
    write(report);
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static void write(String report) throws IOException {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("publish-delay.txt"), report);
    }
  }
}
