package io.fraudtip.commons.inbox;

import io.fraudtip.contracts.Json;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.net.SocketException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Message;

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
 */
public final class EventHandling {
  /** How long a handler is run again while its failures are transient. */
  public static final Duration TRANSIENT_RETRY = Duration.ofSeconds(60);

  private static final long FIRST_WAIT_MS = 200;
  private static final long LONGEST_WAIT_MS = 5_000;

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
   * Whether a failure is the infrastructure's, not the record's: a lost or refused database
   * connection (SQL states 08xxx, 57P0x, 53300), a connection pool that found none in time, a
   * socket error, or the persistence unit closed by a shutdown.
   */
  public static boolean isTransient(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null
            && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
          return true;
        }
        String message = sql.getMessage();
        if (message != null && message.contains("Acquisition timeout")) {
          return true;
        }
      }
      if (t instanceof SocketException) {
        return true;
      }
      // An instance shutting down closes its persistence unit under a record being handled: the
      // record is not at fault, and left unacknowledged it goes to another instance.
      if (t instanceof IllegalStateException
          && t.getMessage() != null
          && (t.getMessage().contains("EntityManagerFactory is closed")
              || t.getMessage().contains("Session/EntityManager is closed"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
