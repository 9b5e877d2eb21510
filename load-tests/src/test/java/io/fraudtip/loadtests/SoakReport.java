package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

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
    // Minute by minute, the records each consumer group has yet to take from each topic, and each
    // process's share of the machine's CPU.
    byMinute(
        b,
        "Consumer lag by group and topic (records)",
        samples,
        x -> x.lag().keySet(),
        (x, g) -> Long.toString(x.lag().getOrDefault(g, 0L)));
    byMinute(
        b,
        "CPU by process (% of the machine)",
        samples,
        x -> x.cpu().keySet(),
        (x, p) -> String.format(Locale.ROOT, "%.1f", x.cpu().getOrDefault(p, Double.NaN)));
    return b.toString();
  }

  /** A table of one figure per minute and column (a group, a process), columns as first seen. */
  private static void byMinute(
      StringBuilder b,
      String title,
      List<SoakSample> samples,
      Function<SoakSample, Collection<String>> columnsOf,
      BiFunction<SoakSample, String, String> cell) {
    List<String> columns =
        samples.stream().flatMap(x -> columnsOf.apply(x).stream()).distinct().toList();
    if (columns.isEmpty()) {
      return;
    }
    b.append('\n').append(title).append(":\n\n| minute |");
    columns.forEach(c -> b.append(' ').append(c).append(" |"));
    b.append("\n|---:|").append("---:|".repeat(columns.size())).append('\n');
    for (SoakSample x : samples) {
      b.append("| ").append(x.minute()).append(" |");
      columns.forEach(c -> b.append(' ').append(cell.apply(x, c)).append(" |"));
      b.append('\n');
    }
  }
}
