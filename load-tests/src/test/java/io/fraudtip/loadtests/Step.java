package io.fraudtip.loadtests;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of a load ladder (or one fixed-rate run): the offered rate, and what came back, either
 * from wrk ({@link #record(WrkResult)}) or request by request from Gatling ({@link #sent()}, {@link
 * #answered}). A request counts as OK when it was answered 2xx; throughput is OK answers per second
 * of the step, so a server that falls behind shows a lower figure than the offered rate.
 */
final class Step {
  final String ladder;
  final String name;
  final int offeredPerSecond;
  final int seconds;

  /** The p99 bound of SPEC §9 for this scenario in ms, NaN when it has none. */
  final double p99BoundMs;

  final Latencies ok = new Latencies();
  final AtomicInteger failed = new AtomicInteger();
  final AtomicInteger dropped = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong firstSentNanos = new AtomicLong();
  private final AtomicLong lastAnsweredNanos = new AtomicLong();
  private volatile WrkResult wrk;

  /** Tip → webhook of this step's tips, when they were followed to the bank. */
  final Latencies webhook = new Latencies();

  /**
   * Whether the loop kept up (every tip at the bank and no consumer lag soon after); null: not
   * followed.
   */
  volatile Boolean loopKeptUp;

  Step(String ladder, int offeredPerSecond, int seconds) {
    this(ladder, offeredPerSecond, seconds, Double.NaN);
  }

  Step(String ladder, int offeredPerSecond, int seconds, double p99BoundMs) {
    this.ladder = ladder;
    this.name = ladder + " " + offeredPerSecond + "/s";
    this.offeredPerSecond = offeredPerSecond;
    this.seconds = seconds;
    this.p99BoundMs = p99BoundMs;
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

  /** The whole step as wrk measured it. */
  void record(WrkResult result) {
    this.wrk = result;
  }

  WrkResult wrk() {
    return wrk;
  }

  boolean ran() {
    return wrk != null || firstSentNanos.get() != 0;
  }

  long okCount() {
    return wrk != null ? wrk.ok() : ok.count();
  }

  long failedCount() {
    return wrk != null ? wrk.failed() : failed.get();
  }

  /** Requests whose slot came while every connection (Gatling: 1,000 in flight) was busy. */
  long droppedCount() {
    if (wrk == null) {
      return dropped.get();
    }
    return Math.max(0, (long) offeredPerSecond * seconds - wrk.requests() - wrk.failed());
  }

  double p50Ms() {
    return wrk != null ? wrk.p50Micros() / 1000.0 : ok.percentileMillis(50);
  }

  double p99Ms() {
    return wrk != null ? wrk.p99Micros() / 1000.0 : ok.percentileMillis(99);
  }

  /** OK answers per second over the step's busy time. */
  double throughput() {
    if (wrk != null) {
      return wrk.durationMicros() == 0 ? 0 : wrk.ok() / (wrk.durationMicros() / 1e6);
    }
    long first = firstSentNanos.get();
    long last = lastAnsweredNanos.get();
    if (first == 0 || last <= first) {
      return 0;
    }
    return ok.count() / ((last - first) / 1e9);
  }

  /**
   * Whether the server kept up over HTTP: at least 90 % of the offered rate answered OK and at
   * least 99 % of the requests sent answered 2xx (SPEC §9).
   */
  boolean keptUp() {
    long answered = okCount() + failedCount();
    return ran()
        && answered > 0
        && failedCount() * 100 <= answered
        && throughput() >= 0.9 * offeredPerSecond;
  }

  /** {@link #keptUp()}, the p99 within its bound, and the loop kept up when it was followed. */
  boolean sustained() {
    return keptUp()
        && (Double.isNaN(p99BoundMs) || p99Ms() <= p99BoundMs)
        && !Boolean.FALSE.equals(loopKeptUp);
  }
}
