package io.fraudtip.loadtests;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of a load ladder (or one fixed-rate run): the offered rate, and what came back. A
 * request counts as OK when its checks passed; throughput is OK answers over the time from the
 * first request sent to the last answer received, so a server that falls behind shows a lower
 * figure than the offered rate.
 */
final class Step {
  final String ladder;
  final String name;
  final int offeredPerSecond;
  final int seconds;
  final Latencies ok = new Latencies();
  final AtomicInteger failed = new AtomicInteger();
  final AtomicInteger dropped = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong firstSentNanos = new AtomicLong();
  private final AtomicLong lastAnsweredNanos = new AtomicLong();

  Step(String ladder, int offeredPerSecond, int seconds) {
    this.ladder = ladder;
    this.name = ladder + " " + offeredPerSecond + "/s";
    this.offeredPerSecond = offeredPerSecond;
    this.seconds = seconds;
  }

  void sent() {
    firstSentNanos.compareAndSet(0, System.nanoTime());
    inFlight.incrementAndGet();
  }

  void answered(boolean success, long micros) {
    inFlight.decrementAndGet();
    lastAnsweredNanos.accumulateAndGet(System.nanoTime(), Math::max);
    if (success) {
      ok.add(micros);
    } else {
      failed.incrementAndGet();
    }
  }

  boolean ran() {
    return firstSentNanos.get() != 0;
  }

  /** OK answers per second over the step's busy time. */
  double throughput() {
    long first = firstSentNanos.get();
    long last = lastAnsweredNanos.get();
    if (first == 0 || last <= first) {
      return 0;
    }
    return ok.count() / ((last - first) / 1e9);
  }

  /** Whether the server kept up: nearly the offered rate, few failures, nothing dropped. */
  boolean keptUp() {
    int offered = offeredPerSecond * seconds;
    return ran()
        && dropped.get() == 0
        && failed.get() <= offered / 100
        && throughput() >= 0.9 * offeredPerSecond;
  }
}
