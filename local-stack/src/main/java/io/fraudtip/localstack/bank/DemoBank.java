package io.fraudtip.localstack.bank;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.localstack.infra.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A demo bank that receives the platform's webhooks: a JDK HTTP server on a free loopback port with
 * any number of receivers ({@code /hooks/<name>}), each of which verifies every delivery's Standard
 * Webhooks signature with the endpoint's secret, records it, and answers {@code 200} unless told
 * otherwise (a status k times, {@code 410}, a redirect, {@code 429} with {@code Retry-After}, a
 * connection closed without an answer, or no answer at all). Tests inject it; the local stack runs
 * it as the demo bank. It can also listen on https, as a real bank does ({@link #startHttps}).
 */
public final class DemoBank implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DemoBank.class.getName());
  private static final String PREFIX = "/hooks/";

  /** How long a request that is never answered is held at most. */
  private static final Duration HOLD = Duration.ofMinutes(10);

  private final HttpServer server;
  private final ExecutorService executor;
  private final String origin;
  private final Map<String, Receiver> receivers = new ConcurrentHashMap<>();

  private DemoBank(HttpServer server, ExecutorService executor, String origin) {
    this.server = server;
    this.executor = executor;
    this.origin = origin;
  }

  /** A demo bank on a free port of the loopback interface. */
  public static DemoBank start() {
    return start("127.0.0.1", FreePorts.pick());
  }

  /** A demo bank on the given address and port. */
  public static DemoBank start(String host, int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 200);
      return serve(server, "http://" + host + ":" + port(server));
    } catch (IOException e) {
      throw new UncheckedIOException("the demo bank could not listen on " + host + ":" + port, e);
    }
  }

  /**
   * A demo bank on https, on a free port of the loopback interface, with the certificate and the
   * trusted authorities of {@code tls}; its URLs name it {@code urlHost}, which must resolve to the
   * loopback address (a name its certificate does not hold makes a URL a client must refuse). With
   * {@code clientCertificate} it asks the caller for a certificate and closes any connection that
   * shows none it trusts.
   */
  public static DemoBank startHttps(SSLContext tls, String urlHost, boolean clientCertificate) {
    try {
      HttpsServer server =
          HttpsServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.pick()), 200);
      server.setHttpsConfigurator(
          new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
              // Set parameters win over the other setters of HttpsParameters: all go in them.
              SSLParameters parameters = tls.getDefaultSSLParameters();
              parameters.setNeedClientAuth(clientCertificate);
              params.setSSLParameters(parameters);
            }
          });
      return serve(server, "https://" + urlHost + ":" + port(server));
    } catch (IOException e) {
      throw new UncheckedIOException("the demo bank could not listen on https", e);
    }
  }

  private static int port(HttpServer server) {
    return server.getAddress().getPort();
  }

  private static DemoBank serve(HttpServer server, String origin) {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "demo-bank-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    DemoBank bank = new DemoBank(server, executor, origin);
    server.createContext(PREFIX, bank::handle);
    server.start();
    return bank;
  }

  public int port() {
    return port(server);
  }

  /** {@code http://host:port}, or {@code https://} with the name given at start. */
  public String baseUrl() {
    return origin;
  }

  /** The receiver of that name, created on first use; its URL is {@code <baseUrl>/hooks/<name>}. */
  public Receiver receiver(String name) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("receiver names are plain: " + name);
    }
    return receivers.computeIfAbsent(name, Receiver::new);
  }

  @Override
  public void close() {
    receivers.values().forEach(r -> r.held.countDown());
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().substring(PREFIX.length());
      Receiver receiver = receivers.get(name);
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (receiver == null || !"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 404, Map.of(), "no such receiver");
        return;
      }
      receiver.receive(exchange, new String(body, StandardCharsets.UTF_8));
    }
  }

  private static void respond(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /**
   * One delivery as the receiver saw it.
   *
   * @param webhookId the {@code webhook-id} header
   * @param timestamp the {@code webhook-timestamp} header
   * @param signature the {@code webhook-signature} header
   * @param body the raw body
   * @param receivedAt when the body had been read
   * @param verified whether a signature matched one of the receiver's secrets
   * @param answered the status the receiver answered (0 for none)
   * @param traceparent the W3C {@code traceparent} header, or null when none came
   */
  public record Delivery(
      String webhookId,
      String timestamp,
      String signature,
      String body,
      Instant receivedAt,
      boolean verified,
      int answered,
      String traceparent) {
    /** A delivery that came without trace context. */
    public Delivery(
        String webhookId,
        String timestamp,
        String signature,
        String body,
        Instant receivedAt,
        boolean verified,
        int answered) {
      this(webhookId, timestamp, signature, body, receivedAt, verified, answered, null);
    }
  }

  /** A scripted answer; its body is the default one for its status when null. */
  private record Answer(int status, Map<String, String> headers, boolean hang, String body) {
    /** Not a status: the connection is closed without an answer. */
    static final int DROP = -1;

    Answer(int status, Map<String, String> headers, boolean hang) {
      this(status, headers, hang, null);
    }
  }

  /** One webhook receiver of the demo bank. */
  public final class Receiver {
    private final String name;
    // Appended to under load (hundreds a second for hours in a benchmark), read rarely: a copy on
    // each write, as a CopyOnWriteArrayList makes, cost the demo bank a copy of everything it had
    // received for every request.
    private final List<Delivery> deliveries = new ArrayList<>();
    // How many of the first deliveries were forgotten (forgetBefore): an index counts them still.
    private int forgotten;
    private final Deque<Answer> script = new ArrayDeque<>();
    private volatile List<String> secrets = List.of();
    private Answer otherwise = new Answer(200, Map.of(), false);
    private volatile CountDownLatch held = new CountDownLatch(1);
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();

    private Receiver(String name) {
      this.name = name;
    }

    /** Where the platform posts: {@code <baseUrl>/hooks/<name>}. */
    public String url() {
      return baseUrl() + PREFIX + name;
    }

    /**
     * A delivery of {@code body} to this receiver signed with {@code secret} as the platform signs
     * one (Standard Webhooks, timestamped now): for tests that play the platform.
     */
    public HttpRequest.Builder signedDelivery(String secret, String id, String body) {
      long ts = Instant.now().getEpochSecond();
      return HttpRequest.newBuilder(URI.create(url()))
          .header(WebhookSignature.HEADER_ID, id)
          .header(WebhookSignature.HEADER_TIMESTAMP, Long.toString(ts))
          .header(
              WebhookSignature.HEADER_SIGNATURE,
              WebhookSignature.header(List.of(secret), id, ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The secrets deliveries are verified with (the endpoint's, both during a rotation). */
    public Receiver secrets(String... secrets) {
      this.secrets = List.of(secrets);
      return this;
    }

    /** Answers {@code status} to the next {@code times} deliveries. */
    public synchronized Receiver answer(int status, int times) {
      return enqueue(new Answer(status, Map.of(), false), times);
    }

    /** Answers {@code status} with a {@code Retry-After} header to the next {@code times}. */
    public synchronized Receiver answerRetryAfter(int status, String retryAfter, int times) {
      return enqueue(new Answer(status, Map.of("Retry-After", retryAfter), false), times);
    }

    /** Answers {@code status} with this body to the next {@code times} deliveries. */
    public synchronized Receiver answerWithBody(int status, String body, int times) {
      return enqueue(new Answer(status, Map.of(), false, body), times);
    }

    /** Answers a redirect to {@code location} to the next {@code times} deliveries. */
    public synchronized Receiver redirect(int status, String location, int times) {
      return enqueue(new Answer(status, Map.of("Location", location), false), times);
    }

    /**
     * Closes the connection without an answer to the next {@code times} deliveries (recorded as
     * answered {@code 0}), as a server does that times out a kept-alive connection just as a
     * request arrives on it.
     */
    public synchronized Receiver dropConnection(int times) {
      return enqueue(new Answer(Answer.DROP, Map.of(), false), times);
    }

    /** Answers {@code status} to every delivery once the script is used up. */
    public synchronized Receiver answerAlways(int status) {
      otherwise = new Answer(status, Map.of(), false);
      return this;
    }

    /** Never answers (holds every request open until {@link #reset()} or close). */
    public synchronized Receiver neverAnswer() {
      otherwise = new Answer(0, Map.of(), true);
      return this;
    }

    /** Back to answering 200, with no deliveries recorded; releases held requests. */
    public synchronized Receiver reset() {
      script.clear();
      otherwise = new Answer(200, Map.of(), false);
      synchronized (deliveries) {
        deliveries.clear();
        forgotten = 0;
      }
      mostOpen.set(open.get());
      CountDownLatch release = held;
      held = new CountDownLatch(1);
      release.countDown();
      return this;
    }

    /** The most requests this receiver has held open at once since the last reset. */
    public int mostOpenAtOnce() {
      return mostOpen.get();
    }

    /** Every delivery so far, in arrival order. */
    public List<Delivery> deliveries() {
      return deliveriesFrom(0);
    }

    /**
     * The deliveries from the {@code from}-th on (none when there are not that many yet; forgotten
     * ones are left out).
     */
    public List<Delivery> deliveriesFrom(int from) {
      return deliveriesFrom(from, Integer.MAX_VALUE);
    }

    /** At most {@code limit} deliveries from the {@code from}-th on, in arrival order. */
    public List<Delivery> deliveriesFrom(int from, int limit) {
      synchronized (deliveries) {
        int start = Math.min(Math.max(from - forgotten, 0), deliveries.size());
        int end = (int) Math.min((long) start + limit, deliveries.size());
        return new ArrayList<>(deliveries.subList(start, end));
      }
    }

    /**
     * Forgets the deliveries before the {@code n}-th (their indexes stay as they were): a reader
     * that has taken them, such as the benchmark's, no longer makes the bank hold every delivery of
     * a run.
     */
    public void forgetBefore(int n) {
      synchronized (deliveries) {
        int drop = Math.min(n - forgotten, deliveries.size());
        if (drop > 0) {
          deliveries.subList(0, drop).clear();
          forgotten += drop;
        }
      }
    }

    /** The deliveries of one message. */
    public List<Delivery> deliveries(String webhookId) {
      synchronized (deliveries) {
        return deliveries.stream().filter(d -> d.webhookId().equals(webhookId)).toList();
      }
    }

    private Receiver enqueue(Answer answer, int times) {
      for (int i = 0; i < times; i++) {
        script.add(answer);
      }
      return this;
    }

    private void record(Delivery d) {
      synchronized (deliveries) {
        deliveries.add(d);
      }
    }

    private synchronized Answer next() {
      Answer scripted = script.poll();
      return scripted != null ? scripted : otherwise;
    }

    private void receive(HttpExchange exchange, String body) throws IOException {
      mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      try {
        answer(exchange, body);
      } finally {
        open.decrementAndGet();
      }
    }

    private void answer(HttpExchange exchange, String body) throws IOException {
      Instant at = Instant.now();
      var headers = exchange.getRequestHeaders();
      String id = headers.getFirst(WebhookSignature.HEADER_ID);
      String timestamp = headers.getFirst(WebhookSignature.HEADER_TIMESTAMP);
      String signature = headers.getFirst(WebhookSignature.HEADER_SIGNATURE);
      String traceparent = headers.getFirst("traceparent");
      boolean verified =
          secrets.stream()
              .anyMatch(
                  s ->
                      WebhookSignature.verify(
                          s,
                          id,
                          timestamp,
                          body,
                          signature,
                          at,
                          WebhookSignature.DEFAULT_TOLERANCE));
      if (!verified) {
        LOG.warning(() -> "demo bank " + name + ": bad signature on " + id);
        record(new Delivery(id, timestamp, signature, body, at, false, 401, traceparent));
        respond(exchange, 401, Map.of(), "bad signature");
        return;
      }
      Answer answer = next();
      record(
          new Delivery(
              id,
              timestamp,
              signature,
              body,
              at,
              true,
              answer.hang() || answer.status() == Answer.DROP ? 0 : answer.status(),
              traceparent));
      if (answer.status() == Answer.DROP) {
        // No answer begun: closing the exchange closes the connection (the caller's handle()).
        return;
      }
      if (answer.hang()) {
        try {
          held.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      respond(
          exchange,
          answer.status(),
          answer.headers(),
          answer.body() != null
              ? answer.body()
              : answer.status() / 100 == 2 ? "" : "status " + answer.status());
    }
  }
}
