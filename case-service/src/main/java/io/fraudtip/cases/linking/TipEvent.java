package io.fraudtip.cases.linking;

import io.fraudtip.commons.inbox.IncomingEvent;
import io.fraudtip.commons.tracing.TraceContexts;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One tips.v1 event of a batch.
 *
 * @param trace the trace the tip's record carried, continued by the case events it causes
 * @param json the tips.v1 payload as received, which the case keeps (null: written from {@code
 *     tip})
 */
public record TipEvent(UUID eventId, TipReceivedV1 tip, Context trace, String json) {
  /** An event without a trace of its own (it joins the caller's). */
  public static TipEvent of(UUID eventId, TipReceivedV1 tip) {
    return new TipEvent(eventId, tip, Context.current(), null);
  }

  /** An event read off a Kafka record, with the W3C trace context of its headers. */
  public static TipEvent of(IncomingEvent<TipReceivedV1> e) {
    Headers h = e.headers();
    String parent = value(h, TraceContexts.TRACEPARENT);
    Context trace =
        parent == null
            ? Context.current()
            : TraceContexts.parentOf(parent, value(h, TraceContexts.TRACESTATE));
    return new TipEvent(e.eventId(), e.payload(), trace, e.json());
  }

  private static String value(Headers headers, String name) {
    Header h = headers == null ? null : headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
