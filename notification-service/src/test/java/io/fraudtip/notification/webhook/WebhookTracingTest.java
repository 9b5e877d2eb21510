package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The SDK disabled (the default outside tests): a no-op tracer must not break or invent context.
 */
class WebhookTracingTest {
  private final WebhookTracing tracing = new WebhookTracing(OpenTelemetry.noop().getTracer("test"));
  private final URI uri = URI.create("https://bank.example/hooks?token=secret");

  @Test
  void withTheSdkOffTheStoredParentIsSentUnchanged() {
    String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    WebhookTracing.Attempt attempt = tracing.start("account.reported", uri, parent, "a=b");
    assertThat(attempt.headers()).containsEntry("traceparent", parent);
    assertThat(attempt.headers()).containsEntry("tracestate", "a=b");
    attempt.end(200, null);
  }

  @Test
  void withTheSdkOffAndNoStoredContextNoHeaderIsSent() {
    WebhookTracing.Attempt attempt = tracing.start("account.reported", uri, null, null);
    assertThat(attempt.headers()).isEmpty();
    attempt.end(null, "ConnectException");
  }

  @Test
  void aMalformedStoredParentIsIgnored() {
    WebhookTracing.Attempt attempt = tracing.start("freeze.requested", uri, "garbage", null);
    assertThat(attempt.headers()).isEmpty();
    attempt.end(503, null);
  }
}
