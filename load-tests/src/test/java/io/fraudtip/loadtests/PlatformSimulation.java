package io.fraudtip.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.fraudtip.localstack.stack.Service;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The SPEC §9 benchmark against one {@link BenchStack}: the machine's ceilings first; then, with
 * wrk as the load generator in a process of its own, the trivial endpoint ladder (the no-op route
 * on the event loop), the watchlist (single ladder, batch of 1,000), tip to webhook at a fixed 200
 * tips/s; last ({@link #after()}) the tip intake ladder, each step's tips followed to the bank (the
 * whole loop), the services' memory on JDK 17 and, when the machine has one, JDK 25, and the
 * intake-alone ladder. Gatling only runs the class. A ladder stops after the first step the server
 * does not keep up with. Each scenario's per-process CPU is sampled. Writes docs/benchmarks.md.
 *
 * <p>Settings (system properties): {@code fraudtip.benchmark.quick} a smoke run (5 s steps, two
 * steps a ladder, short fixed-rate runs; figures not comparable); {@code fraudtip.benchmark.step}
 * seconds per ladder step (60, SPEC §9's "sustained"); {@code fraudtip.benchmark.scale} for the
 * fixed-rate runs and ceilings (1.0); {@code fraudtip.benchmark.jfr} to record each service with
 * JFR; {@code fraudtip.benchmark.nmt} native memory summaries; {@code fraudtip.benchmark.jdk25} a
 * JDK 25 home, or {@code none}.
 */
public class PlatformSimulation extends Simulation {
  static final int[] TRIVIAL_RATES = {500, 1000, 2000, 4000, 8000, 15000, 30000};
  // From 25/s: on two cores the whole loop carries about 30 tips/s, and a ladder starting at 100/s
  // could only report that nothing was sustained.
  static final int[] INTAKE_RATES = {25, 50, 100, 250, 500, 1000, 2000, 3000};

  /**
   * The intake-alone ladder's rates: where the intake ladder ends (the whole loop's limit) up to
   * past SPEC §9's 2,000 tips/s.
   */
  static final int[] INTAKE_ALONE_RATES = {250, 500, 1000, 1500, 2000, 3000};

  /** The intake-alone ladder's name in the report. */
  static final String INTAKE_ALONE = "intake alone";

  static final int[] WATCHLIST_RATES = {250, 500, 1000, 2000, 4000, 8000, 15000};
  static final int TIP_TO_WEBHOOK_RATE = 200;

  /**
   * The tip warm-up's rate and the length of each of its rounds. Tip → webhook's rate: C2 takes a
   * method up when its calls pass a count, so twice the tips a second get there in half the time.
   */
  static final int WARM_UP_RATE = TIP_TO_WEBHOOK_RATE;

  static final int WARM_UP_ROUND_SECONDS = 30;

  /**
   * At most this many warm-up rounds before the tip scenarios (twelve minutes): on fresh services
   * at 200 tips/s the compilers still took 12 % of the machine after eleven minutes, 2 % after
   * sixteen.
   */
  static final int WARM_UP_ROUNDS = 24;

  /** At most this many after the memory phases' restart, before the intake-alone ladder. */
  static final int INTAKE_ALONE_WARM_UP_ROUNDS = 10;

  /** The warm-up ends after a round whose JIT compilers used less than this share (%). */
  static final double QUIET_COMPILERS_PERCENT = 3;

  static final int BATCH_RATE = 10;
  static final int SEEDED = 500;
  static final String BANK = "970422";
  static final double INTAKE_P99_MS = 100;
  static final double SINGLE_P99_MS = 10;
  static final double BATCH_P99_MS = 50;

  /** SPEC §9: every tip of a step reaches its bank within 10 s of the step's end. */
  static final Duration LOOP_GRACE = Duration.ofSeconds(10);

  private final boolean quick = Boolean.getBoolean("fraudtip.benchmark.quick");
  private final int stepSeconds = Integer.getInteger("fraudtip.benchmark.step", quick ? 5 : 60);
  private final double scale =
      Double.parseDouble(System.getProperty("fraudtip.benchmark.scale", quick ? "0.2" : "1.0"));
  private final Duration settleAtMost = Duration.ofSeconds(quick ? 30 : 180);
  private final Path out =
      Path.of(System.getProperty("fraudtip.benchmark.out", "target/benchmark"));
  private final Path docs =
      Path.of(System.getProperty("fraudtip.repository", ".."), "docs", "benchmarks.md");

  private final Instant startedAt = Instant.now();
  private final String loadAtStart = Report.loadAverage();
  private final BenchStack stack = BenchStack.start(out, ServiceJvm.current());
  private final Wrk wrk = Wrk.prepare(out.resolve("wrk"));
  private final RssSampler rss = new RssSampler(stack);
  private final CpuSampler cpu = cpuSampler(stack);
  private final String bankToken = stack.tokens().bank(BANK);
  private final String intake = stack.baseUrl(Service.INTAKE);
  private final String cases = stack.baseUrl(Service.CASES);
  private final Seeds seeds = new Seeds(BANK);
  private final Report.Results results = new Report.Results();
  private final TipToWebhook tipToWebhook = new TipToWebhook(stack.deliveriesUrl() + "/" + BANK);
  private final ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers());

  {
    results.startedAt = startedAt;
    results.loadAtStart = loadAtStart;
    results.stepSeconds = stepSeconds;
    results.scale = scale;
    results.quick = quick;
    results.jvm = stack.jvm().label();
    seeds.seedWatchlist(quick ? 50 : SEEDED, intake, cases, bankToken);
    measureCeilings();
    Path listedFile = out.resolve("wrk/listed.txt");
    Path batchFile = out.resolve("wrk/batch.json");
    try {
      Files.write(listedFile, seeds.listed());
      Files.writeString(batchFile, seeds.batchOfThousand());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    ladder(
        "trivial",
        TRIVIAL_RATES,
        Double.NaN,
        step -> run(step, intake + "/bench/noop", Wrk.Mode.NOOP, null, null, null));
    ladder(
        "watchlist single",
        WATCHLIST_RATES,
        SINGLE_P99_MS,
        step -> run(step, cases, Wrk.Mode.WATCHLIST, listedFile, null, bankToken));
    // Warmed as every other scenario is: single checks are answered before authentication and the
    // REST layer, so the batch's path through them is the first to run it hot (the JIT compilers
    // took 17 % of the machine in the unwarmed batch step of the 20:58 run, against 10 % at 18:04).
    Consumer<Step> batches =
        step ->
            run(
                step,
                cases + "/api/v1/watchlist/check",
                Wrk.Mode.BATCH,
                batchFile,
                null,
                bankToken);
    batches.accept(new Step("warm-up watchlist batch 1000", BATCH_RATE, seconds(10)));
    batches.accept(fixed("watchlist batch 1000", BATCH_RATE, seconds(20), BATCH_P99_MS));

    warmUpTips();
    // Tip → webhook at SPEC §9's fixed rate from wrk, as every other step: until 2026-12-02 it was
    // Gatling's, in this JVM, which took 10-15 % of the machine beside the loop it measured.
    Step webhook = fixed("tip to webhook", TIP_TO_WEBHOOK_RATE, stepSeconds, Double.NaN);
    followedStep(webhook).forEach(tipToWebhook::accepted);
    settleDeliveries();
    // Gatling needs a population; every scenario runs here and in after(), with wrk.
    setUp(scenario("scenarios done").exec(exec(session -> session)).injectOpen(atOnceUsers(1)));
  }

  /** The stack's processes, each watched on its own (PostgreSQL with its backends). */
  static CpuSampler cpuSampler(BenchStack stack) {
    CpuSampler cpu = new CpuSampler();
    for (Service s : Service.values()) {
      cpu.watch(s.module(), () -> stack.pid(s));
    }
    return cpu.watch("Kafka broker", stack::brokerPid)
        .watch("demo bank", stack::bankPid)
        .watchTree("PostgreSQL", stack::postgresPid)
        .watch("benchmark JVM", () -> ProcessHandle.current().pid())
        .watchCompilers(
            CpuSampler.COMPILERS,
            Arrays.stream(Service.values()).<LongSupplier>map(s -> () -> stack.pid(s)).toList());
  }

  /**
   * Tips at {@link #WARM_UP_RATE} in rounds until a round's JIT compilers were quiet, then the
   * consumers left to catch up. A service that has run for a day has its tip path compiled; after a
   * warm-up of 1,000 tips, the compilers still took a third of the machine in the intake ladder's
   * first step. The report says how long it took and what was left.
   */
  private void warmUpTips() {
    int rounds = quick ? 1 : WARM_UP_ROUNDS;
    WarmUp warmUp = warmTips("tips", rounds);
    int round = warmUp.rounds();
    double compilers = warmUp.compilers();
    results.warmUp =
        String.format(
            Locale.ROOT,
            "Tip warm-up before the tip scenarios: %d round%s of %d s at %d tips/s, until a round's"
                + " JIT compilers used less than %.0f %% of the machine (at most %d rounds); the"
                + " last round's: %.1f %%.",
            round,
            round == 1 ? "" : "s",
            seconds(WARM_UP_ROUND_SECONDS),
            WARM_UP_RATE,
            QUIET_COMPILERS_PERCENT,
            rounds,
            compilers);
    settleLag("after the tip warm-up");
  }

  /** How many warm-up rounds ran, and the last one's JIT compilers (share of the machine, %). */
  private record WarmUp(int rounds, double compilers) {}

  /**
   * Rounds of tips at {@link #WARM_UP_RATE} until one's JIT compilers were quiet, at most these.
   */
  private WarmUp warmTips(String name, int rounds) {
    double compilers = Double.NaN;
    int round = 0;
    while (round < rounds) {
      round++;
      Step step = new Step("warm-up " + name, WARM_UP_RATE, seconds(WARM_UP_ROUND_SECONDS));
      compilers = tips(step, null).get(CpuSampler.COMPILERS);
      System.out.printf(
          Locale.ROOT,
          "[bench] %s warm-up round %d: JIT compilers %.1f %% of the machine%n",
          name,
          round,
          compilers);
      if (compilers < QUIET_COMPILERS_PERCENT) {
        break;
      }
    }
    return new WarmUp(round, compilers);
  }

  /** One wrk step of unique tips to intake; {@code track} as {@link Wrk#run}'s, or null. */
  private Map<String, Double> tips(Step step, Path track) {
    return run(step, intake + "/api/v1/tips", Wrk.Mode.TIPS, null, track, null);
  }

  /**
   * Runs one wrk step with its CPU window, reported unless it is a warm-up.
   *
   * @return each process's share of the machine during the step ({@link CpuSampler#end})
   */
  private Map<String, Double> run(
      Step step, String url, Wrk.Mode mode, Path file, Path track, String token) {
    CpuSampler.Window window = cpu.begin();
    Map<Service, Long> collectors = collectorTicks();
    long from = System.currentTimeMillis();
    WrkResult r = wrk.run(step, url, mode, file, track, token);
    Map<String, Double> shares = cpu.end(window, r.generatorCpuSeconds());
    if (!step.ladder.startsWith("warm-up")) {
      results.cpu.put(step.name, shares);
      long to = System.currentTimeMillis();
      Map<Service, Long> collectorsAfter = collectorTicks();
      Map<Service, GcPauses> pauses = new EnumMap<>(Service.class);
      for (Service s : Service.values()) {
        GcPauses p = GcPauses.read(stack.gcLog(s), from, to);
        Long before = collectors.get(s);
        Long after = collectorsAfter.get(s);
        pauses.put(
            s, before == null || after == null ? p : p.withCpu(CpuSampler.millis(after - before)));
      }
      results.gc.put(step.name, pauses);
    }
    return shares;
  }

  /** Each running service's collector threads' ticks (a service not running is left out). */
  private Map<Service, Long> collectorTicks() {
    Map<Service, Long> ticks = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      try {
        long[] collector = CpuSampler.collectorThreads(stack.pid(s));
        if (collector[1] > 0) {
          ticks.put(s, collector[0]);
        }
      } catch (RuntimeException e) {
        // not running
      }
    }
    return ticks;
  }

  /**
   * Waits up to three minutes for the fixed-rate step's tips to reach the bank and consumers to
   * catch up, so that late deliveries are in its figures and the next scenario starts quiet.
   */
  private void settleDeliveries() {
    long until = System.nanoTime() + settleAtMost.toNanos();
    while (!settled() && System.nanoTime() < until) {
      sleep(500);
    }
    System.out.printf(
        Locale.ROOT,
        "[bench] tip to webhook: %d of %d tips at the bank, consumer lag %d%n",
        tipToWebhook.delivered(),
        tipToWebhook.acceptedCount(),
        lag.total());
  }

  private boolean settled() {
    return tipToWebhook.complete() && lag.total() == 0;
  }

  /** Waits (at most {@link #settleAtMost}) until every consumer group has caught up. */
  private void settleLag(String name) {
    long until = System.nanoTime() + settleAtMost.toNanos();
    while (lag.total() != 0 && System.nanoTime() < until) {
      sleep(500);
    }
    System.out.println("[bench] " + name + ": consumer lag " + lag.total());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int seconds(int full) {
    return Math.max(3, (int) Math.round(full * scale));
  }

  private Step fixed(String name, int rate, int seconds, double p99BoundMs) {
    Step step = new Step(name, rate, seconds, p99BoundMs);
    results.ladders.put(name, List.of(step));
    return step;
  }

  /**
   * A warm-up (100/s for 5 s, not reported), then a ladder that stops after the first step the
   * server does not keep up with; a quick run takes two steps.
   */
  private List<Step> ladder(String name, int[] rates, double p99BoundMs, Consumer<Step> run) {
    run.accept(new Step("warm-up " + name, 100, 5));
    List<Step> steps = new ArrayList<>();
    results.ladders.put(name, steps);
    for (int rate : quick ? Arrays.copyOf(rates, 2) : rates) {
      Step step = new Step(name, rate, stepSeconds, p99BoundMs);
      steps.add(step);
      run.accept(step);
      if (!step.keptUp()) {
        break;
      }
    }
    return steps;
  }

  private void measureCeilings() {
    Ceilings c = new Ceilings(stack, scale);
    try {
      System.out.println("[bench] ceiling: Kafka ProducerPerformance");
      results.ceilings.put("kafkaProducer", c.kafkaProducer());
      System.out.println("[bench] ceiling: bare PostgreSQL insert");
      results.ceilings.put("postgresInsert", c.postgresInsert(8, seconds(10)));
      results.ceilings.put("postgresLookup1000", c.postgresLookup1000(200));
      System.out.println("[bench] ceiling: bare Kafka round trip + HTTP POST");
      results.ceilings.put(
          "kafkaRoundTripPost", c.kafkaRoundTripPlusPost(TIP_TO_WEBHOOK_RATE, seconds(15)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("a ceiling could not be measured", e);
    }
    System.out.println("[bench] ceilings: " + results.ceilings);
  }

  /**
   * One step of tips followed to the bank (the intake ladder's, the fixed-rate tip → webhook): wrk
   * posts unique tips and writes down each accepted one, then the step waits {@link #LOOP_GRACE}
   * for every one of them to reach the bank and every consumer to catch up (the whole loop kept
   * up), records tip → webhook of the step's tips, and lets the platform settle before the next
   * step.
   *
   * @return the step's accepted tips and when each was received
   */
  private Map<String, Instant> followedStep(Step step) {
    Path track =
        out.resolve("track").resolve(step.ladder.replace(' ', '-') + "-" + step.offeredPerSecond);
    try {
      Files.createDirectories(track);
      tips(step, track);
      Map<String, Instant> tips = TipToWebhook.readAccepted(track);
      long until = System.nanoTime() + LOOP_GRACE.toNanos();
      boolean kept = false;
      while (!kept && System.nanoTime() < until) {
        kept = tipToWebhook.delivered(tips) == tips.size() && lag.total() == 0;
        if (!kept) {
          sleep(500);
        }
      }
      step.loopKeptUp = kept && !tips.isEmpty();
      settleLag("after " + step.name);
      Latencies latencies = tipToWebhook.latencies(tips);
      for (long micros : latencies.samples()) {
        step.webhook.add(micros);
      }
      System.out.printf(
          Locale.ROOT,
          "[bench] %s: %d tips accepted, %d at the bank, loop kept up: %s%n",
          step.name,
          tips.size(),
          latencies.count(),
          step.loopKeptUp);
      return tips;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Tip intake with the rest of the loop paused (SIGSTOP to case-service and notification-service,
   * SIGCONT after the ladder): intake-service, its database and the broker with the machine to
   * themselves, as SPEC §9 allows beside the sustained figure when labelled so. Last in the run:
   * the tips it leaves in Kafka are never followed (the stack closes after it), so it is not a
   * figure of the whole loop. It tells what holds the sustained figure back: intake's own path, or
   * the consumers' share of the same two cores.
   */
  private void intakeAloneLadder() throws IOException, InterruptedException {
    List<Long> paused = List.of(stack.pid(Service.CASES), stack.pid(Service.NOTIFICATION));
    signal("STOP", paused);
    try {
      ladder(INTAKE_ALONE, INTAKE_ALONE_RATES, INTAKE_P99_MS, step -> tips(step, null));
    } finally {
      // a stopped JVM would not act on the stack's SIGTERM
      signal("CONT", paused);
    }
  }

  private static void signal(String name, List<Long> pids)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("kill", "-" + name));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + exit);
    }
    System.out.println("[bench] " + String.join(" ", command));
  }

  /**
   * The services' memory on one JDK, on fresh processes with the native memory tracker: tips at the
   * fixed rate and watchlist checks at 1,000/s, while RSS is sampled; then each one's native memory
   * summary.
   */
  private MemoryRun memoryPhase(ServiceJvm jvm) throws Exception {
    return memoryPhase(jvm.withNmt(), seconds(30));
  }

  private MemoryRun memoryPhase(ServiceJvm jvm, int seconds) throws Exception {
    stack.restartServices(jvm);
    try (RssSampler phase = new RssSampler(stack)) {
      tips(new Step("memory tips " + jvm.label(), TIP_TO_WEBHOOK_RATE, seconds), null);
      run(
          new Step("memory watchlist " + jvm.label(), 1000, seconds),
          cases,
          Wrk.Mode.WATCHLIST,
          out.resolve("wrk/listed.txt"),
          null,
          bankToken);
      settleLag("memory " + jvm.label());
      return new MemoryRun(
          jvm.label(),
          "tips at "
              + TIP_TO_WEBHOOK_RATE
              + "/s, then watchlist checks at 1,000/s, "
              + seconds
              + " s each",
          phase.idle(),
          phase.max(),
          nativeMemory(jvm));
    }
  }

  /**
   * Class-data sharing as a memory lever: a training run under the same loads writes each service's
   * archive when it stops (AppCDS on JDK 17, the AOT cache on JDK 25), then a memory phase starts
   * from it. Empty when a service wrote none.
   */
  private Optional<MemoryRun> classArchivePhase(ServiceJvm jvm) throws Exception {
    Path dir = out.resolve("class-archives").resolve(jvm.label().replaceAll("[^A-Za-z0-9]+", "-"));
    Files.createDirectories(dir);
    // an earlier run's archive must not stand in for one this run failed to write
    try (Stream<Path> earlier = Files.list(dir)) {
      for (Path p : earlier.toList()) {
        Files.delete(p);
      }
    }
    memoryPhase(jvm.recordingClassArchive(dir), seconds(15));
    // each JVM of the training run writes its archive as it exits
    ServiceJvm archived = jvm.withClassArchive(dir);
    stack.stopServices();
    for (Service s : Service.values()) {
      Path archive = jvm.archive(dir, s.module());
      // JDK 25 writes the training's configuration as it exits, then a JVM of its own assembles
      // the cache from it, after the service's process has ended; it deletes the configuration
      // when the cache is complete.
      Path configuration = Path.of(archive + ".config");
      long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (Files.exists(configuration) && System.nanoTime() < until) {
        sleep(1000);
      }
      if (!Files.isRegularFile(archive) || Files.exists(configuration)) {
        System.out.println("[bench] " + s.module() + " wrote no " + archive + ": not measured");
        return Optional.empty();
      }
      System.out.printf(
          Locale.ROOT,
          "[bench] %s: %s, %.1f MB%n",
          s.module(),
          archive,
          Files.size(archive) / 1048576.0);
    }
    return Optional.of(memoryPhase(archived));
  }

  private Map<Service, NativeMemory> nativeMemory(ServiceJvm jvm) throws IOException {
    Map<Service, NativeMemory> nmt = new EnumMap<>(Service.class);
    if (!jvm.tracksNativeMemory()) {
      return nmt;
    }
    for (Service s : Service.values()) {
      String summary = stack.nativeMemory(s);
      Files.writeString(
          out.resolve(
              "nmt-" + s.module() + "-" + jvm.label().replaceAll("[^A-Za-z0-9]+", "-") + ".txt"),
          summary);
      nmt.put(s, NativeMemory.parse(summary));
    }
    return nmt;
  }

  /** The intake ladder, the memory phases and the intake-alone ladder, then the report. */
  @Override
  public void after() {
    try {
      ladder("intake", INTAKE_RATES, INTAKE_P99_MS, this::followedStep);
      results.memory.add(
          new MemoryRun(
              stack.jvm().label(),
              "every scenario above",
              rss.idle(),
              rss.max(),
              nativeMemory(stack.jvm())));
      rss.close();
      if (Boolean.parseBoolean(System.getProperty("fraudtip.benchmark.memory", "true"))) {
        Optional<ServiceJvm> jdk25 = ServiceJvm.jdk25();
        ServiceJvm levers = ServiceJvm.current().withLevers();
        results.memory.add(memoryPhase(ServiceJvm.current()));
        results.memory.add(memoryPhase(levers));
        classArchivePhase(levers).ifPresent(results.memory::add);
        results.memory.add(memoryPhase(levers.withC1Only()));
        if (jdk25.isPresent()) {
          results.memory.add(memoryPhase(jdk25.get()));
          classArchivePhase(jdk25.get()).ifPresent(results.memory::add);
        } else {
          System.out.println(
              "[bench] no JDK 25 (none on this machine, or -Dfraudtip.benchmark.jdk25=none):"
                  + " memory on JDK 17 only");
        }
        // the memory phases left the last one's JVM running: back to the configured one, warmed as
        // for the tip scenarios
        stack.restartServices(ServiceJvm.current());
        warmTips(INTAKE_ALONE, quick ? 1 : INTAKE_ALONE_WARM_UP_ROUNDS);
        settleLag("before the " + INTAKE_ALONE + " ladder");
      }
      intakeAloneLadder();
    } catch (Exception e) {
      e.printStackTrace();
    }
    try {
      results.webhook = tipToWebhook.latencies();
      results.tracked = tipToWebhook.acceptedCount();
      results.delivered = tipToWebhook.delivered();
      results.loadAtEnd = Report.loadAverage();
      new Report(results).write(docs, out);
      System.out.println("[bench] wrote " + docs.toAbsolutePath().normalize());
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      rss.close();
      lag.close();
      stack.close();
    }
  }
}
