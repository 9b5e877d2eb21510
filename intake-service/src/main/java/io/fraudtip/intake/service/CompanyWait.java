package io.fraudtip.intake.service;

/**
 * How long a batch's first tip waits for others. Tips that come close together wait up to {@code
 * max-wait} so that they share one commit; a tip that comes long after the one before it ({@code
 * alone-after}) is written at once, since nothing suggests company is on its way: at a few tips a
 * second the wait bought no sharing, only latency (as PostgreSQL's {@code commit_delay} applies
 * only when other transactions are active). Used by the committer's one thread.
 */
final class CompanyWait {
  private final long maxWaitNanos;
  private final long aloneAfterNanos;
  private long lastTipNanos;

  /** Times in {@link System#nanoTime()}'s units; {@code startNanos} counts as the last tip. */
  CompanyWait(long maxWaitNanos, long aloneAfterNanos, long startNanos) {
    this.maxWaitNanos = maxWaitNanos;
    this.aloneAfterNanos = aloneAfterNanos;
    this.lastTipNanos = startNanos;
  }

  /** The wait for a batch whose first tip was taken at {@code nowNanos}: max-wait or none. */
  long forFirstTip(long nowNanos) {
    long gap = nowNanos - lastTipNanos;
    lastTipNanos = nowNanos;
    return gap > aloneAfterNanos ? 0 : maxWaitNanos;
  }

  /** A later tip of the batch was taken at {@code nowNanos}. */
  void tookTip(long nowNanos) {
    lastTipNanos = nowNanos;
  }
}
