package io.fraudtip.systemtests;

import io.fraudtip.contracts.Topics;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the platform has stored: the row count of every table of every service's database (JDBC on
 * the stack's PostgreSQL) and the end offsets of the event topics. A refused request must change
 * neither.
 */
final class StoreLedger implements AutoCloseable {
  /** Topics a refused request must not add to. */
  static final List<String> TOPICS =
      List.of(Topics.TIPS_V1, Topics.CASES_V1, Topics.ALERT_RESPONSES_V1);

  /**
   * Tables whose counts move in the background: published outbox rows are deleted later (the
   * topics' end offsets stand in for them), the schema history never changes.
   */
  private static final Set<String> BACKGROUND = Set.of("outbox_event", "flyway_schema_history");

  private final Map<Service, Connection> connections = new EnumMap<>(Service.class);
  private final KafkaConsumer<byte[], byte[]> consumer;

  StoreLedger(LocalStack stack) {
    PostgresServer postgres = stack.postgres();
    try {
      for (Service s : Service.values()) {
        connections.put(
            s,
            DriverManager.getConnection(
                postgres.jdbcUrl(s.database()), PostgresServer.USER, PostgresServer.PASSWORD));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the stack's PostgreSQL", e);
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
  }

  /** Row count per {@code service.table}. */
  Map<String, Long> rows() {
    Map<String, Long> counts = new TreeMap<>();
    connections.forEach(
        (service, c) -> {
          try (Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                st.executeQuery(
                    "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
              while (rs.next()) {
                tables.add(rs.getString(1));
              }
            }
            for (String table : tables) {
              if (BACKGROUND.contains(table)) {
                continue;
              }
              try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                rs.next();
                counts.put(service.key() + "." + table, rs.getLong(1));
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    return counts;
  }

  /** End offset per topic partition of {@link #TOPICS}. */
  Map<String, Long> offsets() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : TOPICS) {
      for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
    }
    Map<String, Long> ends = new TreeMap<>();
    consumer
        .endOffsets(partitions, Duration.ofSeconds(10))
        .forEach((tp, offset) -> ends.put(tp.toString(), offset));
    return ends;
  }

  /** Rows and offsets together. */
  Map<String, Long> everything() {
    Map<String, Long> all = new TreeMap<>(rows());
    all.putAll(offsets());
    return all;
  }

  /**
   * Waits until nothing moves for {@code quiet}: the asynchronous work of earlier requests (outbox
   * relay, consumers, webhooks) has settled.
   */
  Map<String, Long> awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Long> last = everything();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(250);
      Map<String, Long> now = everything();
      if (!now.equals(last)) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
        return now;
      }
    }
    throw new IllegalStateException("the platform did not settle within " + timeout + ": " + last);
  }

  /** One query's single value, for fixtures. */
  Object value(Service service, String sql) {
    try (Statement st = connections.get(service).createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getObject(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    consumer.close();
    connections
        .values()
        .forEach(
            c -> {
              try {
                c.close();
              } catch (SQLException e) {
                // closing a test's connection: nothing to do
              }
            });
  }
}
