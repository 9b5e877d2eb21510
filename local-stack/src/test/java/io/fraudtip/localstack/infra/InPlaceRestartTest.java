package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault tests restart the servers in place: same port and data, and clients that stay open
 * across the restart reconnect.
 */
class InPlaceRestartTest {
  @TempDir Path home;

  @Test
  void postgresRestartsOnItsPortWithItsRows() throws Exception {
    try (PostgresServer pg = PostgresServer.start(home.resolve("pg"), FreePorts.pick())) {
      pg.ensureDatabase("keep");
      int port = pg.port();
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), "postgres", "postgres");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (v TEXT)");
        s.execute("INSERT INTO t VALUES ('kept')");
      }
      pg.restart();
      assertThat(pg.port()).isEqualTo(port);
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), "postgres", "postgres");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT v FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept");
      }
    }
  }

  @Test
  void kafkaRestartsOnItsPortAndAnOpenProducerCarriesOn() throws Exception {
    try (KafkaServer kafka = KafkaServer.start(home.resolve("kafka"), FreePorts.pick(), 1)) {
      String bootstrap = kafka.bootstrapServers();
      kafka.ensureTopics(List.of("kept.v1"), 1);
      try (var producer =
          new KafkaProducer<String, String>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrap,
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        long before = producer.send(new ProducerRecord<>("kept.v1", "k", "before")).get().offset();
        kafka.restart();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        long after =
            producer
                .send(new ProducerRecord<>("kept.v1", "k", "after"))
                .get(60, TimeUnit.SECONDS)
                .offset();
        assertThat(after).isEqualTo(before + 1);
      }
    }
  }
}
