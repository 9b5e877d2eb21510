package io.fraudtip.commons.inbox;

import io.fraudtip.contracts.Json;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
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
 */
public final class EventHandling {
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
        handler.accept(eventId, payload);
      }
      return message.ack();
    } catch (Exception e) {
      return message.nack(e);
    }
  }
}
