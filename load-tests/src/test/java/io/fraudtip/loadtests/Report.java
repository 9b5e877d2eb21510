package io.fraudtip.loadtests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.stack.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Writes docs/benchmarks.md (each SPEC §9 figure beside its ceiling and the ratio, then the detail
 * of every ladder and ceiling, then the hand-written analysis kept in benchmarks-notes.md) and
 * target/benchmark/measurements.json.
 */
final class Report {
  /** Everything a run measured, filled in as it goes. */
  static final class Results {
    Instant startedAt = Instant.now();
    String loadAtStart = "unknown";
    String loadAtEnd = "unknown";
    int stepSeconds;
    double scale = 1.0;
    boolean quick;
    String jvm = "JDK " + Runtime.version().feature();
    final Map<String, List<Step>> ladders = new LinkedHashMap<>();
    final Map<String, Map<String, Double>> ceilings = new LinkedHashMap<>();

    /** Per scenario, each process's share of the machine's CPU in % (CpuSampler). */
    final Map<String, Map<String, Double>> cpu = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Per scenario, each service's collector pauses (GcPauses). */
    final Map<String, Map<Service, GcPauses>> gc =
        Collections.synchronizedMap(new LinkedHashMap<>());

    Latencies webhook = new Latencies();
    int tracked;
    int delivered;

    /** How the tip path was warmed up, a sentence; null when it was not. */
    String warmUp;

    final List<MemoryRun> memory = new ArrayList<>();
  }

  private final Results r;

  Report(Results results) {
    this.r = results;
  }

