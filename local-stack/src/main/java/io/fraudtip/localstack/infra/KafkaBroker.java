package io.fraudtip.localstack.infra;

import java.util.Collection;

/**
 * A Kafka broker the local stack talks to: in this JVM ({@link KafkaServer}) or in a child JVM of
 * its own ({@link KafkaProcess}, which a fault test can kill outright).
 */
public interface KafkaBroker extends AutoCloseable {
  /** The address clients connect to. */
  String bootstrapServers();

  /** Creates the topics that do not exist yet. */
  void ensureTopics(Collection<String> names, int partitions);

  /**
   * Stops the broker (if it still runs) and starts it again on the same ports and log directory.
   */
  void restart();

  @Override
  void close();
}
