package io.fraudtip.commons.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) to and from plain strings, for work
 * that leaves the thread of the request that caused it (the outbox). Empty when tracing is off.
 */
public final class TraceContexts {
  /** The {@code traceparent} field name. */
  public static final String TRACEPARENT = "traceparent";

  /** The {@code tracestate} field name. */
  public static final String TRACESTATE = "tracestate";

  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceContexts() {}

  /**
   * The current span's context as W3C fields; an empty map when there is no valid span (tracing
   * off, or no trace started).
   */
  public static Map<String, String> current() {
    return of(Context.current());
  }

  /** The context's span as W3C fields; an empty map when it has no valid span (or is null). */
  public static Map<String, String> of(Context context) {
    Map<String, String> fields = new HashMap<>();
    if (context != null) {
      W3CTraceContextPropagator.getInstance().inject(context, fields, SETTER);
    }
    return fields;
  }

  /**
   * A context whose remote parent is the given span; the root context when {@code traceparent} is
   * null or malformed.
   */
  public static Context parentOf(String traceparent, String tracestate) {
    if (traceparent == null) {
      return Context.root();
    }
    Map<String, String> fields = new HashMap<>();
    fields.put(TRACEPARENT, traceparent);
    if (tracestate != null) {
      fields.put(TRACESTATE, tracestate);
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), fields, GETTER);
  }
}
