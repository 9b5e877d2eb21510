package io.fraudtip.loadtests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.KafkaServer;
import io.fraudtip.localstack.stack.DemoBankSetup;
import io.fraudtip.localstack.stack.LocalStack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's helpers that must not share the load generator's process (SPEC §9), each a JVM of
 * its own started by {@link BenchStack}: {@code broker DIR PORT} runs the Kafka broker with the
 * platform's topics; {@code bank PORT STATS_PORT HOME NOTIFICATION_URL OPERATOR_TOKEN BIN...} runs
 * the demo bank, registers its receivers and serves what they received on {@code
 * STATS_PORT/deliveries/BIN?from=N}. Each prints {@code READY} when it is, and stops when its
 * standard input closes (the benchmark ended or died).
 */
public final class BenchChild {
  static final String READY = "READY";

  private BenchChild() {}

  public static void main(String[] args) throws Exception {
    AutoCloseable running =
        switch (args[0]) {
          case "broker" -> broker(Path.of(args[1]), Integer.parseInt(args[2]));
          case "bank" -> bank(args);
          default -> throw new IllegalArgumentException("broker or bank, not " + args[0]);
        };
    System.out.println(READY);
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close our input
    }
    running.close();
    System.exit(0);
  }

  private static AutoCloseable broker(Path dir, int port) {
    KafkaServer kafka = KafkaServer.start(dir, port, LocalStack.PARTITIONS);
    kafka.ensureTopics(LocalStack.topics(), LocalStack.PARTITIONS);
    return kafka;
  }

  private static AutoCloseable bank(String[] args) throws Exception {
    DemoBank bank = DemoBank.start("127.0.0.1", Integer.parseInt(args[1]));
    List<String> bins = Arrays.asList(args).subList(6, args.length);
    DemoBankSetup.register(bank, Path.of(args[3]), args[4], args[5], bins);
    HttpServer stats = deliveries(bank, Integer.parseInt(args[2]));
    return () -> {
      stats.stop(0);
      bank.close();
    };
  }

  /**
   * Serves what the bank's receivers got on {@code port}: {@code GET
   * /deliveries/BIN?from=N&limit=M} answers at most M ({@link TipToWebhook#PAGE} by default) of
   * receiver BIN's deliveries from the N-th on, as a JSON array of {@code receivedAt}, {@code
   * verified} and {@code body}; the ones before the N-th are forgotten.
   */
  static HttpServer deliveries(DemoBank bank, int port) throws IOException {
    HttpServer stats = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
    stats.createContext(
        "/deliveries/",
        exchange -> {
          try (exchange) {
            String bin = exchange.getRequestURI().getPath().substring("/deliveries/".length());
            Map<String, String> query = query(exchange.getRequestURI().getQuery());
            int from = Integer.parseInt(query.getOrDefault("from", "0"));
            int limit =
                Integer.parseInt(query.getOrDefault("limit", Integer.toString(TipToWebhook.PAGE)));
            DemoBank.Receiver receiver = bank.receiver(bin);
            // The reader has what came before from: the bank keeps only what is yet to be read
            // and answers a page at a time (else a run's deliveries, over 250,000 by the intake
            // ladder's 2,000 tips/s, sit in its 512 MB heap, and a step's go in one answer).
            receiver.forgetBefore(from);
            ArrayNode out = Json.events().createArrayNode();
            for (DemoBank.Delivery d : receiver.deliveriesFrom(from, limit)) {
              out.addObject()
                  .put("receivedAt", d.receivedAt().toString())
                  .put("verified", d.verified())
                  .put("body", d.body());
            }
            byte[] bytes = Json.events().writeValueAsBytes(out);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
              o.write(bytes);
            }
          }
        });
    stats.start();
    return stats;
  }

  /** The query's {@code name=value} pairs (plain digits here: nothing to decode). */
  static Map<String, String> query(String query) {
    Map<String, String> pairs = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return pairs;
  }
}
