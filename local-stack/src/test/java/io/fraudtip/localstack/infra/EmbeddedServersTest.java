package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's own servers: each keeps its data across a restart (started twice on one dir),
 * and PostgreSQL commits durably and orders text as production does.
 */
class EmbeddedServersTest {
  @TempDir Path home;

  @Test
  void postgresKeepsItsRowsAcrossARestart() throws Exception {
    Path data = home.resolve("pg");
    try (PostgresServer pg = PostgresServer.start(data, FreePorts.pick())) {
      pg.ensureDatabase("keep");
      pg.ensureDatabase("keep"); // a second call is a no-op
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), "postgres", "postgres");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (v TEXT)");
        s.execute("INSERT INTO t VALUES ('kept')");
      }
    }
    try (PostgresServer pg = PostgresServer.start(data, FreePorts.pick());
        Connection c = DriverManager.getConnection(pg.jdbcUrl("keep"), "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("kept");
    }
  }

  @Test
  void postgresCommitsDurablyAsProductionDoes() throws Exception {
    try (PostgresServer pg = PostgresServer.start(home.resolve("durable"), FreePorts.pick());
        Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "postgres");
        Statement s = c.createStatement()) {
      for (String setting : List.of("synchronous_commit", "fsync", "full_page_writes")) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).as(setting).isEqualTo("on");
        }
      }
    }
  }

  @Test
  void postgresOrdersTextByCodePointWhateverTheMachinesLocale() throws Exception {
    try (PostgresServer pg = PostgresServer.start(home.resolve("order"), FreePorts.pick());
        Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "postgres");
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT datlocprovider, datlocale FROM pg_database WHERE datname = 'postgres'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("b");
        assertThat(rs.getString(2)).isEqualTo("C.UTF-8");
      }
      // Code point order: upper case before lower, and "Đ" (U+0110) after "Z"; a linguistic
      // order (en_US) puts "a" before "B" and "Đ" beside "D". Case mapping stays Unicode's.
      try (ResultSet rs =
          s.executeQuery(
              "SELECT string_agg(v, ',' ORDER BY v), lower('ĐÀ NẴNG')"
                  + " FROM unnest(ARRAY['a', 'B', 'Đ', 'Z', 'D']) v")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("B,D,Z,a,Đ");
        assertThat(rs.getString(2)).isEqualTo("đà nẵng");
      }
    }
  }

  @Test
  void kafkaWritesOnlyInItsLogDirectory() throws IOException {
    Set<Path> before = companionTempDirectories();
    try (KafkaServer kafka = KafkaServer.start(home.resolve("only"), FreePorts.pick(), 1)) {
      kafka.ensureTopics(List.of("only.v1"), 1);
    }
    // The companion broker made an empty one of these at every start, never removed: hundreds in
    // /tmp after a few builds.
    assertThat(companionTempDirectories()).isSubsetOf(before);
    assertThat(home.resolve("only")).isNotEmptyDirectory();
  }

  private static Set<Path> companionTempDirectories() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("companion-embedded-kafka-"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void kafkaKeepsItsRecordsAcrossARestart() {
    Path logs = home.resolve("kafka");
    String value = UUID.randomUUID().toString();
    int port = FreePorts.pick();
    try (KafkaServer kafka = KafkaServer.start(logs, port, 1)) {
      kafka.ensureTopics(List.of("kept.v1"), 1);
      try (var producer =
          new KafkaProducer<String, String>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  kafka.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept.v1", "k", value)).get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    try (KafkaServer kafka = KafkaServer.start(logs, port, 1);
        var consumer =
            new KafkaConsumer<String, String>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "reader",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
      consumer.subscribe(List.of("kept.v1"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      String seen = null;
      while (seen == null && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          seen = records.iterator().next().value();
        }
      }
      assertThat(seen).isEqualTo(value);
    }
  }
}
