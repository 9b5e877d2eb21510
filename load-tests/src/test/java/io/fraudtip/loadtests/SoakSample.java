package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.Service;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One minute of a soak run.
 *
 * @param minute 1, 2, …
 * @param tipsPerSecond tips accepted per second in the minute
 * @param failed requests not answered 202
 * @param accepted tips accepted and followed to the bank
 * @param webhookP99Ms tip → webhook p99 of the previous minute's tips (NaN for the first)
 * @param processes each service's process at the end of the minute
 * @param outbox each service's outbox rows not yet published
 * @param lag records not yet consumed, by "group ← topic" (empty: the broker could not say)
 * @param cpu each process's share of the machine's CPU in the minute, in % ({@link CpuSampler})
 */
record SoakSample(
    int minute,
    double tipsPerSecond,
    long failed,
    int accepted,
    double webhookP99Ms,
    Map<Service, Process> processes,
    Map<Service, Long> outbox,
    SortedMap<String, Long> lag,
    Map<String, Double> cpu) {

  /** Records not yet consumed, all groups; -1 when the broker could not say. */
  long consumerLag() {
    return lag.isEmpty() ? -1 : lag.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A service's process: RSS and heap after a full GC in MB, open files, threads. */
  record Process(double rssMb, double heapAfterGcMb, long openFiles, long threads) {}

  private static final Pattern GENERATION = Pattern.compile("total \\d+K, used (\\d+)K");

  /**
   * The heap in use from {@code jcmd PID GC.heap_info}: the sum of every generation's (or G1's one
   * heap's) "used", in MB; NaN when the output has none.
   */
  static double heapUsedMb(String heapInfo) {
    Matcher m = GENERATION.matcher(heapInfo);
    long kb = 0;
    boolean any = false;
    while (m.find()) {
      kb += Long.parseLong(m.group(1));
      any = true;
    }
    return any ? kb / 1024.0 : Double.NaN;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "minute %d: %.0f tips/s, %d failed, tip→webhook p99 %.0f ms, lag %d (%s), outbox %s, CPU"
            + " %s; %s",
        minute,
        tipsPerSecond,
        failed,
        webhookP99Ms,
        consumerLag(),
        lag.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")),
        outbox.values().stream().map(String::valueOf).collect(Collectors.joining("/")),
        cpu.entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ")),
        processes.entrySet().stream()
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "%s RSS %.0f MB heap %.0f MB fds %d threads %d",
                        e.getKey().module(),
                        e.getValue().rssMb(),
                        e.getValue().heapAfterGcMb(),
                        e.getValue().openFiles(),
                        e.getValue().threads()))
            .collect(Collectors.joining("; ")));
  }
}
