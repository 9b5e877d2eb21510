package io.fraudtip.loadtests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's native memory summary ({@code jcmd PID VM.native_memory summary scale=MB}, with
 * {@code -XX:NativeMemoryTracking=summary}): committed MB in all and per category (Java Heap,
 * Class, Thread, Code, GC, Symbol, ...).
 *
 * @param committedMb committed in all, -1 when the process had no tracking
 * @param categories committed per category, in jcmd's order
 */
record NativeMemory(long committedMb, Map<String, Long> categories) {
  private static final Pattern TOTAL =
      Pattern.compile("Total: reserved=(\\d+)MB, committed=(\\d+)MB");
  private static final Pattern CATEGORY =
      Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)MB, committed=(\\d+)MB\\)", Pattern.MULTILINE);

  static NativeMemory parse(String summary) {
    Matcher total = TOTAL.matcher(summary);
    Map<String, Long> categories = new LinkedHashMap<>();
    Matcher c = CATEGORY.matcher(summary);
    while (c.find()) {
      categories.put(c.group(1).trim(), Long.parseLong(c.group(3)));
    }
    return new NativeMemory(total.find() ? Long.parseLong(total.group(2)) : -1, categories);
  }
}
