package io.fraudtip.testsupport;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings a channel's running Kafka consumer was built with, read from the client itself: what
 * the broker is asked for, after every property expression was resolved.
 */
public final class ConsumerSettings {
  private ConsumerSettings() {}

  /** The consumer's value for {@code key} ({@code fetch.min.bytes}…), empty when left to Kafka. */
  public static Optional<String> of(KafkaClientService clients, String channel, String key) {
    return Optional.ofNullable(clients.getConsumer(channel).configuration().get(key))
        .map(String::valueOf);
  }

  /**
   * Asserts that the channel's consumer fetches in fuller batches: the broker holds its fetches for
   * {@code fraudtip.messaging.batch-fetch.*} (service-commons), more than one byte.
   */
  public static void assertBatchFetch(KafkaClientService clients, String channel) {
    var config = ConfigProvider.getConfig();
    String minBytes = config.getValue("fraudtip.messaging.batch-fetch.min-bytes", String.class);
    String maxWait = config.getValue("fraudtip.messaging.batch-fetch.max-wait-ms", String.class);
    if (Integer.parseInt(minBytes) <= 1
        || !Optional.of(minBytes).equals(of(clients, channel, "fetch.min.bytes"))
        || !Optional.of(maxWait).equals(of(clients, channel, "fetch.max.wait.ms"))) {
      throw new AssertionError(
          channel
              + ": fetch.min.bytes "
              + of(clients, channel, "fetch.min.bytes").orElse("(Kafka's default)")
              + ", fetch.max.wait.ms "
              + of(clients, channel, "fetch.max.wait.ms").orElse("(Kafka's default)")
              + "; expected "
              + minBytes
              + " and "
              + maxWait);
    }
  }
}
