package io.fraudtip.notification.service;

import io.fraudtip.commons.tracing.TraceContexts;

/**
 * The W3C trace context an alert continues: the {@code traceparent} and {@code tracestate} of the
 * Kafka record that raised it, kept as received (null fields when the record carried none).
 *
 * @param traceparent the {@code traceparent} value, or null
 * @param tracestate the {@code tracestate} value, or null
 */
public record TraceParent(String traceparent, String tracestate) {
  /** No trace context. */
  public static final TraceParent NONE = new TraceParent(null, null);

  private static final int MAX_TRACEPARENT = 128;

  /**
   * The context of the given header values; an oversized {@code traceparent} is dropped (one that
   * long is not one), a {@code tracestate} cut as W3C says ({@link TraceContexts#bounded}), and a
   * tracestate without a traceparent means nothing.
   */
  public static TraceParent of(String traceparent, String tracestate) {
    if (traceparent == null || traceparent.isBlank() || traceparent.length() > MAX_TRACEPARENT) {
      return NONE;
    }
    String state =
        tracestate == null || tracestate.isBlank() ? null : TraceContexts.bounded(tracestate);
    return new TraceParent(traceparent.trim(), state);
  }
}
