package io.fraudtip.commons.inbox;

import java.util.UUID;
import org.apache.kafka.common.header.Headers;

/**
 * One readable record of a polled batch, as {@link EventHandling#handleBatch} gives it to a
 * handler.
 *
 * @param eventId the CloudEvent id, which the handler dedupes on
 * @param payload the event payload
 * @param headers the record's Kafka headers (e.g. its W3C trace context); empty when it had none
 * @param json the payload as received, for a handler that keeps it
 * @param <T> the payload type
 */
public record IncomingEvent<T>(UUID eventId, T payload, Headers headers, String json) {}
