package io.fraudtip.commons.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class BatchHandlingTest {
  private final List<String> nacked = new ArrayList<>();
  private final AtomicInteger acks = new AtomicInteger();
  private final List<List<String>> calls = new ArrayList<>();

  @Test
  void readableRecordsAreHandledTogetherInPollOrderAndAnUnreadableOneIsDeadLetteredAlone() {
    var records = List.of(record("a"), record("{not json", "bad"), record("b"), record("c"));

    CompletionStage<Void> done =
        EventHandling.handleBatch(records, this::ack, Map.class, this::remember, Duration.ZERO);

    done.toCompletableFuture().join();
    assertThat(calls).containsExactly(List.of("a", "b", "c"));
    assertThat(nacked).containsExactly("bad");
    assertThat(acks).hasValue(1);
  }

  @Test
  void whenTheBatchFailsOnlyTheFailingRecordIsDeadLetteredAndTheBatchAckedAfterIt() {
    CompletableFuture<Void> deadLettered = new CompletableFuture<>();
    var records =
        List.of(
            record("a"),
            record("{\"name\":\"poison\"}", "poison", deadLettered),
            record("b"),
            record("c"));

    CompletionStage<Void> done =
        EventHandling.handleBatch(
            records,
            this::ack,
            Map.class,
            events -> {
              if (names(events).contains("poison")) {
                throw new IllegalStateException(new SQLException("value too long", "22001"));
              }
              remember(events);
            },
            Duration.ofSeconds(10));

    assertThat(calls).containsExactly(List.of("a"), List.of("b"), List.of("c"));
    assertThat(nacked).containsExactly("poison");
    // Not acknowledged before the poison record is on the dead-letter topic.
    assertThat(acks).hasValue(0);
    deadLettered.complete(null);
    done.toCompletableFuture().join();
    assertThat(acks).hasValue(1);
  }

  @Test
  void aBatchFailingWhileTheDatabaseIsAwayIsRunAgainWholeAndNothingIsDeadLettered() {
    AtomicInteger attempts = new AtomicInteger();
    var records = List.of(record("a"), record("b"));

    EventHandling.handleBatch(
            records,
            this::ack,
            Map.class,
            events -> {
              if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException(
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"));
              }
              remember(events);
            },
            Duration.ofSeconds(10))
        .toCompletableFuture()
        .join();

    assertThat(calls).containsExactly(List.of("a", "b"));
    assertThat(nacked).isEmpty();
    assertThat(acks).hasValue(1);
  }

  @Test
  void aBatchWhosePoisonRecordCannotBeDeadLetteredIsNotAcknowledged() {
    var records =
        List.of(
            record("a"),
            record(
                "{not json", "bad", CompletableFuture.failedFuture(new RuntimeException("down"))));

    EventHandling.handleBatch(records, this::ack, Map.class, this::remember, Duration.ZERO)
        .toCompletableFuture()
        .join();

    assertThat(calls).containsExactly(List.of("a"));
    assertThat(acks).hasValue(0);
  }

  private CompletionStage<Void> ack() {
    acks.incrementAndGet();
    return CompletableFuture.completedFuture(null);
  }

  private void remember(List<IncomingEvent<Map>> events) {
    calls.add(names(events));
  }

  private static List<String> names(List<IncomingEvent<Map>> events) {
    return events.stream().map(e -> (String) e.payload().get("name")).toList();
  }

  private Message<String> record(String name) {
    return record("{\"name\":\"" + name + "\"}", name);
  }

  private Message<String> record(String json, String name) {
    return record(json, name, CompletableFuture.completedFuture(null));
  }

  private Message<String> record(String json, String name, CompletionStage<Void> deadLetter) {
    return Message.of(json, Metadata.of(TestRecords.cloudEvent()))
        .withNack(
            failure -> {
              nacked.add(name);
              return deadLetter;
            });
  }
}
