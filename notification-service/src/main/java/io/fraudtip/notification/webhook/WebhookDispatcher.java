package io.fraudtip.notification.webhook;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.notification.config.WebhookConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries to the banks. Woken by the commits that schedule deliveries (the fast path)
 * and by a short poll for retries coming due; claims due rows with {@code FOR UPDATE SKIP LOCKED}
 * and leases them (next_attempt_at moves past the request's timeouts), so that several instances
 * never send the same attempt and a crash mid-request only delays it. Requests go out
 * asynchronously, at most {@code max-in-flight-per-endpoint} per endpoint, so that a slow or dead
 * bank holds only its own slots and never delays another. Redirects are not followed. Each attempt
 * is a CLIENT span in the trace stored with its alert, sent along as a W3C {@code traceparent}.
 */
@ApplicationScoped
public class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final long LEASE_MARGIN_MS = 30_000;
  private static final int MAX_RECORDED_AT_ONCE = 64;

  private final WebhookConfig config;
  private final EntityManager em;
  private final DeliveryWakeUp wakeUp;
  private final DeliveryOutcomes outcomes;
  private final EndpointUrlPolicy urls;
  private final SigningSecrets signing;
  private final WebhookTracing tracing;
  private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  private volatile boolean running;
  private Thread worker;
  private HttpClient client;
  private ExecutorService httpThreads;
  private final BlockingQueue<DeliveryOutcomes.Result> results = new LinkedBlockingQueue<>();
  private List<Thread> recorders = List.of();

  WebhookDispatcher(
      WebhookConfig config,
      EntityManager em,
      DeliveryWakeUp wakeUp,
      DeliveryOutcomes outcomes,
      EndpointUrlPolicy urls,
      SigningSecrets signing,
      OpenTelemetry telemetry) {
    this.signing = signing;
    this.tracing = new WebhookTracing(telemetry.getTracer("io.fraudtip.notification.webhooks"));
    this.config = config;
    this.em = em;
    this.wakeUp = wakeUp;
    this.outcomes = outcomes;
    this.urls = urls;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.dispatcherEnabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts dispatching, with nothing carried over: all it knows comes from the database. */
  public synchronized void start() {
    if (running) {
      return;
    }
    inFlight.clear();
    httpThreads = Executors.newCachedThreadPool(daemon("webhook-http"));
    results.clear();
    client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(httpThreads)
            .build();
    running = true;
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i <= config.recorderThreads(); i++) {
      Thread t = new Thread(this::recordResults, "webhook-recorder-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    recorders = threads;
    worker = new Thread(this::run, "webhook-dispatcher");
    worker.setDaemon(true);
    worker.start();
  }

  /** Stops dispatching; requests in flight are abandoned, their rows come due after the lease. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    wakeUp.wake();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(5));
      long until = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(5);
      for (Thread t : recorders) {
        t.join(Math.max(1, until - System.currentTimeMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recorders.forEach(Thread::interrupt);
    httpThreads.shutdownNow();
    client = null;
  }

  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        wakeUp.await(config.pollInterval().toMillis());
        List<Claimed> claimed;
        do {
          claimed = claimBatch();
          claimed.forEach(this::send);
        } while (running && !claimed.isEmpty());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warnf("Webhook dispatcher cannot claim deliveries: %s", e.getMessage());
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private List<Claimed> claimBatch() {
    List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
    // Counted once the lease is committed; only this thread adds, recorders subtract.
    claimed.forEach(
        c -> inFlight.computeIfAbsent(c.endpointId(), k -> new AtomicInteger()).incrementAndGet());
    return claimed;
  }

  @SuppressWarnings("unchecked")
  List<Claimed> claim() {
    int max = config.maxInFlightPerEndpoint();
    String busy =
        inFlight.entrySet().stream()
            .filter(e -> e.getValue().get() >= max)
            .map(e -> e.getKey().toString())
            .collect(Collectors.joining(",", "{", "}"));
    // A lease lost in a database crash only makes the attempt due again (the bank dedupes on the
    // webhook-id), so the claim need not wait for its commit to reach the disk: one fsync less on
    // the fast path.
    em.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
    // Per endpoint, at most its slot count of due rows is taken and locked, so that one bank's
    // backlog neither fills the batch nor gets locked row by row on every claim.
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT d.id, d.webhook_id, d.endpoint_id, e.url, e.secret_sealed,"
                    + " e.previous_secret_sealed,"
                    + " e.previous_secret_until, a.payload, a.event_type, a.traceparent,"
                    + " a.tracestate"
                    + " FROM bank_endpoint e"
                    + " CROSS JOIN LATERAL (SELECT x.id, x.webhook_id, x.endpoint_id, x.alert_id,"
                    + " x.next_attempt_at FROM delivery x"
                    + " WHERE x.endpoint_id = e.id AND x.state = 'PENDING'"
                    + " AND x.next_attempt_at <= now()"
                    + " ORDER BY x.next_attempt_at LIMIT :slots FOR UPDATE SKIP LOCKED) d"
                    + " JOIN alert a ON a.id = d.alert_id"
                    + " WHERE e.active AND NOT (e.id = ANY (CAST(:busy AS uuid[])))"
                    + " ORDER BY d.next_attempt_at LIMIT :limit")
            .setParameter("busy", busy)
            .setParameter("slots", max)
            .setParameter("limit", config.batchSize())
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Integer> taken = new HashMap<>();
    List<Claimed> chosen = new ArrayList<>();
    Instant now = Instant.now();
    for (Object[] r : rows) {
      UUID endpointId = (UUID) r[2];
      AtomicInteger running = inFlight.get(endpointId);
      int load = (running == null ? 0 : running.get()) + taken.getOrDefault(endpointId, 0);
      if (load >= max) {
        continue; // stays due, unlocked at commit; taken once a slot frees
      }
      taken.merge(endpointId, 1, Integer::sum);
      List<String> secrets = new ArrayList<>(List.of(signing.open(endpointId, (String) r[4])));
      Instant previousUntil = toInstant(r[6]);
      if (r[5] != null && previousUntil != null && previousUntil.isAfter(now)) {
        secrets.add(signing.open(endpointId, (String) r[5]));
      }
      chosen.add(
          new Claimed(
              (UUID) r[0],
              (String) r[1],
              endpointId,
              (String) r[3],
              secrets,
              (String) r[7],
              (String) r[8],
              (String) r[9],
              (String) r[10]));
    }
    long leaseMs =
        config.connectTimeout().toMillis() + config.readTimeout().toMillis() + LEASE_MARGIN_MS;
    em.createNativeQuery(
            "UPDATE delivery SET next_attempt_at = now() + CAST(:lease AS interval)"
                + " WHERE id = ANY (CAST(:ids AS uuid[]))")
        .setParameter("lease", leaseMs + " milliseconds")
        .setParameter(
            "ids",
            chosen.stream()
                .map(c -> c.deliveryId().toString())
                .collect(Collectors.joining(",", "{", "}")))
        .executeUpdate();
    return chosen;
  }

  private void send(Claimed c) {
    Instant at = Instant.now();
    long started = System.nanoTime();
    HttpRequest request;
    WebhookTracing.Attempt trace = null;
    try {
      URI uri = URI.create(c.url());
      // Checked again at send time: a name may have been pointed at a private address since.
      urls.checkAddresses(uri.getHost());
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
      complete(c, at, started, null, new IllegalStateException("refused: " + e.getMessage()));
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
              complete(c, at, started, response, error);
            });
  }

  private void complete(
      Claimed c, Instant at, long started, HttpResponse<String> response, Throwable error) {
    long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    // The bank's slot is free once it has answered; the lease keeps the row until it is recorded.
    AtomicInteger count = inFlight.get(c.endpointId());
    if (count != null) {
      count.decrementAndGet();
    }
    wakeUp.wake();
    if (response != null) {
      results.add(
          new DeliveryOutcomes.Result(
              c.deliveryId(),
              c.endpointId(),
              at,
              latencyMs,
              response.statusCode(),
              response.headers().firstValue("Retry-After").orElse(null),
              response.body(),
              null));
    } else {
      results.add(
          new DeliveryOutcomes.Result(
              c.deliveryId(), c.endpointId(), at, latencyMs, null, null, null, describe(error)));
    }
  }

  /**
   * A recorder: takes the answers waiting and records them in one transaction, so that under load
   * many attempts share a commit; alone, an answer is recorded at once. If the shared transaction
   * fails, each answer is recorded on its own; one that still fails is left to its lease, and the
   * attempt is made again.
   */
  private void recordResults() {
    List<DeliveryOutcomes.Result> batch = new ArrayList<>();
    while (running || !results.isEmpty()) {
      try {
        DeliveryOutcomes.Result first = results.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.clear();
        batch.add(first);
        results.drainTo(batch, MAX_RECORDED_AT_ONCE - 1);
        try {
          outcomes.recordAll(batch);
        } catch (RuntimeException together) {
          if (batch.size() == 1) {
            LOG.warnf(
                "Could not record an attempt of delivery %s: %s",
                first.deliveryId(), together.getMessage());
            continue;
          }
          for (DeliveryOutcomes.Result r : batch) {
            try {
              outcomes.recordAll(List.of(r));
            } catch (RuntimeException e) {
              LOG.warnf(
                  "Could not record an attempt of delivery %s: %s", r.deliveryId(), e.getMessage());
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
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

  private static Instant toInstant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected time type " + value.getClass());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A delivery claimed for one attempt, with what the attempt needs. */
  record Claimed(
      UUID deliveryId,
      String webhookId,
      UUID endpointId,
      String url,
      List<String> secrets,
      String payload,
      String eventType,
      String traceparent,
      String tracestate) {}
}
