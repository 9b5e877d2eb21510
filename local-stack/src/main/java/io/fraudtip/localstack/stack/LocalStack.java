package io.fraudtip.localstack.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.ExistingKafka;
import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.KafkaBroker;
import io.fraudtip.localstack.infra.KafkaProcess;
import io.fraudtip.localstack.infra.KafkaServer;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.security.SealingKey;
import io.fraudtip.localstack.security.SigningKeys;
import io.fraudtip.localstack.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: one PostgreSQL with a database per service, one Kafka broker,
 * the three services as separate JVMs from their packaged jars, a demo bank that receives and
 * verifies the webhooks of the seeded banks, and tokens signed with a key pair kept beside the
 * data. What {@code ./run-local} and the system tests start.
 */
public final class LocalStack implements AutoCloseable {
  /** Police units the stack mints tokens for; they are seeded by case-service's migrations. */
  public static final List<String> POLICE_UNITS =
      List.of(
          "BCA",
          "A05",
          "C02",
          "CAT-66",
          "PA05-66",
          "PC02-66",
          "CAX-24133",
          "CAX-24121",
          "CAT-56",
          "PA05-56",
          "PC02-56",
          "CAX-22366",
          "CAX-22759");

  /** Banks the stack mints tokens for (NAPAS BINs). */
  public static final List<String> BANKS = List.of("970436", "970422", "970415", "970418");

  public static final int PARTITIONS = 3;

  /**
   * How long a service may take to become ready; a test on a machine shared with other builds may
   * ask for more ({@code -Dfraudtip.stack.ready-timeout-seconds=...}).
   */
  private static final Duration READY_TIMEOUT =
      Duration.ofSeconds(Long.getLong("fraudtip.stack.ready-timeout-seconds", 180));

  /** Where the Kafka broker runs. */
  public enum KafkaMode {
    /** In the JVM that starts the stack (./run-local, most system tests). */
    IN_PROCESS,
    /**
     * In a child JVM of its own, which {@link #killKafka()} can kill outright (the fault suite).
     */
    OWN_PROCESS
  }

  private final StackSettings settings;
  private final KafkaMode kafkaMode;
  private final Consumer<String> progress;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
  private final List<ServiceProcess> extraInstances = new ArrayList<>();
  private DemoBank demoBank;
  private PostgresServer postgres;
  private KafkaBroker kafka;
  private SigningKeys keys;
  private Tokens tokens;

  private LocalStack(StackSettings settings, KafkaMode kafkaMode, Consumer<String> progress) {
    this.settings = settings;
    this.kafkaMode = kafkaMode;
    this.progress = progress;
  }

  /**
   * Starts everything and waits until every service is ready. On failure whatever was started is
   * stopped again.
   */
  public static LocalStack start(StackSettings settings, Consumer<String> progress) {
    return start(settings, KafkaMode.IN_PROCESS, progress);
  }

