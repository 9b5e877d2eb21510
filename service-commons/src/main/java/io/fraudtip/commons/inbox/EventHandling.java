package io.fraudtip.commons.inbox;

import io.fraudtip.commons.failure.Causes;
import io.fraudtip.commons.failure.NotYetKnown;
import io.fraudtip.commons.failure.Outages;
import io.fraudtip.contracts.Json;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The body of every thin {@code @Incoming} adapter: read the CloudEvent id and JSON payload, hand
 * them to the service (which dedupes on the id in its transaction), ack on success and nack on any
 * failure, so that the channel's dead-letter strategy takes the record and the partition moves on.
 * The handler runs in the consumer span of the record, so that the events it publishes through the
 * outbox continue the same trace.
 *
 * <p>A failure of the infrastructure rather than of the record (the database restarting or out of
 * reach) is retried in place for up to {@link #TRANSIENT_RETRY} before the record is nacked: a
 * database restart must not send good records to the dead-letter topic, where nothing would take
 * them into effect. The handler's transaction rolled back, and it dedupes on the event id, so
 * running it again is safe.
 *
 * <p>{@link #handleBatch} is the same for a channel with {@code batch=true}: one handler call (one
 * transaction) for all the polled records, so that one commit serves many events.
 *
 * <p>The overloads with {@code uses} skip the records whose CloudEvent type ({@code ce_type}) the
 * consumer does not use: they are acknowledged unread (no payload parsed, nothing recorded). A
 * record without a type is read as before.
 */
public final class EventHandling {
  /** How long a handler is run again while its failures are transient. */
  public static final Duration TRANSIENT_RETRY = Duration.ofSeconds(60);

  private static final long FIRST_WAIT_MS = 200;
  private static final long LONGEST_WAIT_MS = 5_000;

  private static final Logger LOG = Logger.getLogger(EventHandling.class);

  private EventHandling() {}

  public static <T> CompletionStage<Void> handle(
      Message<String> message, Class<T> type, BiConsumer<UUID, T> handler) {
    try {
      UUID eventId = IncomingEvents.eventId(message);
      T payload = Json.events().readValue(message.getPayload(), type);
      Context trace =
          TracingMetadata.fromMessage(message)
              .map(TracingMetadata::getCurrentContext)
              .orElse(Context.current());
      try (Scope scope = trace.makeCurrent()) {
        retryingTransient(() -> handler.accept(eventId, payload), TRANSIENT_RETRY);
      }
      return message.ack();
    } catch (Exception e) {
      return message.nack(e);
    }
  }

  /**
   * {@link #handle(Message, Class, BiConsumer)} for a consumer that uses only the CloudEvent types
   * {@code uses} accepts: a record of another type is acknowledged without being read.
   */
  public static <T> CompletionStage<Void> handle(
      Message<String> message, Predicate<String> uses, Class<T> type, BiConsumer<UUID, T> handler) {
    if (unused(message, uses)) {
      return message.ack();
    }
    return handle(message, type, handler);
  }

  /**
   * {@link #handleBatch(KafkaRecordBatch, Class, Consumer)} for a consumer that uses only the
   * CloudEvent types {@code uses} accepts: records of other types are left out unread and
   * acknowledged with the batch.
   */
  public static <T> CompletionStage<Void> handleBatch(
      KafkaRecordBatch<String, String> batch,
      Predicate<String> uses,
      Class<T> type,
      Consumer<List<IncomingEvent<T>>> handler) {
    List<KafkaRecord<String, String>> used =
        batch.getRecords().stream().filter(r -> !unused(r, uses)).toList();
    return handleBatch(used, batch::ack, type, handler, TRANSIENT_RETRY);
  }

  /** Whether a record names a CloudEvent type the consumer does not use (read off its header). */
  static boolean unused(Message<?> message, Predicate<String> uses) {
    String type = IncomingEvents.eventType(message);
    return type != null && !uses.test(type);
  }

  /**
   * The body of a batched {@code @Incoming} adapter: the batch's readable records go to the handler
   * in one call, in poll order (the handler dedupes on their ids in its transaction). A record that
   * cannot be read is nacked alone, so that the channel's dead-letter strategy takes it. When the
   * handler fails for the batch (after transient failures were retried in place, as in {@link
   * #handle}), each record is handled again in a call of its own and only the failing ones are
   * nacked. The batch is acknowledged once every nacked record is on the dead-letter topic; if one
   * could not be written there, the batch stays unacknowledged and comes again.
   */
  public static <T> CompletionStage<Void> handleBatch(
      KafkaRecordBatch<String, String> batch,
      Class<T> type,
      Consumer<List<IncomingEvent<T>>> handler) {
    return handleBatch(batch.getRecords(), batch::ack, type, handler, TRANSIENT_RETRY);
  }

  static <T> CompletionStage<Void> handleBatch(
      List<? extends Message<String>> records,
      Supplier<CompletionStage<Void>> ack,
      Class<T> type,
      Consumer<List<IncomingEvent<T>>> handler,
      Duration transientBudget) {
    List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
    List<IncomingEvent<T>> events = new ArrayList<>(records.size());
    List<Message<String>> sources = new ArrayList<>(records.size());
    for (Message<String> record : records) {
      try {
        events.add(
            new IncomingEvent<>(
                IncomingEvents.eventId(record),
                Json.events().readValue(record.getPayload(), type),
                headers(record),
                record.getPayload()));
        sources.add(record);
      } catch (Exception e) {
        deadLetters.add(record.nack(e).toCompletableFuture());
      }
    }
    if (!events.isEmpty()) {
      try {
        retryingTransient(() -> handler.accept(events), transientBudget);
      } catch (Exception batchFailed) {
        LOG.warnf(
            "A batch of %d %s events failed (%s); handling them one by one",
            events.size(), type.getSimpleName(), batchFailed.getMessage());
        for (int i = 0; i < events.size(); i++) {
          List<IncomingEvent<T>> one = List.of(events.get(i));
          try {
            retryingTransient(() -> handler.accept(one), transientBudget);
          } catch (Exception e) {
            deadLetters.add(sources.get(i).nack(e).toCompletableFuture());
          }
        }
      }
    }
    if (deadLetters.isEmpty()) {
      return ack.get();
    }
    return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
        .handle((done, error) -> error)
        .thenCompose(
            error -> {
              if (error == null) {
                return ack.get();
              }
              LOG.errorf(
                  "Could not dead-letter a %s record; the batch will come again: %s",
                  type.getSimpleName(), error);
              return CompletableFuture.<Void>completedFuture(null);
            });
  }

  private static Headers headers(Message<String> record) {
    Headers headers = IncomingEvents.headers(record);
    return headers != null ? headers : new RecordHeaders();
  }

  /** Runs the work, again after a growing pause while it fails transiently and time is left. */
  static void retryingTransient(Runnable work, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    long wait = FIRST_WAIT_MS;
    while (true) {
      try {
        work.run();
        return;
      } catch (RuntimeException e) {
        if (!isTransient(e) || System.nanoTime() + wait * 1_000_000 > deadline) {
          throw e;
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        wait = Math.min(wait * 2, LONGEST_WAIT_MS);
      }
    }
  }

  /**
   * Whether a failure is the infrastructure's, not the record's ({@link Outages#isOutage}), or
   * names what another topic is about to bring ({@link NotYetKnown}): run again, the same record
   * may succeed.
   */
  public static boolean isTransient(Throwable failure) {
    return Outages.isOutage(failure) || Causes.include(failure, NotYetKnown.class);
  }
}
