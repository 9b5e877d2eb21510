package io.fraudtip.testsupport;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.KafkaServer;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.infra.ScratchDirectories;
import io.fraudtip.localstack.security.SigningKeys;
import io.fraudtip.localstack.security.Tokens;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The servers of one test JVM: a Kafka broker and a PostgreSQL server on free ports, started on
 * first use and stopped when the JVM exits. Every Quarkus application started in the JVM shares
 * them. Their files are deleted when they stop.
 */
public final class TestInfrastructure {
  private static final int KAFKA_PARTITIONS = 2;
  private static TestInfrastructure instance;

  private final Path home;
  private final PostgresServer postgres;
  private final int kafkaPort;
  private volatile KafkaServer kafka;
  private volatile boolean kafkaRunning;
  private final SigningKeys keys;
  private final Tokens tokens;
  private DemoBank demoBank;
  private TestCertificate bankCertificate;
  private TestCertificate platformCertificate;
  private DemoBank httpsBank;

  private TestInfrastructure() {
    home = ScratchDirectories.create("fraudtip-test-");
    postgres = PostgresServer.start(home.resolve("postgres"), FreePorts.pick());
    kafkaPort = FreePorts.pick();
    kafka = KafkaServer.start(home.resolve("kafka"), kafkaPort, KAFKA_PARTITIONS);
    kafkaRunning = true;
    keys = SigningKeys.loadOrCreate(home.resolve("keys"));
    tokens = new Tokens(keys, Duration.ofHours(2));
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-infrastructure-stop"));
  }

  /** The servers, started on the first call. */
  public static synchronized TestInfrastructure get() {
    if (instance == null) {
      instance = new TestInfrastructure();
    }
    return instance;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public KafkaServer kafka() {
    return kafka;
  }

  /**
   * Stops the Kafka broker, as in an outage; its port and log directory stay reserved for {@link
   * #restartKafka()}. A test that stops the broker must restart it (in a {@code finally}): the
   * other tests of the JVM share it.
   */
  public synchronized void stopKafka() {
    if (kafkaRunning) {
      kafka.close();
      kafkaRunning = false;
    }
  }

  /**
   * Starts the broker again on the same port and log directory: clients reconnect to the same
   * address and find every record written before the stop.
   */
  public synchronized void restartKafka() {
    if (!kafkaRunning) {
      kafka = KafkaServer.start(home.resolve("kafka"), kafkaPort, KAFKA_PARTITIONS);
      kafkaRunning = true;
    }
  }

  /** Whether the broker runs (it does unless a test stopped it). */
  public boolean kafkaRunning() {
    return kafkaRunning;
  }

  public SigningKeys keys() {
    return keys;
  }

  public Tokens tokens() {
    return tokens;
  }

  /** The demo bank receiving webhooks, started on first use. */
  public synchronized DemoBank demoBank() {
    if (demoBank == null) {
      demoBank = DemoBank.start();
    }
    return demoBank;
  }

  /**
   * The certificate of {@link #httpsBank()}, for {@code localhost}: the test applications trust it
   * ({@link HttpsBankTestResource}), as a bank's authority.
   */
  public synchronized TestCertificate bankCertificate() {
    if (bankCertificate == null) {
      bankCertificate = TestCertificate.create(home.resolve("tls"), "demo-bank", "localhost");
    }
    return bankCertificate;
  }

  /** The client certificate the test applications show to banks that ask for one. */
  public synchronized TestCertificate platformCertificate() {
    if (platformCertificate == null) {
      platformCertificate = TestCertificate.create(home.resolve("tls"), "platform", "fraudtip");
    }
    return platformCertificate;
  }

  /**
   * The demo bank on https, started on first use: {@code https://localhost:<port>}, certified by
   * {@link #bankCertificate()}, and it takes only connections that show {@link
   * #platformCertificate()}.
   */
  public synchronized DemoBank httpsBank() {
    if (httpsBank == null) {
      httpsBank =
          DemoBank.startHttps(bankCertificate().context(platformCertificate()), "localhost", true);
    }
    return httpsBank;
  }

  /** A scratch directory that lives as long as the servers. */
  public Path home() {
    return home;
  }

  private void stop() {
    synchronized (this) {
      if (demoBank != null) {
        demoBank.close();
      }
      if (httpsBank != null) {
        httpsBank.close();
      }
    }
    try {
      stopKafka();
    } finally {
      postgres.close();
      ScratchDirectories.deleteQuietly(home);
    }
  }
}
