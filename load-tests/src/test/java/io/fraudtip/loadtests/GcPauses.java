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
 * long ones are a p99 tail by themselves.
 *
 * @param count pauses that ended in the window
 * @param totalMs their time in all
 * @param longestMs the longest
 */
record GcPauses(int count, double totalMs, double longestMs) {
  static final GcPauses NONE = new GcPauses(0, 0, 0);

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
    return new GcPauses(count, total, longest);
  }

  /** {@link #between} on a log file; none when it cannot be read. */
  static GcPauses read(Path log, long fromMillis, long toMillis) {
    try {
      return between(Files.readAllLines(log), fromMillis, toMillis);
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  /** "12 × 85 ms, longest 14 ms" for the report. */
  String describe() {
    return count == 0
        ? "0"
        : String.format(Locale.ROOT, "%d × %.0f ms, longest %.0f ms", count, totalMs, longestMs);
  }
}
