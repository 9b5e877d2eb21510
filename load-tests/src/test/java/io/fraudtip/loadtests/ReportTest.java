package io.fraudtip.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.localstack.stack.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's arithmetic and tables, and the parsers of what wrk, /proc and jcmd print. */
class ReportTest {
  @Test
  void aStepThatKeepsUpIsTheSustainedFigureAndAStepThatFallsBehindIsNot() {
    Step slow = wrk(new Step("intake", 1000, 10, 100), 3_000, 0, 1_000);
    Step fine = wrk(new Step("intake", 500, 10, 100), 5_000, 0, 2_000);
    assertThat(fine.keptUp()).isTrue();
    assertThat(slow.keptUp()).isFalse();
    assertThat(Report.sustained(List.of(fine, slow), Step::sustained)).isEqualTo(fine.throughput());
    assertThat(Report.atRate(List.of(fine, slow), 2000)).isSameAs(slow);
    assertThat(Report.atRate(List.of(fine, slow), 500)).isSameAs(fine);
  }

  @Test
  void theCollectorsPausesAreCountedFromItsLogWithinTheWindowOnly() {
    List<String> log =
        List.of(
            "[1000ms] GC(0) Pause Young (Allocation Failure) 20M->5M(30M) 4.000ms",
            "[2000ms] GC(1) Pause Young (Allocation Failure) 25M->6M(30M) 12.500ms",
            "[2500ms] Using Serial",
            "[3000ms] GC(2) Pause Full (System.gc()) 26M->4M(30M) 40.250ms",
            "[9000ms] GC(3) Pause Young (Allocation Failure) 24M->5M(30M) 99.000ms");

    GcPauses pauses = GcPauses.between(log, 1500, 3000);

    assertThat(pauses.count()).isEqualTo(2);
    assertThat(pauses.totalMs()).isEqualTo(52.75);
    assertThat(pauses.longestMs()).isEqualTo(40.25);
    assertThat(GcPauses.between(log, 4000, 5000)).isEqualTo(GcPauses.NONE);
    assertThat(GcPauses.NONE.describe()).isEqualTo("0");
    assertThat(pauses.describe()).isEqualTo("2 × 53 ms, longest 40 ms");
    assertThat(pauses.withCpu(10).describe()).isEqualTo("2 × 53 ms, longest 40 ms; CPU 10 ms");
  }

  @Test
  void aStepIsSustainedOnlyWithinItsBoundWithFewErrorsAndTheLoopKeepingUp() {
    Step overBound = wrk(new Step("intake", 500, 10, 100), 5_000, 0, 150_000);
    Step errors = wrk(new Step("intake", 500, 10, 100), 5_000, 60, 2_000);
    Step loopBehind = wrk(new Step("intake", 500, 10, 100), 5_000, 0, 2_000);
    loopBehind.loopKeptUp = false;
    Step all = wrk(new Step("intake", 500, 10, 100), 5_000, 0, 2_000);
    all.loopKeptUp = true;

    assertThat(overBound.keptUp()).isTrue();
    assertThat(overBound.sustained()).isFalse();
    assertThat(errors.keptUp()).isFalse();
    assertThat(loopBehind.keptUp()).isTrue();
    assertThat(loopBehind.sustained()).isFalse();
    assertThat(all.sustained()).isTrue();
    assertThat(Report.highest(List.of(loopBehind, all), s -> Boolean.TRUE.equals(s.loopKeptUp)))
        .isSameAs(all);
  }

