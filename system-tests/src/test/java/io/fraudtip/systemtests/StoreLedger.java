package io.fraudtip.systemtests;

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
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the platform has stored: a digest of every row of every table of every service's database
 * (JDBC on the stack's PostgreSQL; an update shows as well as an insert or a delete) and the end
 * offsets of every topic. A refused request must change neither.
 */
final class StoreLedger implements AutoCloseable {
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

  /**
   * Per {@code service.table}: its row count and a digest of all its rows in a stable order, the
   * outbox included (published rows are kept for a day, so nothing deletes them during a suite).
   */
  Map<String, String> rows() {
    Map<String, String> digests = new TreeMap<>();
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
              try (ResultSet rs =
                  st.executeQuery(
                      "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n'"
                          + " ORDER BY t::text)), '-') FROM \""
                          + table
                          + "\" t")) {
                rs.next();
                digests.put(service.key() + "." + table, rs.getString(1));
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    return digests;
  }

  /**
   * End offset per partition of every topic the platform has (dead-letter topics included; Kafka's
   * own internal topics, which move with every consumer's commit, left out).
   */
  Map<String, String> offsets() {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .listTopics(Duration.ofSeconds(10))
        .forEach(
            (topic, infos) -> {
              if (!topic.startsWith("__")) {
                for (PartitionInfo p : infos) {
                  partitions.add(new TopicPartition(topic, p.partition()));
                }
              }
            });
    Map<String, String> ends = new TreeMap<>();
    consumer
        .endOffsets(partitions, Duration.ofSeconds(10))
        .forEach((tp, offset) -> ends.put(tp.toString(), String.valueOf(offset)));
    return ends;
  }

  /** Rows and offsets together. */
  Map<String, String> everything() {
    Map<String, String> all = new TreeMap<>(rows());
    all.putAll(offsets());
    return all;
  }

  /**
   * Waits until nothing moves for {@code quiet}: the asynchronous work of earlier requests (outbox
   * relay, consumers, webhooks) has settled.
   */
  Map<String, String> awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> last = everything();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(250);
      Map<String, String> now = everything();
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
