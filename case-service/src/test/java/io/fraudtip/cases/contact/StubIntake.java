package io.fraudtip.cases.contact;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.contracts.Json;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for intake-service's contact endpoint over real HTTP (intake's own side is tested in
 * intake-service): it checks each call's signature with the test key, records the calls, and
 * answers with the contact a test registered for a tip, "anonymous-tip" for a tip registered
 * without one, and 404 otherwise.
 */
public class StubIntake implements QuarkusTestResourceLifecycleManager {
  /** The same value as {@code %test.fraudtip.contact-reads.key} in application.properties. */
  static final String KEY = "dGVzdC1vbmx5LXNlcnZpY2UtY2FsbC1rZXktZm9yLWNvbnRhY3Q=";

  /** A call intake received, with its parsed body. */
  public record Call(UUID tipId, Map<?, ?> body, boolean signed) {}

  static final Map<UUID, Map<String, String>> CONTACTS = new ConcurrentHashMap<>();
  static final List<Call> CALLS = new CopyOnWriteArrayList<>();
  private static final Map<String, String> ANONYMOUS = Map.of();

  private HttpServer server;

  public static void register(UUID tipId, String name, String phone) {
    CONTACTS.put(tipId, Map.of("name", name, "phone", phone));
  }

  public static void registerAnonymous(UUID tipId) {
    CONTACTS.put(tipId, ANONYMOUS);
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ServiceSignatures keys = new ServiceSignatures(KEY, "test");
    server.createContext(
        "/internal/v1/tips/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean signed =
                keys.verify(
                    exchange.getRequestHeaders().getFirst(ServiceSignatures.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(ServiceSignatures.SIGNATURE),
                    body,
                    Instant.now(),
                    Duration.ofSeconds(60));
            UUID tipId = UUID.fromString(exchange.getRequestURI().getPath().split("/")[4]);
            CALLS.add(new Call(tipId, Json.events().readValue(body, Map.class), signed));
            Map<String, String> contact = CONTACTS.get(tipId);
            if (!signed) {
              answer(exchange, 401, "{\"type\":\"bad-service-signature\"}");
            } else if (contact == null) {
              answer(exchange, 404, "{\"type\":\"not-found\"}");
            } else if (contact.isEmpty()) {
              answer(exchange, 404, "{\"type\":\"https://fraudtip.vn/problems/anonymous-tip\"}");
            } else {
              answer(exchange, 200, Json.events().writeValueAsString(contact));
            }
          }
        });
    server.start();
    return Map.of(
        "fraudtip.contact-reads.intake-url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
