package io.fraudtip.testsupport;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.KafkaServer;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.security.SigningKeys;
import io.fraudtip.localstack.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The servers of one test JVM: a Kafka broker and a PostgreSQL server on free ports, started on
 * first use and stopped when the JVM exits. Every Quarkus application started in the JVM shares
 * them.
 */
public final class TestInfrastructure {
  private static TestInfrastructure instance;

  private final Path home;
  private final PostgresServer postgres;
  private final KafkaServer kafka;
  private final SigningKeys keys;
  private final Tokens tokens;
  private DemoBank demoBank;

  private TestInfrastructure() {
    try {
      home = Files.createTempDirectory("fraudtip-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    postgres = PostgresServer.start(home.resolve("postgres"), FreePorts.pick());
    kafka = KafkaServer.start(home.resolve("kafka"), FreePorts.pick(), 2);
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

  /** A scratch directory that lives as long as the servers. */
  public Path home() {
    return home;
  }

  private void stop() {
    synchronized (this) {
      if (demoBank != null) {
        demoBank.close();
      }
    }
    try {
      kafka.close();
    } finally {
      postgres.close();
    }
  }
}