  /** Starts everything, with the Kafka broker where {@code kafkaMode} says. */
  public static LocalStack start(
      StackSettings settings, KafkaMode kafkaMode, Consumer<String> progress) {
    LocalStack stack = new LocalStack(settings, kafkaMode, progress);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    } catch (Exception e) {
      stack.close();
      throw new StackException("the stack did not start: " + e.getMessage(), e);
    }
  }

  private void startAll() throws Exception {
    Path home = settings.home();
    Files.createDirectories(home);
    ProcessFile.killLeftovers(home, progress);
    checkPortsFree();

    if (settings.existingPostgres() != null) {
      progress.accept("using PostgreSQL at " + settings.existingPostgres());
      try {
        postgres = PostgresServer.existing(settings.existingPostgres());
      } catch (IllegalStateException e) {
        throw new StackException(e.getMessage(), e);
      }
    } else {
      progress.accept("starting PostgreSQL on port " + settings.postgresPort());
      postgres = PostgresServer.start(home.resolve("postgres"), settings.postgresPort());
    }
    started.add(postgres);
    for (Service s : Service.values()) {
      postgres.ensureDatabase(s.database());
    }

    if (settings.existingKafka() != null) {
      progress.accept("using Kafka at " + settings.existingKafka());
      kafka = new ExistingKafka(settings.existingKafka());
    } else {
      progress.accept("starting Kafka on port " + settings.kafkaPort());
      kafka = startKafka(home);
    }
    started.add(kafka);
    kafka.ensureTopics(topics(), PARTITIONS);

    keys = SigningKeys.loadOrCreate(home.resolve("keys"));
    tokens = new Tokens(keys, Tokens.MAX_AGE);

    for (Service s : Service.values()) {
      progress.accept("starting " + s.module() + " on port " + settings.port(s));
      ServiceProcess process =
          ServiceProcess.start(
              s,
              ServiceProcess.jar(settings.repository(), s),
              settings.port(s),
              environment(s),
              home.resolve("logs").resolve(s.module() + ".log"));
      services.put(s, process);
      started.add(process);
    }
    ProcessFile.write(home, services.values());
    awaitReady();

    progress.accept("starting the demo bank on port " + settings.demoBankPort());
    demoBank = DemoBank.start("127.0.0.1", settings.demoBankPort());
    started.add(demoBank);
    DemoBankSetup.register(
        demoBank,
        home,
        settings.baseUrl(Service.NOTIFICATION),
        tokens.operator("operator@local"),
        BANKS);
    writeStackJson();
  }

  private KafkaBroker startKafka(Path home) {
    return switch (kafkaMode) {
      case IN_PROCESS -> KafkaServer.start(home.resolve("kafka"), settings.kafkaPort(), PARTITIONS);
      case OWN_PROCESS ->
          KafkaProcess.start(
              home.resolve("kafka"),
              settings.kafkaPort(),
              PARTITIONS,
              home.resolve("logs").resolve("kafka.log"));
    };
  }

  private void checkPortsFree() {
    Map<String, Integer> wanted = new HashMap<>();
    settings.ports().forEach((s, p) -> wanted.put(s.module(), p));
    if (settings.existingKafka() == null) {
      wanted.put("Kafka", settings.kafkaPort());
    }
    if (settings.existingPostgres() == null) {
      wanted.put("PostgreSQL", settings.postgresPort());
    }
    wanted.put("the demo bank", settings.demoBankPort());
    List<String> taken = new ArrayList<>();
    wanted.forEach(
        (what, port) -> {
          if (!FreePorts.isFree(port)) {
            taken.add("port " + port + " (for " + what + ")");
          }
        });
    if (!taken.isEmpty()) {
      throw new StackException(
          String.join(", ", taken)
              + " already in use: stop what uses it (another ./run-local?) or pick other ports"
              + " (./run-local --help)");
    }
  }

  /** Every topic the services use, dead-letter topics included. */
  public static List<String> topics() {
    List<String> topics = new ArrayList<>();
    topics.add(Topics.TIPS_V1);
    topics.add(Topics.CASES_V1);
    topics.add(Topics.ALERT_RESPONSES_V1);
    topics.add(Topics.ALERT_DELIVERIES_V1);
    topics.add(Topics.ALLOW_LIST_V1);
    topics.add(Topics.deadLetter(Topics.TIPS_V1, "case-service"));
    topics.add(Topics.deadLetter(Topics.TIPS_V1, "notification-service"));
    topics.add(Topics.deadLetter(Topics.CASES_V1, "intake-service"));
    topics.add(Topics.deadLetter(Topics.CASES_V1, "notification-service"));
    topics.add(Topics.deadLetter(Topics.ALERT_RESPONSES_V1, "case-service"));
    topics.add(Topics.deadLetter(Topics.ALERT_DELIVERIES_V1, "case-service"));
    topics.add(Topics.deadLetter(Topics.ALLOW_LIST_V1, "notification-service"));
    return topics;
  }

  private Map<String, String> environment(Service s) {
    Map<String, String> env =
        environment(
            s,
            settings.port(s),
            postgres.jdbcUrl(s.database()),
            kafka.bootstrapServers(),
            keys.publicKeyFile(),
            settings.home().resolve("keys"),
            "http://127.0.0.1:" + settings.port(Service.INTAKE));
    env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
    env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    env.putAll(settings.serviceEnvironment());
    return env;
  }

  /**
   * The environment a service process needs to run against this machine's PostgreSQL and Kafka with
   * the keys of a stack's home (also for the benchmark, which starts the processes itself).
   */
  public static Map<String, String> environment(
      Service s,
      int port,
      String jdbcUrl,
      String kafka,
      Path publicKeyFile,
      Path keys,
      String intakeUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    env.put("JWT_PUBLIC_KEY_LOCATION", publicKeyFile.toString());
    if (s == Service.INTAKE) {
      env.put("FRAUDTIP_INTAKE_PERSONAL_DATA_KEY", SealingKey.PERSONAL_DATA.loadOrCreate(keys));
    }
    if (s == Service.INTAKE || s == Service.CASES) {
      // case-service asks intake for a reporter's contact (a logged police read), signed with it.
      String key = SealingKey.CONTACT_READS.loadOrCreate(keys);
      env.put(
          s == Service.INTAKE ? "FRAUDTIP_INTAKE_CONTACT_READS_KEY" : "FRAUDTIP_CONTACT_READS_KEY",
          key);
    }
    if (s == Service.CASES) {
      env.put("FRAUDTIP_CONTACT_READS_INTAKE_URL", intakeUrl);
    }
    if (s == Service.NOTIFICATION) {
      env.put("FRAUDTIP_WEBHOOKS_SECRET_KEY", SealingKey.WEBHOOK_SECRETS.loadOrCreate(keys));
    }
    return env;
  }

  private void awaitReady() throws InterruptedException, ExecutionException {
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    for (ServiceProcess p : services.values()) {
      waits.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  p.awaitReady(READY_TIMEOUT);
                  progress.accept(p.service().module() + " is ready");
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new StackException("interrupted");
                }
              }));
    }
    try {
      CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StackException stackException) {
        throw stackException;
      }
      throw e;
    }
  }

  private void writeStackJson() {
    ObjectNode root = Json.events().createObjectNode();
    ObjectNode urls = root.putObject("services");
    ObjectNode swagger = root.putObject("swaggerUi");
    for (Service s : Service.values()) {
      urls.put(s.key(), settings.baseUrl(s));
      swagger.put(s.key(), settings.baseUrl(s) + "/q/swagger-ui");
    }
    root.put("kafka", kafka.bootstrapServers());
    ObjectNode bankHooks = root.putObject("demoBank");
    BANKS.forEach(b -> bankHooks.put(b, demoBank.receiver(b).url()));
    root.putObject("postgres")
        .put("host", postgres.host())
        .put("port", postgres.port())
        .put("user", postgres.user())
        .put("password", postgres.password());
    ObjectNode tokenNode = root.putObject("tokens");
    tokenNode.put("operator", tokens.operator("operator@local"));
    ObjectNode police = tokenNode.putObject("police");
    POLICE_UNITS.forEach(u -> police.put(u, tokens.police(u)));
    ObjectNode banks = tokenNode.putObject("bank");
    BANKS.forEach(b -> banks.put(b, tokens.bank(b)));
    try {
      Files.writeString(
          stackJson(),
          Json.events().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path stackJson() {
    return settings.home().resolve("stack.json");
  }

  public StackSettings settings() {
    return settings;
  }

  public String baseUrl(Service s) {
    return settings.baseUrl(s);
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public Tokens tokens() {
    return tokens;
  }

  /** The demo bank that receives the webhooks of every seeded bank. */
  public DemoBank demoBank() {
    return demoBank;
  }

  public ServiceProcess process(Service s) {
    return services.get(s);
  }

  // Process control for fault tests: kill, restart, more instances, infrastructure restarts.

  /** Kills the service's process outright ({@code kill -9}); {@link #restart} starts it again. */
  public synchronized void kill(Service s) {
    progress.accept("killing " + s.module() + " (pid " + services.get(s).pid() + ") with SIGKILL");
    services.get(s).kill();
  }

  /**
   * Starts the service again on its port with its environment (stopping it first if it still runs),
   * and waits until it is ready.
   */
  public ServiceProcess restart(Service s) {
    ServiceProcess fresh;
    synchronized (this) {
      ServiceProcess old = services.get(s);
      if (old.isAlive()) {
        old.close();
      }
      try {
        fresh = old.startAgain();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      started.set(started.indexOf(old), fresh);
      services.put(s, fresh);
      writeProcessFile();
    }
    progress.accept("restarted " + s.module() + " (pid " + fresh.pid() + ")");
    awaitReady(fresh);
    return fresh;
  }

  /**
   * Starts one more instance of a service, on another port, beside the one the stack runs: same
   * database, broker and keys, the extra environment on top. Waits until it is ready; {@link
   * #close()} stops it too, or close the returned process.
   */
  public ServiceProcess startInstance(Service s, int port, Map<String, String> extraEnvironment) {
    Map<String, String> env = new HashMap<>(services.get(s).environment());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.putAll(extraEnvironment);
    ServiceProcess instance;
    synchronized (this) {
      try {
        instance =
            ServiceProcess.start(
                s,
                ServiceProcess.jar(settings.repository(), s),
                port,
                env,
                settings.home().resolve("logs").resolve(s.module() + "-" + port + ".log"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      extraInstances.add(instance);
      writeProcessFile();
    }
    progress.accept("started another " + s.module() + " on port " + port);
    awaitReady(instance);
    return instance;
  }

  /**
   * Stops the Kafka broker (if it still runs) and starts it again on the same port and log
   * directory.
   */
  public void restartKafka() {
    progress.accept("restarting Kafka on port " + settings.kafkaPort());
    kafka.restart();
  }

  /**
   * Kills the Kafka broker's process outright (SIGKILL); {@link #restartKafka()} starts it again.
   * Only a stack started with {@link KafkaMode#OWN_PROCESS} has a broker process to kill.
   */
  public void killKafka() {
    if (!(kafka instanceof KafkaProcess process)) {
      throw new IllegalStateException("Kafka runs in this JVM: start the stack with OWN_PROCESS");
    }
    progress.accept("killing Kafka (pid " + process.pid() + ") with SIGKILL");
    process.kill();
  }

  /**
   * Stops PostgreSQL (fast shutdown; nothing to stop after {@link #killPostgres()}) and starts it
   * again on the same data directory and port.
   */
  public void restartPostgres() {
    progress.accept("restarting PostgreSQL on port " + settings.postgresPort());
    postgres.restart();
  }

  /**
   * Kills PostgreSQL's processes outright (SIGKILL); {@link #restartPostgres()} starts it again.
   */
  public void killPostgres() {
    progress.accept("killing PostgreSQL (pid " + postgres.postmasterPid() + ") with SIGKILL");
    postgres.kill();
  }

  private void awaitReady(ServiceProcess p) {
    try {
      p.awaitReady(READY_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted");
    }
  }

  private void writeProcessFile() {
    List<ServiceProcess> all = new ArrayList<>(services.values());
    all.addAll(extraInstances);
    try {
      ProcessFile.write(settings.home(), all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops the services (all at once, so that SIGTERM on {@code ./run-local} ends everything within
   * 20 s), then the demo bank, Kafka and PostgreSQL.
   */
  @Override
  public void close() {
    List<ServiceProcess> processes = new ArrayList<>(extraInstances);
    processes.addAll(services.values());
    ServiceProcess.stopAll(processes, ServiceProcess.STOP_GRACE);
    extraInstances.clear();
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        progress.accept("while stopping: " + e.getMessage());
      }
    }
    started.clear();
    ProcessFile.delete(settings.home());
  }
}
