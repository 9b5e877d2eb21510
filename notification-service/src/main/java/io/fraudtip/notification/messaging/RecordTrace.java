package io.fraudtip.notification.messaging;

import io.fraudtip.commons.tracing.TraceContexts;
import io.fraudtip.notification.service.TraceParent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The W3C trace context a Kafka record carries in its {@code traceparent} and {@code tracestate}
 * headers (written by the producer's span, the outbox relay's), kept with the alerts it raises.
 */
final class RecordTrace {
  private RecordTrace() {}

  /** The trace context of an incoming record; none when it has no such headers. */
  static TraceParent of(Message<?> message) {
    return message
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> of(m.getHeaders()))
        .orElse(TraceParent.NONE);
  }

  /** The trace context in a record's headers; none when absent. */
  static TraceParent of(Headers headers) {
    if (headers == null) {
      return TraceParent.NONE;
    }
    return TraceParent.of(
        value(headers, TraceContexts.TRACEPARENT), value(headers, TraceContexts.TRACESTATE));
  }

  private static String value(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
