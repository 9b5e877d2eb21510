package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The soak run's report ({@code target/benchmark/soak.md}): the verdict, then minute by minute. */
final class SoakReport {
  private SoakReport() {}

  static String markdown(
      Instant startedAt,
      Duration duration,
      int rate,
      List<SoakSample> samples,
      SoakVerdict verdict,
      List<String> late) {
    StringBuilder b = new StringBuilder();
    b.append("# Soak run\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Started %s, %d minutes at %d tips/s offered (wrk), every tip followed to the demo"
                    + " bank; the machine's load average at the end: %s. One sample a minute;"
                    + " heap is measured after a full GC (`jcmd GC.run`).%n%n",
                startedAt,
                duration.toMinutes(),
                rate,
                Report.loadAverage()));
    if (!verdict.judged()) {
      b.append("**Too short to judge growth** (fewer than six minutes after the warm-up).\n\n");
    } else {
      b.append(verdict.bounded() ? "**Every figure stayed bounded.**\n\n" : "**Growth found.**\n\n")
          .append(
              "| figure | mean, first half | mean, second half | growth | tolerated | last |"
                  + " bounded |\n|---|---:|---:|---:|---:|---:|---|\n");
      for (SoakVerdict.Trend t : verdict.trends()) {
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %+.1f | %.1f | %.1f | %s |%n",
                t.figure(),
                t.firstHalf(),
                t.secondHalf(),
                t.growth(),
                t.tolerance(),
                t.last(),
                t.bounded() ? "yes" : "**no**"));
      }
      b.append('\n');
    }
    b.append(late.isEmpty() ? "Every tip reached the bank within a minute.\n\n" : "Late tips:\n\n");
    late.forEach(l -> b.append("- ").append(l).append('\n'));
    b.append("\n| minute | tips/s | failed | tip→webhook p99 (ms) | lag | outbox |");
    for (Service s : Service.values()) {
      b.append(' ').append(s.module()).append(" RSS/heap MB, fds, threads |");
    }
    b.append("\n|---:|---:|---:|---:|---:|---:|");
    b.append("---|".repeat(Service.values().length)).append('\n');
    for (SoakSample x : samples) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %d | %.0f | %d | %.0f | %d | %d |",
              x.minute(),
              x.tipsPerSecond(),
              x.failed(),
              x.webhookP99Ms(),
              x.consumerLag(),
              x.outbox().values().stream().mapToLong(Long::longValue).sum()));
      for (Service s : Service.values()) {
        SoakSample.Process p = x.processes().get(s);
        b.append(
            String.format(
                Locale.ROOT,
                " %.0f/%.0f, %d, %d |",
                p.rssMb(),
                p.heapAfterGcMb(),
                p.openFiles(),
                p.threads()));
      }
      b.append('\n');
    }
    lagByGroup(b, samples);
    cpuByProcess(b, samples);
    return b.toString();
  }

  /** Minute by minute, each process's share of the machine's CPU. */
  private static void cpuByProcess(StringBuilder b, List<SoakSample> samples) {
    List<String> processes =
        samples.stream().flatMap(x -> x.cpu().keySet().stream()).distinct().toList();
    if (processes.isEmpty()) {
      return;
    }
    b.append("\nCPU by process (% of the machine):\n\n| minute |");
    processes.forEach(p -> b.append(' ').append(p).append(" |"));
    b.append("\n|---:|").append("---:|".repeat(processes.size())).append('\n');
    for (SoakSample x : samples) {
      b.append("| ").append(x.minute()).append(" |");
      processes.forEach(
          p ->
              b.append(String.format(Locale.ROOT, " %.1f |", x.cpu().getOrDefault(p, Double.NaN))));
      b.append('\n');
    }
  }

  /** Minute by minute, the records each consumer group has yet to take from each topic. */
  private static void lagByGroup(StringBuilder b, List<SoakSample> samples) {
    List<String> groups =
        samples.stream().flatMap(x -> x.lag().keySet().stream()).distinct().sorted().toList();
    if (groups.isEmpty()) {
      return;
    }
    b.append("\nConsumer lag by group and topic (records):\n\n| minute |");
    groups.forEach(g -> b.append(' ').append(g).append(" |"));
    b.append("\n|---:|").append("---:|".repeat(groups.size())).append('\n');
    for (SoakSample x : samples) {
      b.append("| ").append(x.minute()).append(" |");
      groups.forEach(g -> b.append(' ').append(x.lag().getOrDefault(g, 0L)).append(" |"));
      b.append('\n');
    }
  }
}
