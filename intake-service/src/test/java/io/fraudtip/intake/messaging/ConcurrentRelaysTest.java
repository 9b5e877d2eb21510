package io.fraudtip.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.commons.outbox.OutboxRelay;
import io.fraudtip.intake.TopicReader;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.SequentialScans;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Several relays at once (several instances of a service): every record is published, none twice,
 * and a row one relay holds is never taken by another. The relay's own thread is off here; the test
 * runs relay batches itself, each in its own transaction, as separate instances would.
 */
@QuarkusTest
@TestProfile(ConcurrentRelaysTest.RelaysRunByTheTest.class)
@WithTestResource(PlatformTestResource.class)
class ConcurrentRelaysTest {
  /**
   * Turns the relay thread off and takes small batches, so that two relays interleave; keeps no
   * published row.
   */
  public static class RelaysRunByTheTest implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.outbox.relay-enabled",
          "false",
          "fraudtip.outbox.batch-size",
          "25",
          // published rows may go at once: the housekeeping test deletes them
          "fraudtip.outbox.retention",
          "0s");
    }
  }

  @Inject OutboxRelay relay;
  @Inject EntityManager em;
  @InjectDatabase TestDatabase db;

  @Test
  void twoRelaysAtOncePublishEveryRecordExactlyOnce() throws Exception {
    String topic = "relay-test-" + UUID.randomUUID();
    int rows = 1000;
    Set<String> eventIds = insert(topic, rows);

    CyclicBarrier start = new CyclicBarrier(2);
    AtomicInteger firstSent = new AtomicInteger();
    AtomicInteger secondSent = new AtomicInteger();
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> drain(start, firstSent));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> drain(start, secondSent));
    CompletableFuture.allOf(first, second).get();

    assertThat(firstSent.get() + secondSent.get()).isEqualTo(rows);
    assertThat(firstSent.get()).isPositive();
    assertThat(secondSent.get()).isPositive();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL",
                topic))
        .isZero();
    List<ConsumerRecord<String, String>> records =
        TopicReader.read(topic, r -> true, rows, Duration.ofSeconds(60), Duration.ofSeconds(2));
    List<String> published =
        records.stream()
            .map(r -> new String(r.headers().lastHeader("ce_id").value()))
            .collect(Collectors.toList());
    assertThat(published).hasSize(rows).doesNotHaveDuplicates();
    assertThat(new HashSet<>(published)).isEqualTo(eventIds);
  }

  @Test
  void aRelayNeverTakesTheRowsAnotherRelayHolds() throws Exception {
    String topic = "relay-test-" + UUID.randomUUID();
    insert(topic, 60);
    List<Long> held = new ArrayList<>();
    try (Connection other = DriverManager.getConnection(db.url(), "postgres", "postgres")) {
      other.setAutoCommit(false);
      // Another instance's relay holds the first 30 rows of the topic in its open transaction.
      try (PreparedStatement s =
          other.prepareStatement(
              "SELECT id FROM outbox_event WHERE topic = ? AND published_at IS NULL ORDER BY id"
                  + " LIMIT 30 FOR UPDATE SKIP LOCKED")) {
        s.setString(1, topic);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            held.add(rs.getLong(1));
          }
        }
      }
      assertThat(held).hasSize(30);
      int sent;
      do {
        sent = QuarkusTransaction.requiringNew().call(relay::relayBatch);
      } while (sent > 0);
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL",
                  topic))
          .isEqualTo(30);
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM outbox_event WHERE id = ANY(?) AND published_at IS NULL",
                  (Object) held.toArray(new Long[0])))
          .isEqualTo(30);
      other.rollback();
    }
    // Released (the other relay died), the rows are taken and published.
    while (QuarkusTransaction.requiringNew().call(relay::relayBatch) > 0) {}
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL",
                topic))
        .isZero();
    assertThat(
            TopicReader.read(topic, r -> true, 60, Duration.ofSeconds(30), Duration.ofSeconds(1)))
        .hasSize(60);
  }

  /**
   * The relay's housekeeping (the backlog every second, the published rows' deletion every minute)
   * finds its rows by index: a table read whole would cost more with every event kept (a day's by
   * default). With sequential scans priced out, PostgreSQL takes one only where no index answers.
   */
  @Test
  void theHousekeepingFindsItsRowsByIndexAndDeletesThePublishedOnes() {
    String topic = "relay-test-" + UUID.randomUUID();
    insert(topic, 120);
    while (QuarkusTransaction.requiringNew().call(relay::relayBatch) > 0) {}

    int[] deleted = new int[1];
    Map<String, Long> scans =
        SequentialScans.during(
            em,
            List.of("outbox_event"),
            () -> {
              relay.refreshStats();
              deleted[0] = relay.deletePublished();
            });

    assertThat(scans).containsEntry("outbox_event", 0L);
    assertThat(deleted[0]).isGreaterThanOrEqualTo(120);
    assertThat(db.queryLong("SELECT count(*) FROM outbox_event WHERE topic = ?", topic)).isZero();
    assertThat(relay.backlog()).isZero();
  }

  private void drain(CyclicBarrier start, AtomicInteger sent) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    int n;
    do {
      n = QuarkusTransaction.requiringNew().call(relay::relayBatch);
      sent.addAndGet(n);
    } while (n > 0);
  }

  private Set<String> insert(String topic, int rows) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id.toString());
      db.update(
          "INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at)"
              + " VALUES (?, ?, ?, 'test.v1', '{}', now())",
          id,
          topic,
          "k" + i);
    }
    return ids;
  }
}