  @Test
  void theTableHasEverySpecFigureBesideItsCeilingTheCpuOfEachProcessAndTheMemory() {
    Report.Results r = new Report.Results();
    r.stepSeconds = 10;
    r.ladders.put("trivial", List.of(wrk(new Step("trivial", 2000, 10), 20_000, 0, 1_000)));
    r.ladders.put(
        "watchlist single",
        List.of(wrk(new Step("watchlist single", 500, 10, 10), 5_000, 0, 3_000)));
    r.ladders.put(
        "watchlist batch 1000",
        List.of(wrk(new Step("watchlist batch 1000", 10, 10, 50), 100, 0, 20_000)));
    r.ladders.put(
        "tip to webhook", List.of(wrk(new Step("tip to webhook", 200, 10), 2_000, 0, 9_000)));
    Step loop = wrk(new Step("intake", 100, 10, 100), 1_000, 0, 50_000);
    loop.loopKeptUp = true;
    loop.webhook.add(30_000);
    loop.webhook.add(90_000);
    Step behind = wrk(new Step("intake", 2000, 10, 100), 20_000, 0, 50_000);
    behind.loopKeptUp = false;
    r.ladders.put("intake", List.of(loop, behind));
    r.ladders.put(
        PlatformSimulation.INTAKE_ALONE,
        List.of(
            wrk(new Step(PlatformSimulation.INTAKE_ALONE, 1500, 10, 100), 15_000, 0, 80_000),
            wrk(new Step(PlatformSimulation.INTAKE_ALONE, 2000, 10, 100), 20_000, 0, 140_000)));
    r.ceilings.put("postgresInsert", Map.of("insertsPerSecond", 4000.0));
    r.ceilings.put("kafkaRoundTripPost", Map.of("p50Ms", 4.0, "p99Ms", 20.0));
    r.webhook.add(40_000);
    r.webhook.add(120_000);
    r.tracked = 2;
    r.delivered = 2;
    r.warmUp = "Tip warm-up before the tip scenarios: 4 rounds of 30 s at 100 tips/s.";
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("intake-service", 30.0);
    shares.put("PostgreSQL", 20.0);
    shares.put(CpuSampler.GENERATOR, 45.0);
    r.cpu.put("intake 2000/s", shares);
    Map<Service, Double> idle = new EnumMap<>(Service.class);
    Map<Service, Double> max = new EnumMap<>(Service.class);
    Map<Service, NativeMemory> nmt = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      idle.put(s, 150.0);
      max.put(s, 240.0);
      nmt.put(s, new NativeMemory(210, Map.of("Java Heap", 64L, "Class", 90L)));
    }
    Map<Service, GcPauses> pauses = new EnumMap<>(Service.class);
    pauses.put(Service.CASES, new GcPauses(7, 690.4, 131.2, Double.NaN).withCpu(120));
    r.gc.put("watchlist single 2000/s", pauses);
    r.memory.add(new MemoryRun("JDK 17", "every scenario above", idle, max, nmt));
    r.memory.add(new MemoryRun("JDK 25, compact object headers", "tips", idle, max, Map.of()));

    String md = new Report(r).markdown();

