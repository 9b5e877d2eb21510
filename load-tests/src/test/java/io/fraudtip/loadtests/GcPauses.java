package io.fraudtip.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's stop-the-world pauses of one service in a time window, read from its GC log
 * ({@code -Xlog:gc:file=...:timemillis}, one line a pause: {@code [1764453601123ms] GC(5) Pause
 * Young (Allocation Failure) 36M->12M(58M) 3.456ms}). A pause stops every request thread, so a few
 * long ones are a p99 tail by themselves. The log gives a pause's wall-clock time, which on a
 * machine with no core to spare holds the time its collector waited for one; the collector's own
 * CPU in the same window comes from its threads' times in {@code /proc} ({@link
 * CpuSampler#collectorThreads}).
 *
 * @param count pauses that ended in the window
 * @param totalMs their time in all
 * @param longestMs the longest
 * @param cpuMs the collector threads' CPU in the window (NaN: not measured)
 */
record GcPauses(int count, double totalMs, double longestMs, double cpuMs) {
  static final GcPauses NONE = new GcPauses(0, 0, 0, Double.NaN);

  private static final Pattern PAUSE =
      Pattern.compile("^\\[(\\d+)ms\\] GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms$");

  /** The pauses logged between {@code fromMillis} and {@code toMillis} (epoch ms), inclusive. */
  static GcPauses between(List<String> lines, long fromMillis, long toMillis) {
    int count = 0;
    double total = 0;
    double longest = 0;
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line.trim());
      if (!m.matches()) {
        continue;
      }
      long at = Long.parseLong(m.group(1));
      if (at < fromMillis || at > toMillis) {
        continue;
      }
      double ms = Double.parseDouble(m.group(2));
      count++;
      total += ms;
      longest = Math.max(longest, ms);
    }
    return new GcPauses(count, total, longest, Double.NaN);
  }

  /** These pauses with the collector's CPU in the same window. */
  GcPauses withCpu(double ms) {
    return new GcPauses(count, totalMs, longestMs, ms);
  }

  /** {@link #between} on a log file; none when it cannot be read. */
  static GcPauses read(Path log, long fromMillis, long toMillis) {
    try {
      return between(Files.readAllLines(log), fromMillis, toMillis);
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  /** "12 × 85 ms, longest 14 ms; CPU 30 ms" for the report (no CPU when it was not measured). */
  String describe() {
    if (count == 0) {
      return "0";
    }
    String pauses =
        String.format(Locale.ROOT, "%d × %.0f ms, longest %.0f ms", count, totalMs, longestMs);
    return Double.isNaN(cpuMs)
        ? pauses
        : pauses + String.format(Locale.ROOT, "; CPU %.0f ms", cpuMs);
  }
}
