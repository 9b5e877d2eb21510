package io.fraudtip.localstack.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), in this JVM, from the
 * same Kafka version as the clients Quarkus brings. With a fixed cluster id and log directory its
 * data survives a restart.
 */
public final class KafkaServer implements KafkaBroker {
  /** Cluster id of every broker we start: a restarted broker finds its formatted storage. */
  static final String CLUSTER_ID = "ZnJhdWR0aXAtbG9jYWwtMQ";

  private final Path logDirectory;
  private final int port;
  private final int controllerPort;
  private final int partitions;
  private volatile EmbeddedKafkaBroker broker;

  private KafkaServer(Path logDirectory, int port, int controllerPort, int partitions) {
    this.logDirectory = logDirectory;
    this.port = port;
    this.controllerPort = controllerPort;
    this.partitions = partitions;
  }

  /**
   * Starts a broker.
   *
   * @param logDirectory where the logs and metadata live
   * @param port the client port on loopback
   * @param partitions default partition count of topics created on first use
   */
  public static KafkaServer start(Path logDirectory, int port, int partitions) {
    return start(logDirectory, port, FreePorts.pick(), partitions);
  }

  /**
   * Starts a broker with its controller on a given port: a broker started again in another process
   * (see {@link KafkaProcess}) must find its controller where its metadata says it is.
   */
  public static KafkaServer start(Path logDirectory, int port, int controllerPort, int partitions) {
    KafkaServer server = new KafkaServer(logDirectory, port, controllerPort, partitions);
    server.broker = server.startBroker();
    return server;
  }

  /**
   * Stops the broker and starts it again on the same ports and log directory (a broker restart, as
   * in a fault test): clients see it go away and come back with its records.
   */
  @Override
  public void restart() {
    broker.close();
    broker = startBroker();
  }

  private EmbeddedKafkaBroker startBroker() {
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withKafkaPort(port)
            .withControllerPort(controllerPort)
            .withClusterId(CLUSTER_ID)
            .withDeleteLogDirsOnClose(false)
            .withAdditionalProperties(
                props -> {
                  // Both keys: with log.dir unset the companion makes an empty temporary
                  // directory of its own that nothing uses or deletes (one a broker start).
                  props.put("log.dir", logDirectory.toAbsolutePath().toString());
                  props.put("log.dirs", logDirectory.toAbsolutePath().toString());
                  props.put("num.partitions", Integer.toString(partitions));
                  props.put("auto.create.topics.enable", "true");
                  props.put("offsets.topic.replication.factor", "1");
                  props.put("transaction.state.log.replication.factor", "1");
                  props.put("transaction.state.log.min.isr", "1");
                  props.put("group.initial.rebalance.delay.ms", "0");
                });
    broker.start();
    return broker;
  }

  @Override
  public String bootstrapServers() {
    return broker.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", "");
  }

  @Override
  public void ensureTopics(Collection<String> names, int partitions) {
    ensureTopics(bootstrapServers(), names, partitions);
  }

  /** Creates the topics that do not exist yet on the broker at this address. */
  static void ensureTopics(String bootstrapServers, Collection<String> names, int partitions) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get();
      var missing =
          names.stream()
              .filter(n -> !existing.contains(n))
              // the cluster's own replication factor: 1 on ours, what a shared cluster requires
              .map(n -> new NewTopic(n, Optional.of(partitions), Optional.empty()))
              .collect(Collectors.toList());
      for (var created : admin.createTopics(missing).values().values()) {
        try {
          created.get();
        } catch (ExecutionException e) {
          // On a loaded machine the client may time out and retry a creation the broker already
          // made: the topic is there, which is all we want.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topics " + names, e.getCause());
    }
  }

  @Override
  public void close() {
    broker.close();
  }
}
