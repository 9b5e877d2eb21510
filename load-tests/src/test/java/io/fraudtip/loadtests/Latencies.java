package io.fraudtip.loadtests;

import java.util.Arrays;

/** Latency samples in microseconds, growing as needed; percentiles by sorting (runs are short). */
final class Latencies {
  private long[] samples = new long[1024];
  private int size;

  synchronized void add(long micros) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = micros;
  }

  synchronized int count() {
    return size;
  }

  /** A copy of the samples, in the order they came. */
  synchronized long[] samples() {
    return Arrays.copyOf(samples, size);
  }

  /** The p-th percentile (0 to 100) in milliseconds, NaN when empty. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
  }
}
