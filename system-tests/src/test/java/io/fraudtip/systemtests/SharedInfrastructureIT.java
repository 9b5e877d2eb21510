package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.localstack.demo.AlertLatency;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.KafkaServer;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.infra.ScratchDirectories;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.StackSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-local --postgres-url … --kafka …}: the platform on a PostgreSQL and a Kafka that
 * already run (a team's shared ones, played here by servers this test starts), the whole loop
 * through them, and both left running and holding the platform's data when the stack stops.
 */
class SharedInfrastructureIT {
  @Test
  void thePlatformRunsOnAnExistingPostgresAndKafkaAndLeavesThemRunning() throws Exception {
    Path shared = ScratchDirectories.create("fraudtip-shared-");
    Path home = ScratchDirectories.create("fraudtip-on-shared-");
    try (PostgresServer teamPostgres =
            PostgresServer.start(shared.resolve("postgres"), FreePorts.pick());
        KafkaServer teamKafka = KafkaServer.start(shared.resolve("kafka"), FreePorts.pick(), 3)) {
      Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
      Map<Service, Integer> ports = new EnumMap<>(Service.class);
      for (Service s : Service.values()) {
        ports.put(s, FreePorts.pick());
      }
      String url =
          "postgresql://"
              + PostgresServer.USER
              + ":"
              + PostgresServer.PASSWORD
              + "@localhost:"
              + teamPostgres.port();
      StackSettings settings =
          new StackSettings(
              repository,
              home,
              ports,
              FreePorts.pick(),
              FreePorts.pick(),
              FreePorts.pick(),
              Map.of("FRAUDTIP_WEBHOOKS_ALLOW_LOCAL_URLS", "true"),
              PostgresServer.ServerAddress.parse(url, Map.of()),
              teamKafka.bootstrapServers());

      try (LocalStack stack =
          LocalStack.start(settings, line -> System.out.println("[shared] " + line))) {
        assertThat(stack.postgres().isOurs()).isFalse();
        assertThat(stack.kafkaBootstrapServers()).isEqualTo(teamKafka.bootstrapServers());
        assertThatThrownBy(stack::restartPostgres).hasMessageContaining("not ours");

        AlertLatency.Result alerts =
            new AlertLatency(Platform.of(stack), LocalStack.BANKS).run(4, Duration.ofMillis(100));
        assertThat(alerts.latencies()).hasSize(4);
      }

      // The stack stopped; the team's servers still run and hold what the platform wrote.
      try (Connection c =
              DriverManager.getConnection(
                  teamPostgres.jdbcUrl(Service.INTAKE.database()),
                  PostgresServer.USER,
                  PostgresServer.PASSWORD);
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM tip")) {
        rs.next();
        assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(4);
      }
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, teamKafka.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).containsAll(LocalStack.topics());
      }
    } finally {
      ScratchDirectories.deleteQuietly(shared);
      ScratchDirectories.deleteQuietly(home, "logs");
    }
  }
}
