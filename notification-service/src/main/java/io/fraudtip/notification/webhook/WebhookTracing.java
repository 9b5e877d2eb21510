package io.fraudtip.notification.webhook;

import io.fraudtip.commons.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The CLIENT span of one webhook attempt, a child of the trace context stored with the alert (so
 * that retries and replays join the same trace), and the W3C headers that carry it to the bank.
 * With the OpenTelemetry SDK disabled the span is a no-op that carries its parent's context, so the
 * bank receives the stored {@code traceparent} unchanged, or none when there was none.
 */
final class WebhookTracing {
  private final Tracer tracer;

  WebhookTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Starts the span of an attempt to POST an alert of {@code eventType} to {@code uri}. */
  Attempt start(String eventType, URI uri, String traceparent, String tracestate) {
    Context parent = TraceContexts.parentOf(traceparent, tracestate);
    Span span =
        tracer
            .spanBuilder("webhook POST " + (eventType == null ? "" : eventType))
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", "POST")
            // Without the query or user info, which may hold a bank's credentials.
            .setAttribute("url.full", withoutSecrets(uri))
            .setAttribute("server.address", String.valueOf(uri.getHost()))
            .setAttribute("server.port", (long) port(uri))
            .setAttribute("fraudtip.webhook.event_type", String.valueOf(eventType))
            .startSpan();
    Map<String, String> headers = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(parent.with(span), headers, Map::put);
    return new Attempt(span, Map.copyOf(headers));
  }

  private static String withoutSecrets(URI uri) {
    int port = uri.getPort();
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (port < 0 ? "" : ":" + port)
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** The URL's port, or its scheme's default. */
  static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /**
   * A started attempt.
   *
   * @param span its span
   * @param headers the {@code traceparent} (and {@code tracestate}) to send; empty when none
   */
  record Attempt(Span span, Map<String, String> headers) {
    /** Ends the span with the bank's answer, or the error that left none. */
    void end(Integer status, String error) {
      if (status != null) {
        span.setAttribute("http.response.status_code", (long) status);
        if (status >= 400) {
          span.setAttribute("error.type", Integer.toString(status));
          span.setStatus(StatusCode.ERROR);
        }
      } else {
        span.setAttribute("error.type", error == null ? "unknown" : error);
        span.setStatus(StatusCode.ERROR, error);
      }
      span.end();
    }
  }
}
