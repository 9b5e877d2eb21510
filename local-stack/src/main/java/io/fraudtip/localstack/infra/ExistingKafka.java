package io.fraudtip.localstack.infra;

import java.util.Collection;

/**
 * A Kafka cluster that already runs (a team's shared one): the stack creates its topics there when
 * they are missing and otherwise only uses it; it never restarts or stops it.
 */
public final class ExistingKafka implements KafkaBroker {
  private final String bootstrapServers;

  public ExistingKafka(String bootstrapServers) {
    if (!bootstrapServers.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
      throw new IllegalArgumentException(
          "Kafka's address is host:port[,host:port...], not '" + bootstrapServers + "'");
    }
    this.bootstrapServers = bootstrapServers;
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void ensureTopics(Collection<String> names, int partitions) {
    KafkaServer.ensureTopics(bootstrapServers, names, partitions);
  }

  @Override
  public void restart() {
    throw new IllegalStateException(
        "Kafka at " + bootstrapServers + " is not the stack's own: it is not ours to restart");
  }

  /** Leaves the cluster running. */
  @Override
  public void close() {}
}