    assertThat(md)
        .contains("| tip intake, sustained (tips/s) | ≥ 2,000 | 100 |")
        .contains("| tip intake alone, consumers may lag (tips/s) | – | 2,000 |")
        .contains(
            "| tip intake alone, case-service and notification-service paused (tips/s) | – |"
                + " 1,500 |")
        .contains(
            "| tip intake alone, case-service and notification-service paused, p99 at 2000/s"
                + " (ms) | – | 140 | trivial endpoint p99 at 2000/s (ms) |")
        .contains("| whole loop (tip → case → webhook), sustained (tips/s) | ≥ 1,000 | 100 |")
        .contains("| tip → webhook p99 at the whole loop's 100 tips/s (ms) | – | 90.0 |")
        .contains("| tip → webhook p50 at 200 tips/s (ms) | ≤ 50 | 40.0 |")
        .contains("reached the bank (first verified delivery).\n\nTip warm-up before the tip")
        .contains("bare Kafka round trip + HTTP POST p50 (ms) | 4.0 | 10.00 |")
        .contains("| watchlist batch of 1,000 p99 at 10/s (ms) | ≤ 50 | 20.0 |")
        .contains("| case-service RSS, most under load (MB, JDK 17) | ≤ 300 | 240 |")
        .contains("same process idle after start (MB) | 150 | 1.60 |")
        .contains("| intake 2000/s | 2000 | 2000 |")
        .contains(
            "| intake 100/s | 100 | 100 | 1000 | 0 | 0 | 50.0 | 50.0 | 100 | yes | yes | 30.0 / 90.0 |")
        .contains("| scenario | intake-service | PostgreSQL | wrk (load generator) |")
        .contains("| intake 2000/s | 30 % | 20 % | 45 % | maybe |")
        .contains(
            "| JDK 25, compact object headers | tips | notification-service | 150 | 240 | – |")
        .contains("| JDK 17 | every scenario above | intake-service | 150 | 240 | 210 |")
        .contains("| Class | 90 | 90 | 90 |")
        .contains("| watchlist single 2000/s | 0 | 7 × 690 ms, longest 131 ms; CPU 120 ms | 0 |");
    assertThat(new Report(r).json())
        .contains("\"tipToWebhook\"")
        .contains("\"intake 2000/s\"")
        .contains("\"loopKeptUp\" : false")
        .contains("\"nmtCommittedMb\" : 210");
  }

  @Test
  void theMachinesSpeedIsWrksCpuARequestAtTheTrivialEndpointAndATipIsReadAgainstIt() {
    Step trivial = wrk(new Step("trivial", Report.SPEED_RATE, 10), 150_000, 0, 1_000);
    Step tips = wrk(new Step("tip to webhook", 200, 10), 2_000, 0, 9_000);
    Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
    cpu.put(trivial.name, Map.of(CpuSampler.GENERATOR, 23.0, "intake-service", 24.0));
    cpu.put(tips.name, Map.of(CpuSampler.MACHINE, 95.0));

    String speed = Report.machineSpeed(cpu, List.of(trivial), List.of(tips), 2);

    assertThat(speed)
        .contains("used 30.7 µs of CPU a request at the trivial endpoint's 15,000/s")
        .contains("intake-service 32.0 µs to answer one")
        .contains("at 200 tips/s cost the whole machine 9.5 ms of CPU a tip, as much as 310 of");
    cpu.remove(tips.name);
    assertThat(Report.machineSpeed(cpu, List.of(trivial), List.of(tips), 2))
        .contains("32.0 µs")
        .doesNotContain("Tip → webhook");
    cpu.put(trivial.name, Map.of(CpuSampler.GENERATOR, 23.0));
    assertThat(Report.machineSpeed(cpu, List.of(trivial), List.of(tips), 2))
        .contains("at the trivial endpoint's 15,000/s. The same code")
        .doesNotContain("NaN");
    assertThat(Report.machineSpeed(Map.of(), List.of(trivial), List.of(tips), 2)).isNull();
    assertThat(Report.machineSpeed(cpu, List.of(), List.of(tips), 2)).isNull();
  }

  @Test
  void theProcessorsModelAndClockAreReadFromCpuinfo() {
    String cpuInfo =
        """
        processor	: 0
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC
        cpu MHz		: 2095.999
        processor	: 1
        model name	: AMD EPYC
        cpu MHz		: 2000.000
        """;

    assertThat(Report.processor(cpuInfo)).isEqualTo(" (AMD EPYC, 2,096 MHz)");
    assertThat(Report.processor("model name\t: Some CPU\n")).isEqualTo(" (Some CPU)");
    assertThat(Report.processor("model name\t: Some CPU\ncpu MHz\t: ?\n")).isEqualTo(" (Some CPU)");
    assertThat(Report.processor("")).isEmpty();
  }

  @Test
  void wrksResultLineAndItsCpuAreRead() {
    String out =
        """
        Running 5s test @ http://localhost:1/
        WRK_RESULT {"requests": 4990, "durationMicros": 5001234, "connectErrors": 0, \
        "readErrors": 1, "writeErrors": 0, "statusErrors": 7, "timeouts": 2, "p50Micros": 812, \
        "p90Micros": 2000, "p99Micros": 15818, "maxMicros": 40000}
        0m0.001s 0m0.002s
        0m1.250s 1m0.500s
        """;

    WrkResult r = WrkResult.parse(out);

    assertThat(r.requests()).isEqualTo(4990);
    assertThat(r.ok()).isEqualTo(4983);
    assertThat(r.failed()).isEqualTo(10);
    assertThat(r.p99Micros()).isEqualTo(15818);
    assertThat(r.generatorCpuSeconds()).isEqualTo(61.75);
    assertThat(WrkResult.parse("WRK_RESULT {\"requests\": 1}").generatorCpuSeconds()).isNaN();
    assertThatThrownBy(() -> WrkResult.parse("unable to connect"))
        .hasMessageContaining("no result");
  }

  @Test
  void theTimeTheHostStoleIsNotCountedAsOtherProcesses() {
    // The machine 80 % busy, the watched processes 50 %, the host's steal 10 %: 20 % is others'.
    assertThat(CpuSampler.otherProcesses(80.0, 50.0, 10.0)).isEqualTo(20.0);
    assertThat(CpuSampler.otherProcesses(40.0, 45.0, 0.0)).isZero();
    assertThat(CpuSampler.otherProcesses(Double.NaN, 45.0, 0.0)).isNaN();
  }

  @Test
  void procStatIsReadAfterTheCommandNameWhateverItHolds() {
    String stat =
        "4242 (java (C2) x) S 17 4242 17 0 -1 4194560 1 2 3 4 1500 250 30 7 20 0 42 0 1 2 3";

    long[] f = CpuSampler.parseStat(stat);

    assertThat(f).containsExactly(17, 1500, 250, 30, 7);
    long[] machine = CpuSampler.parseMachine("cpu  100 5 50 800 20 3 2 10 0 0");
    assertThat(machine).containsExactly(170, 990, 10);
    assertThat(CpuSampler.share(1.0, 2.0, 2)).isEqualTo(25.0);
  }

  @Test
  void theJitCompilerAndCollectorThreadsOfAJvmAreFoundByName() {
    assertThat(CpuSampler.isCompilerThread("C2 CompilerThre")).isTrue();
    assertThat(CpuSampler.isCompilerThread("C1 CompilerThre")).isTrue();
    assertThat(CpuSampler.isCompilerThread("VM Thread")).isFalse();
    assertThat(CpuSampler.isCompilerThread("executor-thread")).isFalse();
    assertThat(CpuSampler.isCollectorThread("VM Thread")).isTrue();
    assertThat(CpuSampler.isCollectorThread("GC Thread#0")).isTrue();
    assertThat(CpuSampler.isCollectorThread("VM Periodic Tas")).isFalse();
    assertThat(CpuSampler.isCollectorThread("C2 CompilerThre")).isFalse();
    assertThat(CpuSampler.isCollectorThread("executor-thread")).isFalse();

    // This JVM's own: at least one C1 and one C2 thread, and a VM thread whatever its collector.
    long pid = ProcessHandle.current().pid();
    long[] compilers = CpuSampler.compilerThreads(pid);
    long[] collectors = CpuSampler.collectorThreads(pid);

    assertThat(compilers[1]).isGreaterThanOrEqualTo(2);
    assertThat(collectors[1]).isGreaterThanOrEqualTo(1);
    assertThat(CpuSampler.millis(12)).isEqualTo(120.0);
  }

  @Test
  void theNativeMemorySummaryIsReadInTotalAndByCategory() {
    String summary =
        """
        Native Memory Tracking:

        (Omitting categories weighting less than 1MB)

        Total: reserved=1590MB, committed=262MB
               malloc: 40MB #210000
               mmap:   reserved=1550MB, committed=222MB

        -                 Java Heap (reserved=128MB, committed=70MB)
                                    (mmap: reserved=128MB, committed=70MB)

        -                     Class (reserved=1031MB, committed=93MB)
                                    (classes #17000)
        -                    Thread (reserved=30MB, committed=8MB)
        """;

    NativeMemory n = NativeMemory.parse(summary);

    assertThat(n.committedMb()).isEqualTo(262);
    assertThat(n.categories())
        .containsExactly(
            Map.entry("Java Heap", 70L), Map.entry("Class", 93L), Map.entry("Thread", 8L));
    assertThat(NativeMemory.parse("Native memory tracking is not enabled").committedMb())
        .isEqualTo(-1);
  }

  @Test
  void tipsWrkAcceptedAreFollowedToTheirFirstVerifiedDelivery(@TempDir Path dir) throws Exception {
    String a = "6252d5ff-df41-4ca2-9218-aad3d1beb304";
    String b = "354993cf-bee6-4ca5-b6d5-abb57f5e4752";
    Files.writeString(dir.resolve("accepted-1.txt"), a + " 2026-11-29T05:00:00Z\n");
    Files.writeString(dir.resolve("accepted-2.txt"), b + " 2026-11-29T05:00:01Z\n");
    Map<String, Instant> tips = TipToWebhook.readAccepted(dir);
    // no bank listening there: only the deliveries given below count
    TipToWebhook follow = new TipToWebhook("http://127.0.0.1:1/deliveries/970422");

    follow.delivered(false, "{\"tipId\":\"" + a + "\"}", Instant.parse("2026-11-29T05:00:00.010Z"));
    follow.delivered(true, "{\"tipId\":\"" + a + "\"}", Instant.parse("2026-11-29T05:00:00.300Z"));
    follow.delivered(true, "{\"tipId\":\"" + a + "\"}", Instant.parse("2026-11-29T05:00:00.100Z"));

    assertThat(tips).containsOnlyKeys(a, b);
    assertThat(follow.delivered(tips)).isEqualTo(1);
    Latencies l = follow.latencies(tips);
    assertThat(l.count()).isEqualTo(1);
    assertThat(l.percentileMillis(50)).isEqualTo(100.0);
  }

  /** A step as wrk reports it: {@code requests} over its seconds, {@code errors} of them 5xx. */
  private static Step wrk(Step step, long requests, long errors, long p99Micros) {
    step.record(
        new WrkResult(
            requests,
            step.seconds * 1_000_000L,
            0,
            0,
            0,
            errors,
            0,
            p99Micros,
            p99Micros,
            p99Micros,
            p99Micros,
            1.0));
    return step;
  }
}
