package io.fraudtip.notification.webhook;

import io.fraudtip.commons.metrics.PlatformMetrics;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.notification.config.WebhookConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.tls.CertificateUpdatedEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * Makes one attempt of a claimed delivery: a POST signed the Standard Webhooks way (webhook-id,
 * timestamp, a signature per secret in force), sent asynchronously with the configured timeouts.
 * Redirects are not followed. A connection that closes before any answer (a kept-alive one the
 * bank's server timed out just then) has the webhook sent again at once, once, within the attempt.
 * Each attempt is a CLIENT span in the trace stored with its alert, sent along as a W3C {@code
 * traceparent}.
 *
 * <p>The client is Vert.x's, on the service's event loops: the JDK's client spent a fifth of the
 * service's CPU on its selector thread, its futures and the hand-offs between them (2026-12-05).
 */
@ApplicationScoped
class WebhookSender {
  private static final Logger LOG = Logger.getLogger(WebhookSender.class);

  /**
   * Connections kept per bank host and port. Above what the endpoints of one host may have in
   * flight together, so that the pool never queues one endpoint's request behind another's dead
   * ones (a slow bank holds only its own slots, {@link EndpointSlots}).
   */
  private static final int CONNECTIONS_PER_HOST = 4096;

  /**
   * How long a bank's address has to make a connection before the next checked address is tried
   * beside it: RFC 8305's recommended connection attempt delay.
   */
  private static final long NEXT_ADDRESS_DELAY_MS = 250;

  private final WebhookConfig config;
  private final AddressLookups lookups;
  private final WebhookTracing tracing;
  private final Vertx vertx;
  private final TlsConfigurationRegistry tls;
  private final PlatformMetrics metrics;

  /** The dispatcher's current run; null while it is stopped. */
  private volatile Run run;

  /**
   * The certificates of the banks' TLS configuration the current client was made with: a reload
   * that changed none of them (each {@code reload-period} fires one) keeps the client and its
   * connections.
   */
  private String certificates;

  WebhookSender(
      WebhookConfig config,
      AddressLookups lookups,
      OpenTelemetry telemetry,
      Vertx vertx,
      TlsConfigurationRegistry tls,
      PlatformMetrics metrics) {
    this.tracing = new WebhookTracing(telemetry.getTracer("io.fraudtip.notification.webhooks"));
    this.config = config;
    this.lookups = lookups;
    this.vertx = vertx;
    this.tls = tls;
    this.metrics = metrics;
  }

  /** Opens a new HTTP client. */
  synchronized void open() {
    certificates = certificates();
    run = new Run(vertx.createHttpClient(clientOptions(config, tls)));
  }

  /**
   * One run of the dispatcher, from {@link #open} to {@link #close}: an attempt of a run that ended
   * is left unrecorded, to its lease. Its client is replaced when the banks' TLS configuration is
   * renewed.
   */
  private static final class Run {
    private volatile HttpClient client;

    Run(HttpClient client) {
      this.client = client;
    }
  }

  /** The client's options, with the named TLS configuration's trust and key stores. */
  static HttpClientOptions clientOptions(WebhookConfig config, TlsConfigurationRegistry registry) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setName("webhooks")
            .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
            .setMaxPoolSize(CONNECTIONS_PER_HOST)
            .setKeepAlive(true)
            // Vert.x's default, stated: a bank's certificate must name the URL's host.
            .setVerifyHost(true)
            // The attempt's own span (WebhookTracing) is the one stored with the alert.
            .setTracingPolicy(TracingPolicy.IGNORE);
    config
        .tlsConfigurationName()
        .map(name -> tlsConfiguration(registry, name))
        .ifPresent(
            tls -> {
              if (tls.getTrustStoreOptions() != null) {
                options.setTrustOptions(tls.getTrustStoreOptions());
              }
              if (tls.getKeyStoreOptions() != null) {
                options.setKeyCertOptions(tls.getKeyStoreOptions());
              }
            });
    return options;
  }

  private static TlsConfiguration tlsConfiguration(TlsConfigurationRegistry registry, String name) {
    TlsConfiguration found =
        registry
            .get(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "fraudtip.webhooks.tls-configuration-name is "
                            + name
                            + ", but no quarkus.tls."
                            + name
                            + ".* configures it"));
    if (found.isTrustAll()) {
      throw new IllegalStateException(
          "quarkus.tls."
              + name
              + ".trust-all is refused for banks: their certificates are checked");
    }
    return found;
  }

  /**
   * Applies a renewed trust store or client certificate of the named TLS configuration (reloaded
   * every {@code quarkus.tls.<name>.reload-period}, or by whoever reloads it and fires the event)
   * without a restart: the webhooks after it go out on a new client, with new connections. The
   * connections open on the previous client are not used again, since their handshakes were checked
   * against what the renewal may have dropped (an authority no longer trusted, a client certificate
   * replaced), and a bank that gets webhooks all the time never lets them idle out; they close once
   * the attempts on them have ended (one attempt's deadline). A reload that changed no certificate
   * keeps the client and its connections; one whose stores cannot be applied keeps the previous
   * ones, and the error is logged.
   */
  synchronized void onCertificateUpdated(@Observes CertificateUpdatedEvent updated) {
    String name = updated.name();
    Run current = run;
    if (current == null || !name.equals(config.tlsConfigurationName().orElse(null))) {
      return;
    }
    String renewed = certificates();
    if (renewed != null && renewed.equals(certificates)) {
      LOG.debugf("Webhooks: TLS configuration %s reloaded, no certificate changed", name);
      return;
    }
    HttpClient fresh = null;
    try {
      HttpClientOptions options = clientOptions(config, tls);
      fresh = vertx.createHttpClient(options);
      // Builds the TLS context now (the event comes on a worker thread), so that stores that
      // cannot be used fail here, not at the next webhook.
      fresh
          .updateSSLOptions(options.getSslOptions(), true)
          .toCompletionStage()
          .toCompletableFuture()
          .join();
    } catch (RuntimeException e) {
      if (fresh != null) {
        fresh.close();
      }
      LOG.errorf(
          "Webhooks: TLS configuration %s reloaded but not applied, the previous one stays: %s",
          name, e.getMessage());
      return;
    }
    HttpClient previous = current.client;
    current.client = fresh;
    certificates = renewed;
    long deadlineMs = attemptDeadline().toMillis();
    // The attempts already on the previous client end by their deadline; then its connections go.
    vertx.setTimer(deadlineMs + 1_000, id -> previous.close());
    LOG.infof(
        "Webhooks: TLS configuration %s reloaded; webhooks go out on new connections, the previous"
            + " ones close within %d ms",
        name, deadlineMs + 1_000);
  }

  /**
   * A digest of the certificates in the named TLS configuration's trust and key stores; null where
   * none is named or they cannot be read (then any reload is applied).
   */
  private String certificates() {
    Optional<TlsConfiguration> named = config.tlsConfigurationName().flatMap(name -> tls.get(name));
    if (named.isEmpty()) {
      return null;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digestCertificates(digest, named.get().getTrustStore());
      digestCertificates(digest, named.get().getKeyStore());
      return HexFormat.of().formatHex(digest.digest());
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private static void digestCertificates(MessageDigest digest, KeyStore store)
      throws GeneralSecurityException {
    if (store == null) {
      digest.update((byte) 0);
      return;
    }
    for (String alias : new TreeSet<>(Collections.list(store.aliases()))) {
      digest.update(alias.getBytes(StandardCharsets.UTF_8));
      Certificate[] chain = store.getCertificateChain(alias);
      if (chain == null) {
        Certificate single = store.getCertificate(alias);
        chain = single == null ? new Certificate[0] : new Certificate[] {single};
      }
      for (Certificate certificate : chain) {
        digest.update(certificate.getEncoded());
      }
    }
  }

  /** How long one attempt may take: its connection, its request and the bank's whole answer. */
  private Duration attemptDeadline() {
    return config.connectTimeout().plus(config.readTimeout());
  }

  /** Abandons the requests in flight: their rows come due again after the lease. */
  synchronized void close() {
    Run ended = run;
    run = null;
    if (ended != null) {
      ended.client.close();
    }
  }

  /** The client the next webhooks go out on; null while the dispatcher is stopped. */
  HttpClient client() {
    Run current = run;
    return current == null ? null : current.client;
  }

  /** Sends the delivery; {@code done} gets the answer, or the error that left none. */
  void send(ClaimedDelivery c, Consumer<DeliveryOutcomes.Result> done) {
    Instant at = Instant.now();
    long started = System.nanoTime();
    URI uri;
    try {
      uri = URI.create(c.url());
    } catch (IllegalArgumentException e) {
      done.accept(result(c, at, started, null, null, refusal(e)));
      return;
    }
    Run current = run;
    if (current == null) {
      // The dispatcher stopped meanwhile: left to its lease, as the requests in flight are.
      return;
    }
    new Attempt(current, c, uri, at, started, done).start();
  }

  private static IllegalStateException refusal(Exception e) {
    return new IllegalStateException("refused: " + e.getMessage());
  }

  /**
   * One request in flight: ends once, by the bank's whole answer, an error or the deadline, which
   * bounds the host's lookup too.
   */
  private final class Attempt {
    /** The run it belongs to: one ended since (a stop) leaves the attempt unrecorded. */
    private final Run run;

    private final ClaimedDelivery c;
    private final URI uri;
    private final Instant at;
    private final long started;
    private final WebhookTracing.Attempt trace;
    private final Consumer<DeliveryOutcomes.Result> done;
    private final AtomicBoolean ended = new AtomicBoolean();

    /** Whether the webhook went out again after a connection closed before its answer. */
    private final AtomicBoolean resent = new AtomicBoolean();

    private final int limit = config.responseBodyLimit();
    private volatile boolean addressed;
    private volatile HttpClientRequest sent;
    private volatile long deadline;

    Attempt(
        Run run,
        ClaimedDelivery c,
        URI uri,
        Instant at,
        long started,
        Consumer<DeliveryOutcomes.Result> done) {
      this.run = run;
      this.c = c;
      this.uri = uri;
      this.at = at;
      this.started = started;
      this.done = done;
      this.trace = tracing.start(c.eventType(), uri, c.traceparent(), c.tracestate());
    }

    void start() {
      long deadlineMs = attemptDeadline().toMillis();
      deadline =
          vertx.setTimer(
              deadlineMs,
              id -> {
                HttpClientRequest r = sent;
                if (r != null) {
                  r.reset(0, new TimeoutException());
                }
                fail(
                    new TimeoutException(
                        addressed
                            ? "no answer in " + deadlineMs + " ms"
                            : "no address for " + uri.getHost() + " in " + deadlineMs + " ms"));
              });
      // Checked again at send time: a name may have been pointed at a private address since. The
      // connection goes to an address checked, with the name kept for the Host header, SNI and the
      // certificate's check.
      lookups
          .check(uri)
          .whenComplete(
              (addresses, error) -> {
                addressed = true;
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                if (cause == null) {
                  request(addresses);
                } else if (cause instanceof ProblemException
                    || cause instanceof IllegalArgumentException) {
                  end(null, null, refusal((RuntimeException) cause), true);
                } else {
                  fail(cause);
                }
              });
    }

    private void request(List<InetAddress> addresses) {
      if (ended.get()) {
        return;
      }
      long timestamp = at.getEpochSecond();
      RequestOptions request;
      try {
        request =
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(uri.toURL())
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                // Time without a byte from the bank; the whole attempt is bounded by the deadline.
                .setIdleTimeout(config.readTimeout().toMillis());
      } catch (IllegalArgumentException | MalformedURLException e) {
        end(null, null, refusal(e), true);
        return;
      }
      trace.headers().forEach(request::putHeader);
      request
          .putHeader("Content-Type", "application/json")
          .putHeader("User-Agent", "fraudtip-webhooks/1.0")
          .putHeader(WebhookSignature.HEADER_ID, c.webhookId())
          .putHeader(WebhookSignature.HEADER_TIMESTAMP, Long.toString(timestamp))
          .putHeader(
              WebhookSignature.HEADER_SIGNATURE,
              WebhookSignature.header(c.secrets(), c.webhookId(), timestamp, c.payload()));
      new Connecting(request, addresses).next();
    }

    /**
     * Connects to the checked addresses (Vert.x looks the name up where none was checked) the way
     * RFC 8305 (Happy Eyeballs) does: an address that has made no connection after {@link
     * #NEXT_ADDRESS_DELAY_MS} has the next one tried beside it, and one that fails (refused, timed
     * out, a failed handshake) has it tried at once. The first connection made takes the webhook;
     * any other is let go before a byte of it is written. So a bank with one address of several
     * down gets its webhooks in the same attempt, and one whose address drops connection attempts
     * without an answer does not make each webhook wait out the connect timeout there.
     */
    private final class Connecting {
      private final RequestOptions request;
      private final List<InetAddress> addresses;

      /** Each address's reason, where it failed. */
      private final String[] failures;

      private int started;
      private int failed;
      private boolean connected;
      private long delay = -1;

      Connecting(RequestOptions request, List<InetAddress> addresses) {
        this.request = request;
        this.addresses = addresses;
        this.failures = new String[count()];
      }

      private int count() {
        return Math.max(1, addresses.size());
      }

      /** Tries the next address, unless a connection was made or the attempt ended. */
      void next() {
        int index;
        synchronized (this) {
          if (connected || ended.get() || started >= count()) {
            return;
          }
          index = started++;
          cancelDelay();
          if (started < count()) {
            delay = vertx.setTimer(NEXT_ADDRESS_DELAY_MS, id -> next());
          }
        }
        // Outside the lock: the client may complete the request at once, on this thread.
        RequestOptions options = request;
        if (!addresses.isEmpty()) {
          options =
              new RequestOptions(request)
                  .setServer(
                      SocketAddress.inetSocketAddress(
                          new InetSocketAddress(addresses.get(index), WebhookTracing.port(uri))));
        }
        // The run's client at the time of connecting: the one of the TLS configuration in force.
        run.client.request(options).onComplete(made -> settled(index, made));
      }

      private void cancelDelay() {
        if (delay >= 0) {
          vertx.cancelTimer(delay);
          delay = -1;
        }
      }

      private void settled(int index, AsyncResult<HttpClientRequest> made) {
        if (made.failed()) {
          failedAt(index, made.cause());
          return;
        }
        HttpClientRequest r = made.result();
        synchronized (this) {
          if (connected) {
            // Another address answered first: this connection carries nothing of the webhook.
            r.reset();
            return;
          }
          connected = true;
          cancelDelay();
        }
        sent = r;
        if (index > 0) {
          // The first address is first anyway: only another one that took the connection is noted.
          lookups.connected(uri, addresses.get(index));
        }
        if (ended.get()) {
          // The deadline passed while a connection was found: the bank never sees it.
          r.reset();
          return;
        }
        // The answer's handlers are set in this same task on the request's event loop, so before
        // any of the answer is read. A listener added after the request future was chained here
        // from the dispatcher's thread ran only after a short answer had ended, lost it, and the
        // bank got the webhook again when the lease ran out.
        r.send(Buffer.buffer(c.payload(), StandardCharsets.UTF_8.name()))
            .onComplete(
                answer -> {
                  if (answer.succeeded()) {
                    read(answer.result());
                  } else if (closedBeforeAnswer(answer.cause())
                      && resent.compareAndSet(false, true)) {
                    // A kept-alive connection the bank closed as the webhook went out (its idle
                    // timeout), or any connection closed before a byte of answer: sent again at
                    // once, once, on another connection, rather than after the schedule's wait.
                    // The bank drops a repeat by its webhook-id, as Standard Webhooks asks.
                    LOG.debugf(
                        "Webhook %s resent at once: its connection to %s closed before any answer"
                            + " (%s)",
                        c.webhookId(), uri.getHost(), describe(answer.cause()));
                    metrics.webhookResent();
                    sent = null;
                    new Connecting(request, addresses).next();
                  } else {
                    fail(answer.cause());
                  }
                });
      }

      private void failedAt(int index, Throwable error) {
        boolean all;
        synchronized (this) {
          if (!addresses.isEmpty()) {
            failures[index] = tried(addresses.get(index), error);
          }
          failed++;
          all = failed == count() && !connected;
        }
        if (all) {
          fail(count() == 1 ? error : new EveryAddressFailed(List.of(failures), error));
        } else {
          // The next address, if any is left, goes now rather than after the delay.
          next();
        }
      }
    }

    /** Keeps the first {@code limit} characters of the bank's answer and drops the rest. */
    private void read(HttpClientResponse response) {
      Buffer kept = Buffer.buffer();
      response.handler(
          chunk -> {
            int room = Math.max(0, limit * 4 - kept.length());
            if (room > 0) {
              kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
          });
      response.exceptionHandler(this::fail);
      response.endHandler(
          v -> {
            String text = kept.toString(StandardCharsets.UTF_8);
            end(
                response.statusCode(),
                new Answer(
                    response.getHeader("Retry-After"),
                    text.length() > limit ? text.substring(0, limit) : text),
                null,
                false);
          });
    }

    private void fail(Throwable error) {
      end(null, null, error, false);
    }

    private void end(Integer status, Answer answer, Throwable error, boolean refused) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      vertx.cancelTimer(deadline);
      if (WebhookSender.this.run != run) {
        // Abandoned when its run ended (the dispatcher stopped): left to its lease, unrecorded.
        trace.end(null, "abandoned");
        return;
      }
      trace.end(status, status != null ? null : refused ? "refused" : describe(error));
      done.accept(result(c, at, started, status, answer, error));
    }
  }

  /**
   * Whether the request failed because its connection closed (or was reset) before any answer, not
   * for a timeout or a TLS failure.
   */
  private static boolean closedBeforeAnswer(Throwable error) {
    return error instanceof HttpClosedException
        || (error instanceof IOException && !(error instanceof SSLException));
  }

  /** No connection to any of a host's addresses: each one's reason, in the order tried. */
  private static final class EveryAddressFailed extends Exception {
    EveryAddressFailed(List<String> reasons, Throwable last) {
      super("every address failed: " + String.join(", ", reasons), last, false, false);
    }
  }

  private static String tried(InetAddress address, Throwable error) {
    return address.getHostAddress() + " (" + describe(error) + ")";
  }

  /** What the bank sent back besides its status. */
  private record Answer(String retryAfter, String body) {}

  private static DeliveryOutcomes.Result result(
      ClaimedDelivery c, Instant at, long started, Integer status, Answer answer, Throwable error) {
    long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (status != null) {
      return new DeliveryOutcomes.Result(
          c.deliveryId(),
          c.endpointId(),
          c.lease(),
          at,
          latencyMs,
          status,
          answer.retryAfter(),
          answer.body(),
          null);
    }
    return new DeliveryOutcomes.Result(
        c.deliveryId(),
        c.endpointId(),
        c.lease(),
        at,
        latencyMs,
        null,
        null,
        null,
        describe(error));
  }

  /**
   * The error and, where it wraps one, its cause: Vert.x reports every failed TLS handshake as
   * "Failed to create SSL connection", and the bank's operators need the reason under it (an
   * unknown authority, a certificate for another name). The causes under that one are the
   * validator's steps, less telling.
   */
  private static String describe(Throwable error) {
    if (error instanceof EveryAddressFailed) {
      return error.getMessage();
    }
    Throwable cause = error.getCause();
    return cause == null ? named(error) : named(error) + " (" + named(cause) + ")";
  }

  private static String named(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
