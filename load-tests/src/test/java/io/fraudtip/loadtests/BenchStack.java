package io.fraudtip.loadtests;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.infra.ScratchDirectories;
import io.fraudtip.localstack.security.SigningKeys;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack under test, as {@code ./run-local} runs it but with every part in a process of its own
 * (SPEC §9): PostgreSQL (its own processes), the Kafka broker and the demo bank each in a {@link
 * BenchChild} JVM, and the three services from their packaged jars with {@code ServiceProcess}'s
 * JVM options, on a chosen JDK ({@link ServiceJvm}). Free ports, a scratch home, the intake rate
 * limits raised (the benchmark posts every tip from one address) and the no-op route on.
 */
final class BenchStack implements AutoCloseable {
  static final Duration READY = Duration.ofSeconds(240);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path repository;
  private final Path home;
  private final Path jfr;
  private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
  private final Map<Service, Forked> services = new EnumMap<>(Service.class);
  private final List<AutoCloseable> started = new ArrayList<>();
  private boolean dataDeleted;
  private PostgresServer postgres;
  private Forked broker;
  private Forked bank;
  private String bootstrap;
  private int bankStatsPort;
  private SigningKeys keys;
  private Tokens tokens;
  private ServiceJvm jvm;

  private BenchStack(Path repository, Path home, Path jfr) {
    this.repository = repository;
    this.home = home;
    this.jfr = jfr;
  }

  /**
   * Starts the stack, trying again (twice at most) when a part is not ready in time: on a machine
   * busy with other work a JVM start alone can take minutes.
   */
  static BenchStack start(Path out, ServiceJvm jvm) {
    return start(out, jvm, Map.of());
  }

