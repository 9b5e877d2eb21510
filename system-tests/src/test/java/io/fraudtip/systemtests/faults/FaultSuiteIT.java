package io.fraudtip.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.ScratchDirectories;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.LocalStack.KafkaMode;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.ServiceProcess;
import io.fraudtip.localstack.stack.StackSettings;
import io.fraudtip.systemtests.faults.TipLoad.Accepted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SPEC §9's fault suite: tips flow in steadily (naming accounts and phones from a small pool, so
 * that cases link and merge meanwhile) while, one at a time, each service is killed with {@code
 * kill -9} and restarted, the Kafka broker (a process of its own) and PostgreSQL are killed with
 * {@code kill -9} and restarted on their data, a bank's endpoint is down and comes back,
 * notification-service is killed while retries are pending, and two instances of every service run
 * at once. The client retries with its {@code Idempotency-Key} as a careful one would. After each
 * fault the ledger ({@link LedgerCheck}) is checked over the whole run, and a line per fault gives
 * its counts and the share of requests that failed ({@code LEDGER ...}, also in {@code
 * target/fault-ledger.txt}). At the end every tip the client meant must have ended accepted once.
 *
 * <p>The suite runs its own stack (it kills things), on free ports in a scratch home. Its services
 * get a rate limit high enough for the load and a retry schedule of seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
  /**
   * Time between two tips: modest, below what case-service (one tip per transaction, in partition
   * order) keeps up with on a shared 2-core machine, so that each fault's backlog drains.
   */
  private static final int TIP_INTERVAL_MS =
      Integer.getInteger("fraudtip.faults.tip-interval-ms", 750);

  private static final Duration SETTLE = Duration.ofMinutes(4);
  private static final Duration QUIET = Duration.ofSeconds(5);
  private static final Duration STALL = Duration.ofSeconds(90);
  private static final Path LEDGER_FILE = Path.of("target", "fault-ledger.txt");
  private static final Duration OUTAGE = Duration.ofSeconds(4);
  private static final int BACKLOG = 60;

  /**
   * notification-service's default retry schedule (its {@code fraudtip.webhooks.retry-schedule}):
   * attempts at once, then after 5 s, 30 s, 2 min, 10 min, 30 min, 2 h...
   */
  static final List<Duration> PRODUCTION_SCHEDULE =
      java.util.stream.Stream.of(
              "PT0S", "PT5S", "PT30S", "PT2M", "PT10M", "PT30M", "PT2H", "PT5H", "PT10H", "PT14H",
              "PT24H", "PT24H")
          .map(Duration::parse)
          .toList();

  /** Schedule time runs this many times faster than in production: an hour takes 10 s. */
  static final long SCHEDULE_SCALE = 360;

  /** A bank outage of an hour in schedule time. */
  static final Duration BANK_OUTAGE = Duration.ofHours(1).dividedBy(SCHEDULE_SCALE);

  /**
   * With a second instance of each service up, the share of requests that may fail while the first
   * is dead: those under way at the kill, and one per instance check (every 5 s) of the dead one.
   */
  private static final double TWO_INSTANCE_FAILED_SHARE = 0.25;

  static LocalStack stack;
  private static Path home;
  static TipLoad load;
  static Ledger ledger;
  static final List<String> lines = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    Files.deleteIfExists(LEDGER_FILE);
    Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
    home = ScratchDirectories.create("fraudtip-faults-");
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, FreePorts.pick());
    }
    stack =
        LocalStack.start(
            new StackSettings(
                repository,
                home,
                ports,
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                environment()),
            KafkaMode.OWN_PROCESS,
            line -> System.out.println("[fault-stack] " + line));
    // A test JVM that is stopped outright must not leave service processes behind.
    LocalStack started = stack;
    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fault-stack-stop"));
    ledger = new Ledger(stack);
    load = new TipLoad(List.of(stack.baseUrl(Service.INTAKE))).start(TIP_INTERVAL_MS);
    await().atMost(Duration.ofSeconds(90)).until(() -> load.accepted().size() >= 5);
    record("Fault suite ledger (a tip every " + TIP_INTERVAL_MS + " ms), " + Instant.now());
  }

  /** The services' settings for this suite, through their environment. */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("FRAUDTIP_WEBHOOKS_ALLOW_LOCAL_URLS", "true");
    // The load comes from one address at more than the default 120 tips a minute.
    env.put("FRAUDTIP_INTAKE_RATE_LIMITS_PER_ADDRESS_CAPACITY", "1000000");
    env.put("FRAUDTIP_INTAKE_RATE_LIMITS_PER_CLIENT_CAPACITY", "1000000");
    // The production retry schedule, every wait divided by SCHEDULE_SCALE: an hour of it passes
    // in seconds, and the bank outage below spans what an hour's outage spans in production.
    env.put("FRAUDTIP_WEBHOOKS_RETRY_SCHEDULE", scaledSchedule());
    env.put("FRAUDTIP_WEBHOOKS_JITTER", "0.1");
    env.put("FRAUDTIP_WEBHOOKS_CONNECT_TIMEOUT", "1s");
    env.put("FRAUDTIP_WEBHOOKS_READ_TIMEOUT", "3s");
    env.put("FRAUDTIP_WEBHOOKS_POLL_INTERVAL", "200ms");
    env.put("FRAUDTIP_WEBHOOKS_MAX_RETRY_AFTER", "5s");
    // A killed consumer's partitions go to the others (or its restart) after seconds, not 45 s.
    env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
    env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "2000");
    return env;
  }

  /**
   * notification-service's default retry schedule, each wait divided by {@link #SCHEDULE_SCALE}.
   */
  static String scaledSchedule() {
    return PRODUCTION_SCHEDULE.stream()
        .map(d -> d.toMillis() / SCHEDULE_SCALE + "ms")
        .collect(Collectors.joining(","));
  }

  @AfterAll
  static void stop() {
    if (load != null) {
      load.close();
    }
    System.out.println("Fault suite ledger (a tip every " + TIP_INTERVAL_MS + " ms):");
    lines.forEach(System.out::println);
    if (stack != null) {
      stack.close();
      ScratchDirectories.deleteQuietly(home, "logs");
    }
  }

  @Test
  @Order(1)
  void intakeKilledWithSigkillAndRestarted() {
    fault("kill -9 intake-service", () -> killAndRestart(Service.INTAKE));
  }

  @Test
  @Order(2)
  void caseServiceKilledWithSigkillAndRestarted() {
    fault("kill -9 case-service", () -> killAndRestart(Service.CASES));
  }

  @Test
  @Order(3)
  void notificationServiceKilledWithSigkillAndRestarted() {
    fault("kill -9 notification-service", () -> killAndRestart(Service.NOTIFICATION));
  }

  /**
   * The consumers are killed while they work through a backlog: both down while a burst of tips
   * arrives, started again, and killed again as soon as each has taken part of it in (a batch under
   * way, its offsets not yet committed), then started once more.
   */
  @Test
  @Order(4)
  void consumersKilledWithSigkillMidBacklog() {
    int[] takenIn = new int[2];
    fault(
        "kill -9 case- and notification-service mid-backlog of " + BACKLOG + " tips",
        () -> {
          stack.kill(Service.CASES);
          stack.kill(Service.NOTIFICATION);
          List<Integer> backlog = load.burst(BACKLOG);
          // One tip in fifteen is invalid on purpose: the burst is in once each tip of it is
          // accepted or refused.
          await().atMost(Duration.ofSeconds(90)).until(() -> concluded(backlog));
          Set<UUID> tips = tipIds(backlog);
          CompletableFuture<Integer> cases =
              CompletableFuture.supplyAsync(
                  () -> restartAndKillMidBacklog(Service.CASES, tips, ledger::caseOfTipIds));
          CompletableFuture<Integer> alerts =
              CompletableFuture.supplyAsync(
                  () -> restartAndKillMidBacklog(Service.NOTIFICATION, tips, ledger::alertedTips));
          takenIn[0] = cases.join();
          takenIn[1] = alerts.join();
          stack.restart(Service.CASES);
          stack.restart(Service.NOTIFICATION);
        });
    record(
        String.format(
            "  at the second kill, case-service had %d and notification-service %d of the %d"
                + " backlog tips in",
            takenIn[0], takenIn[1], BACKLOG));
  }

  /**
   * Starts the service, kills it as soon as some of the tips are handled, and says how many were.
   */
  private static int restartAndKillMidBacklog(
      Service s, Set<UUID> tips, Supplier<Set<UUID>> handled) {
    stack.restart(s);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int done = 0;
    while (done == 0 && System.nanoTime() < deadline) {
      Set<UUID> seen = new java.util.HashSet<>(handled.get());
      seen.retainAll(tips);
      done = seen.size();
      if (done == 0) {
        sleep(Duration.ofMillis(100));
      }
    }
    stack.kill(s);
    return done;
  }

  private static boolean concluded(List<Integer> seqs) {
    Set<Integer> done = new java.util.HashSet<>();
    load.accepted().values().forEach(a -> done.add(a.seq()));
    load.refused().forEach(n -> done.add(n.seq()));
    load.givenUp().forEach(n -> done.add(n.seq()));
    return done.containsAll(seqs);
  }

  private static Set<UUID> tipIds(List<Integer> seqs) {
    Set<Integer> wanted = new java.util.HashSet<>(seqs);
    return load.accepted().values().stream()
        .filter(a -> wanted.contains(a.seq()))
        .map(Accepted::tipId)
        .collect(Collectors.toSet());
  }

  @Test
  @Order(5)
  void kafkaBrokerKilledWithSigkillAndRestartedOnItsLogs() {
    fault(
        "kill -9 Kafka broker",
        () -> {
          stack.killKafka();
          sleep(OUTAGE);
          stack.restartKafka();
        });
  }

  @Test
  @Order(6)
  void postgresKilledWithSigkillAndRestartedOnItsData() {
    fault(
        "kill -9 PostgreSQL",
        () -> {
          stack.killPostgres();
          sleep(OUTAGE);
          stack.restartPostgres();
        });
  }

  /**
   * A bank answers {@code 503} for an hour of schedule time, then {@code 200}: its alerts are
   * retried on the production schedule (about six attempts in the hour, not one every poll) and
   * delivered after it, each under one {@code webhook-id}.
   */
  @Test
  @Order(7)
  void bankEndpointDownForAnHourOfScheduleTimeThenBack() {
    String bin = "970422";
    DemoBank.Receiver bank = stack.demoBank().receiver(bin);
    fault(
        "bank 970422 answering 503 for an hour of schedule time ("
            + BANK_OUTAGE.toSeconds()
            + " s)",
        () -> {
          bank.answerAlways(503);
          try {
            // The load names this bank only when a tip brings one of its accounts into a case,
            // which a fixed window may miss: the hour is counted from the first call refused.
            await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(
                    () ->
                        ledger.receipts().stream()
                            .anyMatch(h -> h.bin().equals(bin) && h.answered() == 503));
            sleep(BANK_OUTAGE);
          } finally {
            bank.answerAlways(200);
          }
        });
    List<Books.Receipt> refused =
        ledger.receipts().stream().filter(h -> h.bin().equals(bin) && h.answered() == 503).toList();
    assertThat(refused).as("the bank was called while down").isNotEmpty();
    Set<UUID> refusedAlerts =
        refused.stream().map(Books.Receipt::alertId).collect(Collectors.toSet());
    // 0 s, 5 s, 30 s, 2 min, 10 min, 30 min fit in an hour; the next is at 2 h 42 min.
    int attemptsInAnHour = 6;
    Map<UUID, List<Books.Receipt>> byAlert =
        ledger.receipts().stream()
            .filter(h -> refusedAlerts.contains(h.alertId()))
            .collect(Collectors.groupingBy(Books.Receipt::alertId));
    byAlert.forEach(
        (alert, hooks) -> {
          assertThat(hooks.stream().filter(h -> h.answered() == 503))
              .as("alert %s: attempts during the outage follow the schedule", alert)
              .hasSizeLessThanOrEqualTo(attemptsInAnHour);
          assertThat(hooks)
              .as("alert %s delivered after the outage", alert)
              .anyMatch(h -> h.answered() == 200);
          assertThat(hooks.stream().map(Books.Receipt::webhookId).distinct())
              .as("alert %s keeps its webhook-id", alert)
              .hasSize(1);
        });
    record(
        String.format(
            "  bank outage: %d alerts refused with 503 during it, %d attempts in all; every one"
                + " delivered after it under its first webhook-id",
            byAlert.size(), refused.size()));
  }

  /** Issue #5: pending retries are in the database, so a killed service delivers them later. */
  @Test
  @Order(8)
  void notificationKilledWhileRetriesArePendingDeliversThemAfterRestart() {
    Set<UUID> pending = new java.util.HashSet<>();
    fault(
        "kill -9 notification-service with retries pending (banks answering 500)",
        () -> {
          TipLoad.BANKS.forEach(b -> stack.demoBank().receiver(b).answerAlways(500));
          await().atMost(Duration.ofSeconds(60)).until(() -> failedAlerts().size() >= 10);
          stack.kill(Service.NOTIFICATION);
          pending.addAll(failedAlerts());
          TipLoad.BANKS.forEach(b -> stack.demoBank().receiver(b).answerAlways(200));
          stack.restart(Service.NOTIFICATION);
        });
    Map<UUID, List<Books.Receipt>> byAlert =
        ledger.receipts().stream()
            .filter(h -> pending.contains(h.alertId()))
            .collect(Collectors.groupingBy(Books.Receipt::alertId));
    assertThat(pending).isNotEmpty();
    for (UUID alert : pending) {
      List<Books.Receipt> hooks = byAlert.get(alert);
      assertThat(hooks).as("alert %s", alert).anyMatch(h -> h.answered() == 200);
      assertThat(hooks.stream().map(Books.Receipt::webhookId).distinct())
          .as("alert %s keeps its webhook-id across the restart", alert)
          .hasSize(1);
    }
    record(
        "  issue #5: "
            + pending.size()
            + " alerts answered 500 and not yet delivered when notification-service was killed;"
            + " all delivered after the restart with their first webhook-id");
  }

  /**
   * Two instances of each service share the work; then one of each is killed with {@code kill -9}
   * while the other goes on. A client that passes over an instance that failed (as a load balancer
   * would) loses at most the requests under way at the kill and one per instance check: asserted as
   * at most {@link #TWO_INSTANCE_FAILED_SHARE} of the requests during the kill, and no tip needing
   * more than one retry.
   */
  @Test
  @Order(9)
  void twoInstancesOfEachServiceWithOneOfEachKilled() {
    List<ServiceProcess> extra = new ArrayList<>();
    TipLoad.Requests[] duringKill = new TipLoad.Requests[1];
    Instant[] killWindow = new Instant[2];
    fault(
        "two instances of each service, one of each killed with SIGKILL for 20 s",
        () -> {
          try {
            // One after the other: three JVMs starting at once on a busy 2-core machine may miss
            // the readiness timeout.
            for (Service s : Service.values()) {
              extra.add(stack.startInstance(s, FreePorts.pick(), Map.of()));
            }
            ServiceProcess intake2 =
                extra.stream().filter(p -> p.service() == Service.INTAKE).findFirst().orElseThrow();
            load.intakeUrls(List.of(stack.baseUrl(Service.INTAKE), intake2.baseUrl()));
            sleep(Duration.ofSeconds(10));
            TipLoad.Requests before = load.requests();
            killWindow[0] = Instant.now();
            for (Service s : Service.values()) {
              stack.kill(s);
            }
            sleep(Duration.ofSeconds(20));
            duringKill[0] = load.requests().minus(before);
            killWindow[1] = Instant.now();
            for (Service s : Service.values()) {
              stack.restart(s);
            }
            load.intakeUrls(List.of(stack.baseUrl(Service.INTAKE)));
            sleep(Duration.ofSeconds(2));
          } finally {
            extra.forEach(ServiceProcess::close);
          }
        });
    assertThat(extra).hasSize(3);
    TipLoad.Requests kill = duringKill[0];
    record(
        String.format(
            "  with a second instance of each: %d requests while one of each was dead, %d failed"
                + " (%.1f %%, bound %.0f %%)",
            kill.sent(), kill.failed(), 100 * kill.failedShare(), 100 * TWO_INSTANCE_FAILED_SHARE));
    assertThat(kill.sent()).as("requests while one instance was dead").isPositive();
    assertThat(kill.failedShare())
        .as("share of requests that failed while a second intake was up")
        .isLessThanOrEqualTo(TWO_INSTANCE_FAILED_SHARE);
    assertThat(load.accepted().values())
        .filteredOn(a -> !a.at().isBefore(killWindow[0]) && !a.at().isAfter(killWindow[1]))
        .as("tips accepted while one intake was dead needed at most one retry")
        .isNotEmpty()
        .allMatch(a -> a.attempts() <= 2);
  }

  /**
   * After the faults: the load stops, every tip under way ends, and every tip the client meant to
   * submit ended accepted exactly once (or refused, the invalid ones); the ledger balances over the
   * whole run with nothing left unaccounted.
   */
  @Test
  @Order(99)
  void everyTipTheClientMeantEndedAcceptedExactlyOnce() {
    load.close();
    Map<Integer, TipLoad.Intended> intended = load.intended();
    Collection<Accepted> accepted = load.accepted().values();
    // The load has stopped: every alert is due, whenever it was raised.
    awaitSettled(accepted, Instant.MAX);
    LedgerCheck.Result r = ledger.check(load, accepted, Instant.MAX, true);
    record(
        String.format(
            "LEDGER %-62s | meant %4d, accepted %4d, refused %3d, given up %d, skipped ticks %d |"
                + " %s",
            "end of run",
            intended.size(),
            accepted.size(),
            load.refused().size(),
            load.givenUp().size(),
            load.skipped(),
            summary(r)));
    r.problems().stream().limit(20).forEach(p -> record("  problem: " + p));
    Set<Integer> concluded = new java.util.HashSet<>();
    accepted.forEach(
        a -> assertThat(concluded.add(a.seq())).as("tip #%d accepted once", a.seq()).isTrue());
    load.refused().forEach(n -> concluded.add(n.seq()));
    assertThat(concluded)
        .as("every tip meant ended accepted or refused")
        .isEqualTo(intended.keySet());
    assertThat(r.problems()).isEmpty();
  }

  /** Alerts the banks answered with an error and have not yet received with a 2xx. */
  private static Set<UUID> failedAlerts() {
    List<Books.Receipt> hooks = ledger.receipts();
    Set<UUID> delivered =
        hooks.stream()
            .filter(h -> h.answered() / 100 == 2)
            .map(Books.Receipt::alertId)
            .collect(Collectors.toSet());
    return hooks.stream()
        .filter(h -> h.answered() == 500 && !delivered.contains(h.alertId()))
        .map(Books.Receipt::alertId)
        .collect(Collectors.toSet());
  }

  private static void killAndRestart(Service s) {
    stack.kill(s);
    sleep(OUTAGE);
    stack.restart(s);
  }

  /**
   * Runs one fault under the load, then waits until every tip accepted so far has settled and
   * checks the ledger over the whole run.
   */
  private static void fault(String name, Runnable fault) {
    Collection<Accepted> acceptedBefore = load.accepted().values();
    int inFlight = ledger.unfinished(acceptedBefore, Instant.now()).size();
    TipLoad.Requests requestsBefore = load.requests();
    long start = System.nanoTime();
    try {
      fault.run();
    } finally {
      // A fault that failed half-way must not leave a service down for the faults after it.
      for (Service s : Service.values()) {
        if (!stack.process(s).isAlive()) {
          record("  " + s.module() + " was left down by the fault: restarting it");
          stack.restart(s);
        }
      }
    }
    long faultMillis = (System.nanoTime() - start) / 1_000_000;
    int acceptedDuring = load.accepted().size() - acceptedBefore.size();

    Collection<Accepted> target = load.accepted().values();
    // The follow-up alerts the fault held up are due; those the load raises from here on are not.
    Instant cutoff = Instant.now();
    long settleStart = System.nanoTime();
    awaitSettled(target, cutoff);
    long settleMillis = (System.nanoTime() - settleStart) / 1_000_000;
    TipLoad.Requests requests = load.requests().minus(requestsBefore);
    LedgerCheck.Result r = ledger.check(load, target, cutoff, false);
    record(
        String.format(
            "LEDGER %-62s | in flight %3d | fault %5.1f s, accepted %3d | requests %4d, failed"
                + " %3d (%4.1f %%) | settled in %5.1f s | %s",
            name,
            inFlight,
            faultMillis / 1000.0,
            acceptedDuring,
            requests.sent(),
            requests.failed(),
            100 * requests.failedShare(),
            settleMillis / 1000.0,
            summary(r)));
    r.problems().stream().limit(20).forEach(p -> record("  problem: " + p));
    assertThat(r.problems()).as(name).isEmpty();
  }

  private static String summary(LedgerCheck.Result r) {
    return String.format(
        "accepted %4d, in a standing case %4d, stored once %4d | cases %3d (+%3d merged) |"
            + " alerts due %4d, delivered %4d | receipts %5d (%d duplicate) | dead letters %d |"
            + " refused %3d | %s",
        r.accepted(),
        r.cased(),
        r.storedByIntake(),
        r.standingCases(),
        r.mergedCases(),
        r.alertsDue(),
        r.alertsDelivered(),
        r.receipts(),
        r.duplicateReceipts(),
        r.deadLetters(),
        r.refused(),
        r.balanced() ? "BALANCED" : r.problems().size() + " PROBLEMS");
  }

  /**
   * Waits until every tip accepted (or stored) before the cutoff is in a case and alerted, or until
   * that stops making progress for {@link #STALL} (then the check says what is missing).
   */
  private static void awaitSettled(Collection<Accepted> target, Instant followUpsBefore) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    int fewest = Integer.MAX_VALUE;
    long lastProgress = System.nanoTime();
    long settledSince = 0;
    while (System.nanoTime() < deadline) {
      int open = ledger.unfinished(target, followUpsBefore).size();
      if (open == 0) {
        // A request the fault held up may still commit a tip after this look (its client gave
        // up on it): settled means nothing open for a while, not once.
        if (settledSince == 0) {
          settledSince = System.nanoTime();
        } else if (System.nanoTime() - settledSince >= QUIET.toNanos()) {
          return;
        }
        sleep(Duration.ofSeconds(1));
        continue;
      }
      settledSince = 0;
      if (open < fewest) {
        fewest = open;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
        return;
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  /** Keeps a ledger line, and writes it at once to target/fault-ledger.txt to follow a run. */
  private static void record(String line) {
    System.out.println(line);
    lines.add(line);
    try {
      Files.writeString(
          LEDGER_FILE,
          line + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("could not write " + LEDGER_FILE + ": " + e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
