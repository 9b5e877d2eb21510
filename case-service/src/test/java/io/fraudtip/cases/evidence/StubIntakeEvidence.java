package io.fraudtip.cases.evidence;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.contracts.Json;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for intake-service's evidence endpoints over real HTTP (intake's own side is tested in
 * intake-service): it checks each call's signature with the test key and serves the files a test
 * registered for a tip, as intake does (list without bytes; one file's bytes with its headers).
 */
public class StubIntakeEvidence implements QuarkusTestResourceLifecycleManager {
  /** The same value as {@code %test.fraudtip.contact-reads.key} in application.properties. */
  static final String KEY = "dGVzdC1vbmx5LXNlcnZpY2UtY2FsbC1rZXktZm9yLWNvbnRhY3Q=";

  private record File(UUID id, String name, String type, byte[] bytes) {}

  private static final Map<UUID, List<File>> FILES = new ConcurrentHashMap<>();

  private HttpServer server;

  /** Registers a reporter's file on a tip; returns its id. */
  static UUID register(UUID tipId, String name, byte[] bytes) {
    File f = new File(UUID.randomUUID(), name, EvidenceFiles.detect(bytes), bytes);
    FILES.computeIfAbsent(tipId, t -> new ArrayList<>()).add(f);
    return f.id();
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
            String path = exchange.getRequestURI().getPath();
            boolean signed =
                keys.verify(
                    exchange.getRequestHeaders().getFirst(ServiceSignatures.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(ServiceSignatures.SIGNATURE),
                    EvidenceFiles.signedRead(path),
                    Instant.now(),
                    Duration.ofSeconds(60));
            String[] parts = path.split("/");
            if (!signed) {
              answer(exchange, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
              return;
            }
            List<File> files = FILES.getOrDefault(UUID.fromString(parts[4]), List.of());
            if (parts.length == 6) {
              List<Map<String, Object>> list = new ArrayList<>();
              for (File f : files) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("fileId", f.id());
                m.put("tipId", parts[4]);
                m.put("name", f.name());
                m.put("contentType", f.type());
                m.put("sizeBytes", f.bytes().length);
                m.put("sha256", EvidenceFiles.sha256(f.bytes()));
                m.put("uploader", "CITIZEN");
                m.put("uploadedAt", "2026-11-20T03:15:00Z");
                list.add(m);
              }
              answer(exchange, 200, "application/json", Json.events().writeValueAsBytes(list));
              return;
            }
            File f =
                files.stream()
                    .filter(x -> x.id().toString().equals(parts[6]))
                    .findFirst()
                    .orElse(null);
            if (f == null) {
              answer(exchange, 404, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
              return;
            }
            exchange
                .getResponseHeaders()
                .add("Content-Disposition", EvidenceFiles.contentDisposition(f.name()));
            answer(exchange, 200, f.type(), f.bytes());
          }
        });
    server.start();
    return Map.of(
        "fraudtip.contact-reads.intake-url", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
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
