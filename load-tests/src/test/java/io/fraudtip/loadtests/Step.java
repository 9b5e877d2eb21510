package io.fraudtip.loadtests;

/**
 * One step of a load ladder (or one fixed-rate run): the offered rate, and what came back as wrk
 * measured it ({@link #record(WrkResult)}). A request counts as OK when it was answered 2xx;
 * throughput is OK answers per second of the step, so a server that falls behind shows a lower
 * figure than the offered rate.
 */
final class Step {
  final String ladder;
  final String name;
  final int offeredPerSecond;
  final int seconds;

  /** The p99 bound of SPEC §9 for this scenario in ms, NaN when it has none. */
  final double p99BoundMs;

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

  /** The whole step as wrk measured it. */
  void record(WrkResult result) {
    this.wrk = result;
  }

  WrkResult wrk() {
    return wrk;
  }

  boolean ran() {
    return wrk != null;
  }

  long okCount() {
    return wrk != null ? wrk.ok() : 0;
  }

  long failedCount() {
    return wrk != null ? wrk.failed() : 0;
  }

  /**
   * Slots of the schedule not sent by the step's end: every connection was waiting for an answer.
   */
  long droppedCount() {
    if (wrk == null) {
      return 0;
    }
    return Math.max(0, (long) offeredPerSecond * seconds - wrk.requests() - wrk.failed());
  }

  double p50Ms() {
    return wrk != null ? wrk.p50Micros() / 1000.0 : Double.NaN;
  }

  double p99Ms() {
    return wrk != null ? wrk.p99Micros() / 1000.0 : Double.NaN;
  }

  /** OK answers per second over the step's busy time. */
  double throughput() {
    if (wrk == null || wrk.durationMicros() == 0) {
      return 0;
    }
    return wrk.ok() / (wrk.durationMicros() / 1e6);
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
