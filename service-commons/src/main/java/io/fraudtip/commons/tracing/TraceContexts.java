package io.fraudtip.commons.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /** The longest {@code tracestate} kept: what W3C asks every vendor to pass on, at least. */
  public static final int MAX_TRACESTATE = 512;

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

  /**
   * The context's span as W3C fields; an empty map when it has no valid span (or is null). Its
   * {@code tracestate} is cut to {@link #MAX_TRACESTATE} characters as W3C says.
   */
  public static Map<String, String> of(Context context) {
    Map<String, String> fields = new HashMap<>();
    if (context != null) {
      W3CTraceContextPropagator.getInstance().inject(context, fields, SETTER);
      fields.computeIfPresent(TRACESTATE, (k, v) -> bounded(v));
    }
    return fields;
  }

  /**
   * A {@code tracestate} of at most {@link #MAX_TRACESTATE} characters, or null when none is left:
   * members over 128 characters go first, then members from the end (W3C Trace Context, 3.3.1.5). A
   * caller's state has no bound of its own in the propagator, and must never fail the caller's
   * write (the columns that keep it hold 512).
   */
  public static String bounded(String state) {
    if (state == null || state.length() <= MAX_TRACESTATE) {
      return state;
    }
    List<String> members = new ArrayList<>();
    for (String m : state.split(",")) {
      if (!m.isBlank()) {
        members.add(m.strip());
      }
    }
    for (int i = members.size() - 1; i >= 0 && length(members) > MAX_TRACESTATE; i--) {
      if (members.get(i).length() > 128) {
        members.remove(i);
      }
    }
    while (!members.isEmpty() && length(members) > MAX_TRACESTATE) {
      members.remove(members.size() - 1);
    }
    return members.isEmpty() ? null : String.join(",", members);
  }

  private static int length(List<String> members) {
    return members.stream().mapToInt(String::length).sum() + Math.max(0, members.size() - 1);
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
