package io.fraudtip.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.stack.Service;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./run-benchmark --soak 30m}: the whole loop at a moderate, steady rate for a long while
 * (tips posted by wrk and followed to the demo bank), one sample a minute of each service's RSS,
 * heap after a full GC, open files and threads, of the outbox backlog and consumer lag (by group
 * and topic), of each process's share of the machine's CPU in the minute, and of PostgreSQL's
 * statements ({@link StatementStats}). Writes {@code target/benchmark/soak.md} and fails when any
 * of them grows without bound (see {@link SoakVerdict}) or a minute's tips did not all reach the
 * bank.
 *
 * <p>Settings (system properties): {@code fraudtip.benchmark.soak} the duration ({@code 30m},
 * {@code 2h}, minutes when a bare number); {@code fraudtip.benchmark.soak-rate} tips per second
 * (default 50).
 */
public class SoakSimulation extends Simulation {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  /** Time a minute's tips get, after the minute, to reach the bank before they count as late. */
  private static final Duration LOOP_GRACE = Duration.ofSeconds(30);

  private final Path out =
      Path.of(System.getProperty("fraudtip.benchmark.out", "target/benchmark"));
  private final Duration duration = parse(System.getProperty("fraudtip.benchmark.soak", "30m"));
  private final int rate = Integer.getInteger("fraudtip.benchmark.soak-rate", 50);

  {
    List<SoakSample> samples = new ArrayList<>();
    List<String> late = new ArrayList<>();
    Instant startedAt = Instant.now();
    String statements = "";
    try (BenchStack stack =
            BenchStack.start(out, ServiceJvm.current(), StatementStats.SERVER_SETTINGS);
        ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers())) {
      StatementStats pg = StatementStats.start(stack.postgres());
      Wrk wrk = Wrk.prepare(out.resolve("wrk"));
      TipToWebhook bank = new TipToWebhook(stack.deliveriesUrl() + "/" + PlatformSimulation.BANK);
      String tips = stack.baseUrl(Service.INTAKE) + "/api/v1/tips";
      CpuSampler cpu = PlatformSimulation.cpuSampler(stack);
      long minutes = Math.max(1, duration.toMinutes());
      Map<String, Instant> previous = Map.of();
      for (int minute = 1; minute <= minutes; minute++) {
        Path track = out.resolve("soak-track").resolve(Integer.toString(minute));
        Files.createDirectories(track);
        Step step = new Step("soak minute " + minute, rate, (int) MINUTE.toSeconds());
        CpuSampler.Window window = cpu.begin();
        WrkResult run = wrk.run(step, tips, Wrk.Mode.TIPS, null, track, null);
        Map<String, Double> cpuShares = cpu.end(window, run.generatorCpuSeconds());
        pg.minute();
        // The previous minute's tips have had a whole minute since: each must be at the bank.
        int delivered = bank.delivered(previous);
        if (delivered < previous.size()) {
          late.add(
              "minute "
                  + (minute - 1)
                  + ": "
                  + (previous.size() - delivered)
                  + " of "
                  + previous.size()
                  + " tips not at the bank a minute later");
        }
        Map<String, Instant> accepted = TipToWebhook.readAccepted(track);
        Latencies latencies = bank.latencies(previous);
        samples.add(sample(stack, lag, minute, step, accepted.size(), latencies, cpuShares));
        System.out.println("[soak] " + samples.get(samples.size() - 1).line());
        previous = accepted;
      }
      awaitLast(bank, previous, late);
      statements = pg.markdown(10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SoakVerdict verdict = SoakVerdict.of(samples, rate);
    String report =
        SoakReport.markdown(startedAt, duration, rate, samples, verdict, late) + statements;
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("soak.md"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(report);
    if (!verdict.bounded() || !late.isEmpty()) {
      throw new IllegalStateException(
          "the soak run found growth or late tips: see " + out.resolve("soak.md"));
    }
  }

  {
    // Gatling needs a population; the soak itself ran above, with wrk as the generator.
    setUp(scenario("soak done").exec(exec(session -> session)).injectOpen(atOnceUsers(1)));
  }

  private void awaitLast(TipToWebhook bank, Map<String, Instant> last, List<String> late) {
    long until = System.nanoTime() + LOOP_GRACE.toNanos();
    while (bank.delivered(last) < last.size() && System.nanoTime() < until) {
      sleep(500);
    }
    int delivered = bank.delivered(last);
    if (delivered < last.size()) {
      late.add(
          "last minute: "
              + (last.size() - delivered)
              + " of "
              + last.size()
              + " tips not at the bank "
              + LOOP_GRACE.toSeconds()
              + " s later");
    }
  }

  private SoakSample sample(
      BenchStack stack,
      ConsumerLag lag,
      int minute,
      Step step,
      int accepted,
      Latencies webhookOfPrevious,
      Map<String, Double> cpu) {
    Map<Service, SoakSample.Process> processes = new EnumMap<>(Service.class);
    Map<Service, Long> outbox = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      long pid = stack.pid(s);
      processes.put(
          s,
          new SoakSample.Process(
              RssSampler.rssKb(pid) / 1024.0,
              heapAfterGcMb(stack, pid),
              openFiles(pid),
              threads(pid)));
      outbox.put(s, unpublished(stack.postgres(), s));
    }
    return new SoakSample(
        minute,
        step.throughput(),
        step.failedCount(),
        accepted,
        webhookOfPrevious.count() == 0 ? Double.NaN : webhookOfPrevious.percentileMillis(99),
        processes,
        outbox,
        lag.byGroupAndTopic().orElseGet(TreeMap::new),
        cpu);
  }

  /** Runs a full GC in the process and reads the heap it still uses (jcmd), in MB. */
  private static double heapAfterGcMb(BenchStack stack, long pid) {
    String jcmd = stack.jvm().jcmd().toString();
    run(jcmd, Long.toString(pid), "GC.run");
    return SoakSample.heapUsedMb(run(jcmd, Long.toString(pid), "GC.heap_info"));
  }

  private static long openFiles(long pid) {
    try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private static long threads(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("Threads:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone: no sample
    }
    return -1;
  }

  private static long unpublished(PostgresServer postgres, Service s) {
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(s.database()), PostgresServer.USER, PostgresServer.PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return text;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** {@code 30m}, {@code 2h}, {@code 90s}, or minutes when a bare number. */
  static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("h")) {
      return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    if (t.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    return Duration.ofMinutes(Long.parseLong(t));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