  /** The 1, 5 and 15 minute load averages of the machine. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The machine's {@code /proc/cpuinfo}, empty where it cannot be read. */
  static String cpuInfo() {
    try {
      return Files.readString(Path.of("/proc/cpuinfo"));
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The first processor's model and clock from {@code /proc/cpuinfo}, as {@code " (model, clock
   * MHz)"}, or empty: a virtual machine moved to other hardware says so here.
   */
  static String processor(String cpuInfo) {
    String model = null;
    String mhz = null;
    for (String line : cpuInfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (model == null && key.equals("model name")) {
        model = value;
      } else if (mhz == null && key.equals("cpu MHz")) {
        mhz = value;
      }
    }
    if (model == null) {
      return "";
    }
    String clock = "";
    try {
      clock = mhz == null ? "" : String.format(Locale.ROOT, ", %,.0f MHz", Double.parseDouble(mhz));
    } catch (NumberFormatException e) {
      // an unreadable clock is left out
    }
    return " (" + model + clock + ")";
  }

  /** Highest throughput of a step that passes {@code test}, 0 when none does. */
  static double sustained(List<Step> steps, Predicate<Step> test) {
    return steps.stream().filter(test).mapToDouble(Step::throughput).max().orElse(0);
  }

  /** The highest-rate step that passes {@code test}, or null. */
  static Step highest(List<Step> steps, Predicate<Step> test) {
    Step best = null;
    for (Step s : steps) {
      if (test.test(s) && (best == null || s.throughput() > best.throughput())) {
        best = s;
      }
    }
    return best;
  }

  /** The step at that offered rate if it ran, otherwise the highest step that ran. */
  static Step atRate(List<Step> steps, int rate) {
    Step last = steps.get(0);
    for (Step s : steps) {
      if (s.offeredPerSecond == rate && s.ran()) {
        return s;
      }
      if (s.ran()) {
        last = s;
      }
    }
    return last;
  }

  static Step byRate(List<Step> steps, int rate) {
    return steps.stream().filter(s -> s.offeredPerSecond == rate).findFirst().orElse(null);
  }

  void write(Path docs, Path out) throws IOException {
    Files.createDirectories(docs.getParent());
    Files.writeString(docs, markdown(), StandardCharsets.UTF_8);
    Files.createDirectories(out);
    Files.writeString(out.resolve("measurements.json"), json(), StandardCharsets.UTF_8);
  }

  private List<Step> ladder(String name) {
    return r.ladders.getOrDefault(name, List.of());
  }

  String markdown() {
    List<Step> intake = ladder("intake");
    List<Step> trivial = ladder("trivial");
    List<Step> single = ladder("watchlist single");
    Map<String, Double> producer = r.ceilings.getOrDefault("kafkaProducer", Map.of());
    Map<String, Double> insert = r.ceilings.getOrDefault("postgresInsert", Map.of());
    Map<String, Double> lookup = r.ceilings.getOrDefault("postgresLookup1000", Map.of());
    Map<String, Double> roundTrip = r.ceilings.getOrDefault("kafkaRoundTripPost", Map.of());

    StringBuilder b = new StringBuilder();
    b.append("# Benchmarks (SPEC §9)\n\n");
    b.append(
        "Generated by the benchmark command below; do not edit by hand (the analysis at the end"
            + " comes from `load-tests/src/test/resources/benchmarks-notes.md`).\n\n");
    b.append("```\n./run-benchmark\n```\n\n");
    if (r.quick) {
      b.append(
          "**A smoke run (`--quick`): steps of a few seconds, two steps a ladder. It shows that"
              + " every scenario works; its figures are not SPEC §9 figures.**\n\n");
    }
    b.append(
        String.format(
            Locale.ROOT,
            "Run of %s, services on %s (the benchmark on %s), %d cores%s, load average %s at the"
                + " start and %s at the end (1/5/15 min); ladder steps of %d s, scale %.2f; took"
                + " %s.%n%n",
            r.startedAt.truncatedTo(ChronoUnit.SECONDS),
            r.jvm,
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            processor(cpuInfo()),
            r.loadAtStart,
            r.loadAtEnd,
            r.stepSeconds,
            r.scale,
            Duration.between(r.startedAt, Instant.now()).truncatedTo(ChronoUnit.SECONDS)));
    b.append(
        "Everything runs on this one machine, each part in a process of its own: PostgreSQL"
            + " (durable: `synchronous_commit=on`, `fsync=on`), the Kafka broker, the demo bank,"
            + " the three services, and the load generator (`wrk`, native, one process per"
            + " step). Each figure"
            + " stands beside a ceiling measured in the same run on the same machine; *ratio* is"
            + " figure ÷ ceiling (for throughput, the share of what the machine can do; for"
            + " latency, how many times the bare path's time the platform takes). *Sustained*"
            + " is SPEC §9's: the rate held for the whole step with ≥ 99 % answered 2xx, the p99"
            + " within its bound and, for tips, every tip of the step at its bank and every"
            + " consumer caught up within 10 s of the step's end.\n\n");

    b.append("| SPEC §9 figure | target | this run | ceiling (same run) | ceiling | ratio |\n");
    b.append("|---|---|---|---|---|---|\n");
    double trivialSustained = sustained(trivial, Step::keptUp);
    if (!intake.isEmpty()) {
      Step intakeAt = atRate(intake, 2000);
      double intakeSustained = sustained(intake, Step::sustained);
      row(
          b,
          "tip intake, sustained (tips/s)",
          "≥ 2,000",
          intakeSustained,
          "trivial endpoint, no-op on the event loop (req/s)",
          trivialSustained);
      row(
          b,
          "tip intake, sustained (tips/s)",
          "≥ 2,000",
          intakeSustained,
          "bare PostgreSQL insert, 8 connections (rows/s)",
          insert.getOrDefault("insertsPerSecond", Double.NaN));
      row(
          b,
          "tip intake, sustained (tips/s)",
          "≥ 2,000",
          intakeSustained,
          "Kafka ProducerPerformance, 1 KiB, acks=all (records/s)",
          producer.getOrDefault("recordsPerSecond", Double.NaN));
      row(
          b,
          "tip intake alone, consumers may lag (tips/s)",
          "–",
          sustained(intake, s -> s.keptUp() && s.p99Ms() <= s.p99BoundMs),
          "trivial endpoint (req/s)",
          trivialSustained);
      p99BesideTrivial(b, "tip intake", "≤ 100", intakeAt, trivial);
      List<Step> alone = ladder(PlatformSimulation.INTAKE_ALONE);
      if (!alone.isEmpty()) {
        String label = "tip intake alone, case-service and notification-service paused";
        row(
            b,
            label + " (tips/s)",
            "–",
            sustained(alone, Step::sustained),
            "trivial endpoint (req/s)",
            trivialSustained);
        p99BesideTrivial(b, label + ",", "–", atRate(alone, 2000), trivial);
      }
      Step loop = highest(intake, s -> s.keptUp() && Boolean.TRUE.equals(s.loopKeptUp));
      row(
          b,
          "whole loop (tip → case → webhook), sustained (tips/s)",
          "≥ 1,000",
          loop == null ? 0 : loop.throughput(),
          "bare PostgreSQL insert (rows/s)",
          insert.getOrDefault("insertsPerSecond", Double.NaN));
      if (loop != null) {
        String at = " at the whole loop's " + loop.offeredPerSecond + " tips/s (ms)";
        row(
            b,
            "tip → webhook p50" + at,
            "–",
            loop.webhook.percentileMillis(50),
            "bare Kafka round trip + HTTP POST p50 (ms)",
            roundTrip.getOrDefault("p50Ms", Double.NaN));
        row(
            b,
            "tip → webhook p99" + at,
            "–",
            loop.webhook.percentileMillis(99),
            "bare Kafka round trip + HTTP POST p99 (ms)",
            roundTrip.getOrDefault("p99Ms", Double.NaN));
      }
    }
    List<Step> webhookSteps = ladder("tip to webhook");
    if (!webhookSteps.isEmpty()) {
      int rate = webhookSteps.get(0).offeredPerSecond;
      row(
          b,
          "tip → webhook p50 at " + rate + " tips/s (ms)",
          "≤ 50",
          r.webhook.percentileMillis(50),
          "bare Kafka round trip + HTTP POST p50 (ms)",
          roundTrip.getOrDefault("p50Ms", Double.NaN));
      row(
          b,
          "tip → webhook p99 at " + rate + " tips/s (ms)",
          "≤ 250",
          r.webhook.percentileMillis(99),
          "bare Kafka round trip + HTTP POST p99 (ms)",
          roundTrip.getOrDefault("p99Ms", Double.NaN));
    }
    if (!single.isEmpty()) {
      Step singleAt = atRate(single, 15000);
      row(
          b,
          "watchlist check single, sustained (checks/s)",
          "≥ 15,000",
          sustained(single, Step::sustained),
          "trivial endpoint (req/s)",
          trivialSustained);
      p99BesideTrivial(b, "watchlist check single", "≤ 10", singleAt, trivial);
    }
    for (Step batch : ladder("watchlist batch 1000")) {
      row(
          b,
          "watchlist batch of 1,000 p99 at " + batch.offeredPerSecond + "/s (ms)",
          "≤ 50",
          batch.p99Ms(),
          "bare PostgreSQL 1,000-key lookup p99 (ms)",
          lookup.getOrDefault("p99Ms", Double.NaN));
    }
    if (!r.memory.isEmpty()) {
      MemoryRun m = r.memory.get(0);
      for (Service s : Service.values()) {
        row(
            b,
            s.module() + " RSS, most under load (MB, " + m.jvm() + ")",
            "≤ 300",
            m.maxMb().getOrDefault(s, Double.NaN),
            "same process idle after start (MB)",
            m.idleMb().getOrDefault(s, Double.NaN));
      }
    }
    b.append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "Tip → webhook at a fixed rate: %d tips tracked, %d reached the bank (first verified"
                + " delivery).%n%n",
            r.tracked,
            r.delivered));
    if (r.warmUp != null) {
      b.append(r.warmUp).append("\n\n");
    }
    String speed =
        machineSpeed(r.cpu, trivial, webhookSteps, Runtime.getRuntime().availableProcessors());
    if (speed != null) {
      b.append(speed).append("\n\n");
    }
    ladders(b);
    ReportTables.cpu(b, r.cpu);
    ReportTables.gc(b, r.gc);
    ReportTables.memory(b, r.memory);
    b.append("## Ceilings\n\n");
    b.append("| ceiling | measured |\n|---|---|\n");
    r.ceilings.forEach(
        (name, values) -> {
          StringBuilder v = new StringBuilder();
          values.entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .forEach(
                  e ->
                      v.append(v.isEmpty() ? "" : ", ")
                          .append(e.getKey())
                          .append(" ")
                          .append(String.format(Locale.ROOT, "%.1f", e.getValue())));
          b.append("| ").append(name).append(" | ").append(v).append(" |\n");
        });
    b.append("\nThe raw figures are in `load-tests/target/benchmark/measurements.json`.\n\n");
    b.append(notes());
    return b.toString();
  }

  private void ladders(StringBuilder b) {
    b.append("## Ladders\n\n");
    b.append(
        "Open model: each step offers a fixed rate for its duration (wrk paces each request on a"
            + " schedule, with connections enough for answers of 250 ms on average; a late slot goes"
            + " as soon as a connection is free, and the slots not sent by the step's end are"
            + " *dropped*);"
            + " *achieved* counts 2xx answers per second of the step. A ladder stops after the"
            + " first step it does not keep up with (achieved < 90 % of offered or > 1 % failed)."
            + " *Loop* (intake, and tip to webhook at its fixed rate): every tip of the step"
            + " reached its bank and every consumer caught"
            + " up within 10 s of the step's end; tip → webhook is of that step's tips. *Intake"
            + " alone*: the same tips with case-service and notification-service paused (SIGSTOP)"
            + " for the whole ladder, last in the run; its tips are not followed to the bank.\n\n");
    b.append(
        "| step | offered/s | achieved/s | OK | failed | dropped | p50 ms | p99 ms | p99 bound"
            + " | kept up | loop | tip → webhook p50/p99 ms |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    r.ladders.values().stream()
        .flatMap(List::stream)
        .filter(Step::ran)
        .forEach(
            s ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %d | %.0f | %d | %d | %d | %.1f | %.1f | %s | %s | %s | %s |%n",
                        s.name,
                        s.offeredPerSecond,
                        s.throughput(),
                        s.okCount(),
                        s.failedCount(),
                        s.droppedCount(),
                        s.p50Ms(),
                        s.p99Ms(),
                        number(s.p99BoundMs),
                        s.keptUp() ? "yes" : "no",
                        s.loopKeptUp == null ? "–" : s.loopKeptUp ? "yes" : "no",
                        s.webhook.count() == 0
                            ? "–"
                            : number(s.webhook.percentileMillis(50))
                                + " / "
                                + number(s.webhook.percentileMillis(99)))));
    b.append('\n');
  }

  /** The trivial endpoint's rate at which the machine's speed is read. */
  static final int SPEED_RATE = 15000;

  /**
   * How fast the machine was, from the CPU wrk used per request at the trivial endpoint's {@link
   * #SPEED_RATE}: wrk is native code doing the same work per request in every run, so its cost
   * moves only with the machine (13–17 µs in the runs of 2026-12-04 from 00:36 to 18:55, 29–35 µs
   * in those from its 22:52 run on, read from their CPU tables). Null when that step or its CPU
   * sample is missing.
   */
  static String machineSpeed(
      Map<String, Map<String, Double>> cpu, List<Step> trivial, List<Step> tips, int cores) {
    Step step = byRate(trivial, SPEED_RATE);
    Map<String, Double> shares = step == null ? null : cpu.get(step.name);
    double wrkMicros =
        shares == null ? Double.NaN : microsEach(shares, CpuSampler.GENERATOR, step, cores);
    if (Double.isNaN(wrkMicros)) {
      return null;
    }
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "How fast this machine was in this run: wrk, native code whose work per request is"
                    + " the same in every run, used %.1f µs of CPU a request at the trivial"
                    + " endpoint's %,d/s",
                wrkMicros,
                SPEED_RATE));
    double intakeMicros = microsEach(shares, Service.INTAKE.module(), step, cores);
    if (!Double.isNaN(intakeMicros)) {
      b.append(
          String.format(Locale.ROOT, ", and intake-service %.1f µs to answer one", intakeMicros));
    }
    b.append('.');
    Step tip = tips.isEmpty() ? null : tips.get(0);
    Map<String, Double> tipShares = tip == null ? null : cpu.get(tip.name);
    double tipMicros =
        tipShares == null ? Double.NaN : microsEach(tipShares, CpuSampler.MACHINE, tip, cores);
    if (!Double.isNaN(tipMicros)) {
      b.append(
          String.format(
              Locale.ROOT,
              " Tip → webhook at %d tips/s cost the whole machine %.1f ms of CPU a tip, as much as"
                  + " %,.0f of wrk's requests.",
              tip.offeredPerSecond,
              tipMicros / 1000,
              tipMicros / wrkMicros));
    }
    b.append(
        " The same code costs more on a slower machine: read runs on different days against each"
            + " other through these figures (a tip's is a gauge, not a conversion: a busier machine"
            + " makes larger batches, which cost less a tip).");
    return b.toString();
  }

  /** Microseconds of CPU each answered request of a step cost one process (a share in %). */
  private static double microsEach(
      Map<String, Double> shares, String process, Step step, int cores) {
    Double share = shares.get(process);
    double rate = step.throughput();
    if (share == null || share.isNaN() || rate <= 0) {
      return Double.NaN;
    }
    return share / 100.0 * cores * 1e6 / rate;
  }

  /** A step's p99 beside the trivial endpoint's at the same offered rate. */
  private static void p99BesideTrivial(
      StringBuilder b, String figure, String bound, Step at, List<Step> trivial) {
    Step same = byRate(trivial, at.offeredPerSecond);
    row(
        b,
        figure + " p99 at " + at.offeredPerSecond + "/s (ms)",
        bound,
        at.p99Ms(),
        "trivial endpoint p99 at " + at.offeredPerSecond + "/s (ms)",
        same == null ? Double.NaN : same.p99Ms());
  }

  private static void row(
      StringBuilder b, String figure, String target, double value, String ceiling, double ceil) {
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s |%n",
            figure,
            target,
            number(value),
            ceiling,
            number(ceil),
            Double.isNaN(value) || Double.isNaN(ceil) || ceil == 0
                ? "–"
                : String.format(Locale.ROOT, "%.2f", value / ceil)));
  }

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String notes() {
    try (InputStream in = Report.class.getResourceAsStream("/benchmarks-notes.md")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  String json() {
    ObjectNode root = Json.events().createObjectNode();
    root.put("startedAt", r.startedAt.toString());
    root.put("stepSeconds", r.stepSeconds);
    root.put("scale", r.scale);
    root.put("quick", r.quick);
    root.put("jvm", r.jvm);
    ObjectNode steps = root.putObject("steps");
    r.ladders.values().stream()
        .flatMap(List::stream)
        .filter(Step::ran)
        .forEach(
            s -> {
              ObjectNode n =
                  steps
                      .putObject(s.name)
                      .put("offered", s.offeredPerSecond)
                      .put("achieved", s.throughput())
                      .put("ok", s.okCount())
                      .put("failed", s.failedCount())
                      .put("dropped", s.droppedCount())
                      .put("p50Ms", s.p50Ms())
                      .put("p99Ms", s.p99Ms())
                      .put("keptUp", s.keptUp())
                      .put("sustained", s.sustained());
              if (s.loopKeptUp != null) {
                n.put("loopKeptUp", s.loopKeptUp)
                    .put("webhookP50Ms", s.webhook.percentileMillis(50))
                    .put("webhookP99Ms", s.webhook.percentileMillis(99));
              }
            });
    ObjectNode c = root.putObject("ceilings");
    r.ceilings.forEach((name, values) -> values.forEach((k, v) -> c.with(name).put(k, v)));
    root.putObject("tipToWebhook")
        .put("tracked", r.tracked)
        .put("delivered", r.delivered)
        .put("p50Ms", r.webhook.percentileMillis(50))
        .put("p99Ms", r.webhook.percentileMillis(99));
    ObjectNode cpu = root.putObject("cpuPercentOfMachine");
    synchronized (r.cpu) {
      r.cpu.forEach((scenario, shares) -> shares.forEach((l, v) -> cpu.with(scenario).put(l, v)));
    }
    ObjectNode gc = root.putObject("gcPauses");
    synchronized (r.gc) {
      r.gc.forEach(
          (scenario, pauses) ->
              pauses.forEach(
                  (s, p) ->
                      gc.with(scenario)
                          .putObject(s.module())
                          .put("count", p.count())
                          .put("totalMs", p.totalMs())
                          .put("longestMs", p.longestMs())
                          .put("cpuMs", p.cpuMs())));
    }
    ArrayNode mem = root.putArray("memory");
    for (MemoryRun m : r.memory) {
      ObjectNode run = mem.addObject().put("jvm", m.jvm()).put("load", m.load());
      for (Service s : Service.values()) {
        NativeMemory nmt = m.nativeMemory().get(s);
        run.putObject(s.module())
            .put("idleMb", m.idleMb().getOrDefault(s, Double.NaN))
            .put("maxMb", m.maxMb().getOrDefault(s, Double.NaN))
            .put("nmtCommittedMb", nmt == null ? -1 : nmt.committedMb());
      }
    }
    try {
      return Json.events().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
