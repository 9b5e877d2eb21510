package io.fraudtip.commons.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class EventHandlingTest {
  private static final SpanContext CONSUMER_SPAN =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c",
          "b7ad6b7169203331",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  @Test
  void theHandlerRunsInTheConsumerSpanOfTheRecord() {
    Context consumer = Context.root().with(Span.wrap(CONSUMER_SPAN));
    AtomicReference<SpanContext> seen = new AtomicReference<>();

    EventHandling.handle(
        message(Metadata.of(TestRecords.cloudEvent(), TracingMetadata.withCurrent(consumer))),
        Map.class,
        (id, payload) -> seen.set(Span.current().getSpanContext()));

    assertThat(seen.get()).isEqualTo(CONSUMER_SPAN);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void withoutTraceTheHandlerRunsInTheCallersContext() {
    AtomicReference<SpanContext> seen = new AtomicReference<>();

    EventHandling.handle(
        message(Metadata.of(TestRecords.cloudEvent())),
        Map.class,
        (id, payload) -> seen.set(Span.current().getSpanContext()));

    assertThat(seen.get().isValid()).isFalse();
  }

  @Test
  void aHandlerFailingWhileTheDatabaseIsAwayIsRunAgainUntilItSucceeds() {
    AtomicInteger calls = new AtomicInteger();

    EventHandling.retryingTransient(
        () -> {
          if (calls.incrementAndGet() < 3) {
            throw new IllegalStateException(
                "could not execute statement",
                new SQLException("terminating connection due to administrator command", "57P01"));
          }
        },
        Duration.ofSeconds(10));

    assertThat(calls).hasValue(3);
  }

  @Test
  void aShutdownUnderARecordIsNotTheRecordsFault() {
    assertThat(
            EventHandling.isTransient(new IllegalStateException("EntityManagerFactory is closed")))
        .isTrue();
    assertThat(EventHandling.isTransient(new IllegalStateException("no such unit"))).isFalse();
  }

  @Test
  void aFailureOfTheRecordItselfIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                EventHandling.retryingTransient(
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException(new SQLException("value too long", "22001"));
                    },
                    Duration.ofSeconds(10)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aTransientFailureThatOutlastsTheBudgetIsGivenUp() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                EventHandling.retryingTransient(
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException(
                          new SQLException("This connection has been closed.", "08003"));
                    },
                    Duration.ofMillis(700)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(calls.get()).isBetween(2, 3);
  }

  private static Message<String> message(Metadata metadata) {
    return Message.of("{\"a\":1}", metadata);
  }
}
