package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite kills the servers with SIGKILL and starts them again on the same data: what was
 * committed (a PostgreSQL commit, a Kafka record acknowledged by all replicas) is still there.
 */
class KilledServersTest {
  @TempDir Path home;

  @Test
  void postgresKilledOutrightKeepsItsCommittedRows() throws Exception {
    try (PostgresServer pg = PostgresServer.start(home.resolve("pg"), FreePorts.pick())) {
      pg.ensureDatabase("keep");
      long pid = pg.postmasterPid();
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), "postgres", "postgres");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (v TEXT)");
        s.execute("INSERT INTO t VALUES ('committed')");
        pg.kill();
        assertThat(ProcessHandle.of(pid)).isEmpty();
      }
      pg.restart();
      assertThat(pg.postmasterPid()).isNotEqualTo(pid);
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), "postgres", "postgres");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT v FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("committed");
      }
    }
  }

  @Test
  void kafkaInItsOwnProcessKilledOutrightKeepsAcknowledgedRecords() throws Exception {
    try (KafkaProcess kafka =
        KafkaProcess.start(home.resolve("kafka"), FreePorts.pick(), 1, home.resolve("k.log"))) {
      kafka.ensureTopics(List.of("kept.v1"), 1);
      long pid = kafka.pid();
      assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
      try (var producer =
          new KafkaProducer<String, String>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  kafka.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept.v1", "k", "before")).get();
        kafka.kill();
        assertThat(kafka.isAlive()).isFalse();
        kafka.restart();
        assertThat(kafka.pid()).isNotEqualTo(pid);
        producer.send(new ProducerRecord<>("kept.v1", "k", "after")).get(60, TimeUnit.SECONDS);
      }
      try (var consumer =
          new KafkaConsumer<String, String>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  kafka.bootstrapServers(),
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest"),
              new StringDeserializer(),
              new StringDeserializer())) {
        TopicPartition p = new TopicPartition("kept.v1", 0);
        consumer.assign(List.of(p));
        consumer.seekToBeginning(List.of(p));
        List<String> values = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.size() < 2 && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        assertThat(values).containsExactly("before", "after");
      }
    }
  }
}
