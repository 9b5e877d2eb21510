package io.fraudtip.loadtests;

import io.fraudtip.localstack.bank.DemoBank;
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
 * generator may read the answer late when the machine is busy); received is the demo bank's clock.
 * All processes run on this one machine, so they share a clock.
 */
final class TipToWebhook {
  private static final Pattern TIP_ID = Pattern.compile("\"tipId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private final DemoBank.Receiver receiver;
  private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
  private int delivered;

  TipToWebhook(DemoBank.Receiver receiver) {
    this.receiver = receiver;
  }

  void accepted(String tipId, Instant receivedAt) {
    accepted.put(tipId, receivedAt);
  }

  int acceptedCount() {
    return accepted.size();
  }

  /** The first verified delivery of each tracked tip; how many tracked tips have one. */
  synchronized int match() {
    Map<String, Instant> first = new HashMap<>();
    for (DemoBank.Delivery d : receiver.deliveries()) {
      if (!d.verified()) {
        continue;
      }
      Matcher m = TIP_ID.matcher(d.body());
      if (m.find() && accepted.containsKey(m.group(1))) {
        first.merge(m.group(1), d.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return first.size();
  }

  /** Whether every tracked tip has reached the bank. */
  boolean complete() {
    return !accepted.isEmpty() && match() >= accepted.size();
  }

  /** Computes the latencies from what the bank received. */
  synchronized Latencies latencies() {
    Map<String, Instant> first = new HashMap<>();
    for (DemoBank.Delivery d : receiver.deliveries()) {
      Matcher m = d.verified() ? TIP_ID.matcher(d.body()) : null;
      if (m != null && m.find() && accepted.containsKey(m.group(1))) {
        first.merge(m.group(1), d.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Latencies result = new Latencies();
    first.forEach(
        (tip, at) -> result.add(Duration.between(accepted.get(tip), at).toNanos() / 1000));
    delivered = first.size();
    return result;
  }

  int delivered() {
    return delivered;
  }
}
