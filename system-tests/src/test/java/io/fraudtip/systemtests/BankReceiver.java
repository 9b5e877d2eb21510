package io.fraudtip.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.localstack.demo.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bank's own webhook receiver, as the bank's system would run one, on a free port of 127.0.0.1:
 * it takes every POST under {@code /hooks/<name>} with {@code 200} and keeps what came, raw, so
 * that the test checks the Standard Webhooks signatures itself as a bank must.
 */
final class BankReceiver implements AutoCloseable {
  /** One webhook as it came: the Standard Webhooks headers and the raw body. */
  record Received(
      String name,
      String webhookId,
      String timestamp,
      String signature,
      String body,
      Instant receivedAt) {
    JsonNode json() {
      return Platform.parse(body);
    }

    String type() {
      return json().path("type").asText();
    }

    JsonNode data() {
      return json().path("data");
    }

    /**
     * Whether {@code webhook-signature} holds the HMAC-SHA256 of {@code id.timestamp.body} with the
     * endpoint's secret, and the timestamp is recent (the platform's own check, contracts' {@link
     * WebhookSignature}).
     */
    boolean signedWith(String secret) {
      return signedWith(secret, body);
    }

    /** Whether the signature would hold for {@code otherBody}: a bank must refuse a changed one. */
    boolean signedWith(String secret, String otherBody) {
      return WebhookSignature.verify(
          secret,
          webhookId,
          timestamp,
          otherBody,
          signature,
          receivedAt,
          WebhookSignature.DEFAULT_TOLERANCE);
    }
  }

  private static final String PREFIX = "/hooks/";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private BankReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  static BankReceiver start() {
    return new BankReceiver();
  }

  /** The URL of the receiver {@code name}. */
  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + name;
  }

  /** What the receiver {@code name} got, in arrival order. */
  List<Received> at(String name) {
    return received.stream().filter(r -> r.name().equals(name)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      var headers = exchange.getRequestHeaders();
      received.add(
          new Received(
              exchange.getRequestURI().getPath().substring(PREFIX.length()),
              headers.getFirst(WebhookSignature.HEADER_ID),
              headers.getFirst(WebhookSignature.HEADER_TIMESTAMP),
              headers.getFirst(WebhookSignature.HEADER_SIGNATURE),
              body,
              Instant.now()));
      exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 200 : 405, -1);
    }
  }
}
