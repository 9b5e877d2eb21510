package io.fraudtip.notification.webhook;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.notification.config.WebhookConfig;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Makes one attempt of a claimed delivery: a POST signed the Standard Webhooks way (webhook-id,
 * timestamp, a signature per secret in force), sent asynchronously with the configured timeouts.
 * Redirects are not followed. Each attempt is a CLIENT span in the trace stored with its alert,
 * sent along as a W3C {@code traceparent}.
 */
@ApplicationScoped
class WebhookSender {
  private final WebhookConfig config;
  private final EndpointUrlPolicy urls;
  private final WebhookTracing tracing;

  private HttpClient client;
  private ExecutorService httpThreads;

  WebhookSender(WebhookConfig config, EndpointUrlPolicy urls, OpenTelemetry telemetry) {
    this.tracing = new WebhookTracing(telemetry.getTracer("io.fraudtip.notification.webhooks"));
    this.config = config;
    this.urls = urls;
  }

  /** Opens a new HTTP client, with its own threads. */
  void open() {
    httpThreads = Executors.newFixedThreadPool(config.httpThreads(), daemon("webhook-http"));
    client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(httpThreads)
            .build();
  }

  /** Abandons the requests in flight: their rows come due again after the lease. */
  void close() {
    httpThreads.shutdownNow();
    client = null;
  }

  /** Sends the delivery; {@code done} gets the answer, or the error that left none. */
  void send(ClaimedDelivery c, Consumer<DeliveryOutcomes.Result> done) {
    Instant at = Instant.now();
    long started = System.nanoTime();
    HttpRequest request;
    WebhookTracing.Attempt trace = null;
    try {
      URI uri = URI.create(c.url());
      // Checked again at send time: a name may have been pointed at a private address since.
      urls.checkAddresses(uri);
      long timestamp = at.getEpochSecond();
      trace = tracing.start(c.eventType(), uri, c.traceparent(), c.tracestate());
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
      trace.headers().forEach(builder::header);
      request =
          builder
              .timeout(config.readTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "fraudtip-webhooks/1.0")
              .header(WebhookSignature.HEADER_ID, c.webhookId())
              .header(WebhookSignature.HEADER_TIMESTAMP, Long.toString(timestamp))
              .header(
                  WebhookSignature.HEADER_SIGNATURE,
                  WebhookSignature.header(c.secrets(), c.webhookId(), timestamp, c.payload()))
              .POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
              .build();
    } catch (ProblemException | IllegalArgumentException e) {
      if (trace != null) {
        trace.end(null, "refused");
      }
      done.accept(
          result(c, at, started, null, new IllegalStateException("refused: " + e.getMessage())));
      return;
    }
    WebhookTracing.Attempt attempt = trace;
    long deadlineMs = config.connectTimeout().toMillis() + config.readTimeout().toMillis();
    client
        .sendAsync(request, limited(config.responseBodyLimit()))
        .orTimeout(deadlineMs, TimeUnit.MILLISECONDS)
        .whenComplete(
            (response, error) -> {
              attempt.end(
                  response == null ? null : response.statusCode(),
                  response == null ? describe(error) : null);
              done.accept(result(c, at, started, response, error));
            });
  }

  private static DeliveryOutcomes.Result result(
      ClaimedDelivery c, Instant at, long started, HttpResponse<String> response, Throwable error) {
    long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (response != null) {
      return new DeliveryOutcomes.Result(
          c.deliveryId(),
          c.endpointId(),
          at,
          latencyMs,
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body(),
          null);
    }
    return new DeliveryOutcomes.Result(
        c.deliveryId(), c.endpointId(), at, latencyMs, null, null, null, describe(error));
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root instanceof java.util.concurrent.CompletionException && root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Keeps the first {@code limit} characters of a bank's answer and drops the rest unread. */
  static HttpResponse.BodyHandler<String> limited(int limit) {
    return info ->
        new HttpResponse.BodySubscriber<>() {
          private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
          private final CompletableFuture<String> body = new CompletableFuture<>();

          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
              int room = Math.max(0, limit * 4 - kept.size());
              int n = Math.min(room, b.remaining());
              byte[] bytes = new byte[n];
              b.get(bytes);
              kept.write(bytes, 0, n);
            }
          }

          @Override
          public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {
            String text = kept.toString(StandardCharsets.UTF_8);
            body.complete(text.length() > limit ? text.substring(0, limit) : text);
          }

          @Override
          public java.util.concurrent.CompletionStage<String> getBody() {
            return body;
          }
        };
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