  /** {@link #start(Path, ServiceJvm)} with PostgreSQL settings of the run's own. */
  static BenchStack start(Path out, ServiceJvm jvm, Map<String, String> postgresSettings) {
    Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
    Path jfr = Boolean.getBoolean("fraudtip.benchmark.jfr") ? out.resolve("jfr") : null;
    for (int attempt = 1; ; attempt++) {
      BenchStack stack =
          new BenchStack(repository, ScratchDirectories.create("fraudtip-bench-"), jfr);
      try {
        stack.startAll(jvm, postgresSettings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
        return stack;
      } catch (Exception e) {
        stack.close();
        if (attempt == 3) {
          throw new IllegalStateException("the stack did not start", e);
        }
        System.out.println("[bench] the stack did not start (" + e.getMessage() + "); again");
      }
    }
  }

  private void startAll(ServiceJvm jvm, Map<String, String> postgresSettings) throws Exception {
    System.out.println("[bench] starting PostgreSQL");
    postgres = PostgresServer.start(home.resolve("postgres"), FreePorts.pick(), postgresSettings);
    started.add(postgres);
    for (Service s : Service.values()) {
      postgres.ensureDatabase(s.database());
    }
    System.out.println("[bench] starting the Kafka broker (own JVM)");
    int kafkaPort = FreePorts.pick();
    broker =
        Forked.child(
            "broker",
            home.resolve("logs/broker.log"),
            "broker",
            home.resolve("kafka").toString(),
            Integer.toString(kafkaPort));
    started.add(broker);
    broker.awaitReady(READY);
    bootstrap = "localhost:" + kafkaPort;
    keys = SigningKeys.loadOrCreate(home.resolve("keys"));
    tokens = new Tokens(keys, Tokens.MAX_AGE);
    for (Service s : Service.values()) {
      ports.put(s, FreePorts.pick());
    }
    startServices(jvm);
    System.out.println("[bench] starting the demo bank (own JVM)");
    bankStatsPort = FreePorts.pick();
    List<String> args =
        new ArrayList<>(
            List.of(
                "bank",
                Integer.toString(FreePorts.pick()),
                Integer.toString(bankStatsPort),
                home.toString(),
                baseUrl(Service.NOTIFICATION),
                tokens.operator("operator@local")));
    args.addAll(LocalStack.BANKS);
    bank =
        Forked.child("demo-bank", home.resolve("logs/demo-bank.log"), args.toArray(String[]::new));
    started.add(bank);
    bank.awaitReady(READY);
  }

  /** Starts the three services on {@code jvm} and waits until they are ready. */
  private void startServices(ServiceJvm jvm) throws Exception {
    this.jvm = jvm;
    for (Service s : Service.values()) {
      System.out.println("[bench] starting " + s.module() + " on " + jvm.label());
      List<String> command = new ArrayList<>();
      command.add(jvm.java().toString());
      command.addAll(ServiceProcess.JVM_OPTIONS);
      jvm.options().forEach(o -> command.add(o.replace(ServiceJvm.SERVICE, s.module())));
      // each collector pause with its wall-clock time, for the report's pauses per scenario
      command.add("-Xlog:gc:file=" + gcLog(s) + ":timemillis");
      if (jfr != null) {
        Files.createDirectories(jfr);
        command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
      }
      command.add("-jar");
      command.add(ServiceProcess.jar(repository, s).toString());
      Map<String, String> env =
          new HashMap<>(
              LocalStack.environment(
                  s,
                  ports.get(s),
                  postgres.jdbcUrl(s.database()),
                  bootstrap,
                  keys.publicKeyFile(),
                  home.resolve("keys"),
                  "http://127.0.0.1:" + ports.get(Service.INTAKE)));
      env.putAll(serviceEnvironment());
      services.put(
          s,
          Forked.start(
              s.module(), command, env, home.resolve("logs").resolve(s.module() + ".log")));
    }
    for (Service s : Service.values()) {
      awaitReady(s);
    }
  }

  /** What the benchmark sets beside the stack's own environment of a service. */
  static Map<String, String> serviceEnvironment() {
    Map<String, String> env = new HashMap<>();
    // glibc otherwise keeps up to 8 malloc arenas per core (as ServiceProcess sets it)
    env.put("MALLOC_ARENA_MAX", "2");
    env.put("FRAUDTIP_WEBHOOKS_ALLOW_LOCAL_URLS", "true");
    env.put("FRAUDTIP_INTAKE_RATE_LIMITS_PER_ADDRESS_CAPACITY", "1000000000");
    env.put("FRAUDTIP_INTAKE_RATE_LIMITS_PER_CLIENT_CAPACITY", "1000000000");
    // the benchmark's banks screen far more than a bank's quota a minute
    env.put("FRAUDTIP_QUOTAS_ENABLED", "false");
    // the trivial endpoint (service-commons' NoopRoute)
    env.put("FRAUDTIP_BENCH_NOOP_ROUTE", "true");
    return env;
  }

  /**
   * Stops the services and starts them again on another JDK (or with other options). A JVM that
   * writes a class archive or an AOT cache at exit is given the time to.
   */
  void restartServices(ServiceJvm other) throws Exception {
    stopServices();
    startServices(other);
  }

  /** Stops the services (SIGTERM), each given the time to write a class archive at exit. */
  void stopServices() {
    for (Forked f : services.values()) {
      f.close(Duration.ofSeconds(180));
    }
    services.clear();
  }

  private void awaitReady(Service s) throws InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl(s) + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (System.nanoTime() < deadline) {
      if (!services.get(s).isAlive()) {
        throw new IllegalStateException(s.module() + " exited; see " + home + "/logs");
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          System.out.println("[bench] " + s.module() + " is ready");
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(s.module() + " not ready in time; see " + home + "/logs");
  }

  /** The service's GC log ({@code -Xlog:gc}, wall-clock ms). */
  Path gcLog(Service s) {
    return home.resolve("logs").resolve(s.module() + "-gc.log");
  }

  String baseUrl(Service s) {
    return "http://localhost:" + ports.get(s);
  }

  String kafkaBootstrapServers() {
    return bootstrap;
  }

  PostgresServer postgres() {
    return postgres;
  }

  Tokens tokens() {
    return tokens;
  }

  ServiceJvm jvm() {
    return jvm;
  }

  long pid(Service s) {
    return services.get(s).pid();
  }

  long brokerPid() {
    return broker.pid();
  }

  long bankPid() {
    return bank.pid();
  }

  /** The postmaster's pid (first line of postmaster.pid in the data directory). */
  long postgresPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the demo bank serves what a receiver got: {@code GET <this>/<bin>?from=N}. */
  String deliveriesUrl() {
    return "http://127.0.0.1:" + bankStatsPort + "/deliveries";
  }

  /** The process's native memory summary ({@code jcmd VM.native_memory summary}), or why not. */
  String nativeMemory(Service s) {
    try {
      Process p =
          new ProcessBuilder(
                  jvm.jcmd().toString(),
                  Long.toString(pid(s)),
                  "VM.native_memory",
                  "summary",
                  "scale=MB")
              .redirectErrorStream(true)
              .start();
      String text = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return text;
    } catch (IOException e) {
      return "jcmd failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Stops the services, the demo bank, the broker, then PostgreSQL, and deletes their data (7–10 GB
   * after a whole run); the logs stay.
   */
  @Override
  public synchronized void close() {
    services.values().forEach(Forked::close);
    services.clear();
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.out.println("[bench] while stopping: " + e.getMessage());
      }
    }
    started.clear();
    if (!dataDeleted) {
      dataDeleted = true;
      ScratchDirectories.deleteQuietly(home, "logs");
      System.out.println("[bench] the stack's logs are kept in " + home.resolve("logs"));
    }
  }
}
