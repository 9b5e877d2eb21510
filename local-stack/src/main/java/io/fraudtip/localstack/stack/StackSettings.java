package io.fraudtip.localstack.stack;

import io.fraudtip.localstack.infra.PostgresServer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where and how a local stack runs.
 *
 * @param repository the repository root (the services' packaged jars are under it)
 * @param home where data, logs, keys and {@code stack.json} live
 * @param ports HTTP port of each service
 * @param kafkaPort the broker's client port
 * @param postgresPort the database server's port
 * @param demoBankPort the demo bank's port (webhook receiver)
 * @param serviceEnvironment extra environment of every service process (settings for local use)
 * @param existingPostgres an existing PostgreSQL to use instead of starting one, or null
 * @param existingKafka an existing Kafka cluster's bootstrap servers to use instead of starting a
 *     broker, or null
 */
public record StackSettings(
    Path repository,
    Path home,
    Map<Service, Integer> ports,
    int kafkaPort,
    int postgresPort,
    int demoBankPort,
    Map<String, String> serviceEnvironment,
    PostgresServer.ServerAddress existingPostgres,
    String existingKafka) {

  /** Settings of a stack that starts its own PostgreSQL and Kafka. */
  public StackSettings(
      Path repository,
      Path home,
      Map<Service, Integer> ports,
      int kafkaPort,
      int postgresPort,
      int demoBankPort,
      Map<String, String> serviceEnvironment) {
    this(
        repository,
        home,
        ports,
        kafkaPort,
        postgresPort,
        demoBankPort,
        serviceEnvironment,
        null,
        null);
  }

  public static final int DEFAULT_KAFKA_PORT = 19092;
  public static final int DEFAULT_POSTGRES_PORT = 15432;
  public static final int DEFAULT_DEMO_BANK_PORT = 8090;

  /** The defaults of {@code ./run-local}: fixed ports, data under {@code .local-stack/}. */
  public static StackSettings defaults(Path repository) {
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, s.defaultPort());
    }
    return new StackSettings(
        repository,
        repository.resolve(".local-stack"),
        ports,
        DEFAULT_KAFKA_PORT,
        DEFAULT_POSTGRES_PORT,
        DEFAULT_DEMO_BANK_PORT,
        Map.of());
  }

  public int port(Service service) {
    return ports.get(service);
  }

  public String baseUrl(Service service) {
    return "http://localhost:" + port(service);
  }
}
