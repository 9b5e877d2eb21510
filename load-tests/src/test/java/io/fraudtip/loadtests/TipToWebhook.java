package io.fraudtip.loadtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from an accepted tip to the demo bank having received and verified the webhook that alerts
 * the paid account's bank. Accepted is the tip's {@code receivedAt} as intake answered it (the load
 * generator may read the answer late when the machine is busy); received is the demo bank's clock,
 * read from the demo bank's process ({@link BenchChild}). All processes run on this one machine, so
 * they share a clock.
 */
final class TipToWebhook {
  private static final Pattern TIP_ID = Pattern.compile("\"tipId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Deliveries a fetch asks the bank for at most. */
  static final int PAGE = 5_000;

  private final URI deliveries;
  private final int page;
  private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
  private final Map<String, Instant> firstDelivery = new HashMap<>();
  private int fetched;

  /** {@code deliveries}: where the bank's receiver lists what it got ({@code ?from=N&limit=M}). */
  TipToWebhook(String deliveries) {
    this(deliveries, PAGE);
  }

  /** As above, asking for at most {@code page} deliveries a call. */
  TipToWebhook(String deliveries, int page) {
    this.deliveries = URI.create(deliveries);
    this.page = page;
  }

  /** Follows this tip to the bank (the fixed-rate run's tips). */
  void accepted(String tipId, Instant receivedAt) {
    accepted.put(tipId, receivedAt);
  }

  int acceptedCount() {
    return accepted.size();
  }

  /** The tips wrk's {@code bench.lua} wrote to {@code dir} ("tipId receivedAt" a line). */
  static Map<String, Instant> readAccepted(Path dir) throws IOException {
    Map<String, Instant> tips = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return tips;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "accepted-*.txt")) {
      for (Path f : files) {
        for (String line : Files.readAllLines(f)) {
          String[] parts = line.trim().split(" ");
          if (parts.length == 2) {
            tips.put(parts[0], Instant.parse(parts[1]));
          }
        }
      }
    }
    return tips;
  }

  /** Takes the deliveries the bank received since the last call, a page at a time. */
  private synchronized void fetch() {
    while (fetchPage() == page) {
      // a full page: more may be waiting
    }
  }

  /** One page of deliveries from the bank; how many it held (0 when the bank did not answer). */
  private int fetchPage() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(deliveries + "?from=" + fetched + "&limit=" + page))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        failed("answered " + r.statusCode());
        return 0;
      }
      JsonNode all = Json.events().readTree(r.body());
      for (JsonNode d : all) {
        fetched++;
        delivered(
            d.path("verified").asBoolean(),
            d.path("body").asText(),
            Instant.parse(d.path("receivedAt").asText()));
      }
      return all.size();
    } catch (IOException e) {
      // the next call tries again; said, as a step whose deliveries cannot be fetched reads as one
      // whose tips never reached the bank
      failed(e.toString());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private void failed(String why) {
    System.out.printf("[bench] the demo bank's deliveries could not be fetched (%s)%n", why);
  }

  /** One delivery the bank received; only verified ones count, the first per tip. */
  synchronized void delivered(boolean verified, String body, Instant at) {
    Matcher m = verified ? TIP_ID.matcher(body) : null;
    if (m != null && m.find()) {
      firstDelivery.merge(m.group(1), at, (a, b) -> a.isBefore(b) ? a : b);
    }
  }

  /** How many of {@code tips} reached the bank. */
  synchronized int delivered(Map<String, Instant> tips) {
    fetch();
    return (int) tips.keySet().stream().filter(firstDelivery::containsKey).count();
  }

  /** Whether every tip given to {@link #accepted} has reached the bank. */
  boolean complete() {
    return !accepted.isEmpty() && delivered(accepted) >= accepted.size();
  }

  /** Tip → webhook of those of {@code tips} that reached the bank. */
  synchronized Latencies latencies(Map<String, Instant> tips) {
    fetch();
    Latencies result = new Latencies();
    tips.forEach(
        (tip, at) -> {
          Instant first = firstDelivery.get(tip);
          if (first != null) {
            result.add(Duration.between(at, first).toNanos() / 1000);
          }
        });
    return result;
  }

  /** Tip → webhook of the tips given to {@link #accepted}. */
  Latencies latencies() {
    return latencies(accepted);
  }

  int delivered() {
    return delivered(accepted);
  }
}
