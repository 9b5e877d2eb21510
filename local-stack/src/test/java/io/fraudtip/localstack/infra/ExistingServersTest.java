package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL and a Kafka that already run: used, never restarted or stopped by the stack. */
class ExistingServersTest {
  @TempDir Path home;

  @Test
  void anExistingPostgresGetsTheDatabasesAndOutlivesTheStack() throws Exception {
    try (PostgresServer team = PostgresServer.start(home.resolve("pg"), FreePorts.pick())) {
      PostgresServer existing =
          PostgresServer.existing(
              PostgresServer.ServerAddress.parse(
                  "jdbc:postgresql://localhost:" + team.port(), Map.of()));
      existing.ensureDatabase("intake");
      existing.close();

      assertThat(existing.isOurs()).isFalse();
      assertThatThrownBy(existing::restart).hasMessageContaining("not ours to restart");
      assertThatThrownBy(existing::kill).hasMessageContaining("not ours to kill");
      try (Connection c =
          DriverManager.getConnection(
              team.jdbcUrl("intake"), PostgresServer.USER, PostgresServer.PASSWORD)) {
        assertThat(c.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void aServerThatDoesNotCommitDurablyIsRefusedWithTheReason() throws Exception {
    try (PostgresServer team = PostgresServer.start(home.resolve("pg"), FreePorts.pick())) {
      try (Connection c =
          DriverManager.getConnection(
              team.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD)) {
        // as a role setting, which every new session of the services' role would get
        c.createStatement().execute("ALTER ROLE postgres SET synchronous_commit = off");
      }
      PostgresServer.ServerAddress address =
          PostgresServer.ServerAddress.parse(
              "postgresql://localhost:" + team.port() + "/anything", Map.of());

      assertThatThrownBy(() -> PostgresServer.existing(address))
          .hasMessageContaining("synchronous_commit=off")
          .hasMessageContaining("set synchronous_commit=on");
    }
  }

  @Test
  void anUnreachableServerIsNamed() {
    int nobody = FreePorts.pick();
    assertThatThrownBy(
            () ->
                PostgresServer.existing(
                    PostgresServer.ServerAddress.parse(
                        "postgresql://localhost:" + nobody, Map.of())))
        .hasMessageContaining("cannot reach PostgreSQL at localhost:" + nobody);
  }

  @Test
  void urlsAreReadAsPeopleWriteThem() {
    assertThat(
            PostgresServer.ServerAddress.parse(
                "postgresql://fraud%40tip:s3cr%3At@db.team.lan:6543/ignored?sslmode=require",
                Map.of()))
        .isEqualTo(
            new PostgresServer.ServerAddress(
                "db.team.lan", 6543, "fraud@tip", "s3cr:t", "?sslmode=require"));
    assertThat(
            PostgresServer.ServerAddress.parse(
                "jdbc:postgresql://db.team.lan/x", Map.of("PGPASSWORD", "from-env")))
        .isEqualTo(
            new PostgresServer.ServerAddress("db.team.lan", 5432, "postgres", "from-env", ""));
    assertThatThrownBy(() -> PostgresServer.ServerAddress.parse("mysql://db/x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExistingKafkaGetsTheTopicsAndKeepsRunning() throws Exception {
    try (KafkaServer team = KafkaServer.start(home.resolve("kafka"), FreePorts.pick(), 3)) {
      ExistingKafka existing = new ExistingKafka(team.bootstrapServers());
      existing.ensureTopics(List.of("tips.v1", "cases.v1"), 3);
      existing.close();

      assertThatThrownBy(existing::restart).hasMessageContaining("not ours to restart");
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, team.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains("tips.v1", "cases.v1");
      }
    }
    assertThatThrownBy(() -> new ExistingKafka("kafka.team.lan")).hasMessageContaining("host:port");
  }
}
