package io.fraudtip.loadtests;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the services' consumer groups have yet to take, summed over every group and
 * partition: zero means the whole platform has caught up with what it was sent. Each scenario
 * starts from a quiet platform, so that one scenario's backlog is not counted against the next. The
 * soak run reports it by group and topic, so that a backlog names the consumer that is behind.
 */
final class ConsumerLag implements AutoCloseable {
  private final Admin admin;

  ConsumerLag(String bootstrapServers) {
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000));
  }

  /** Records not yet consumed by any group, or -1 when the broker cannot say. */
  long total() {
    return byGroupAndTopic()
        .map(m -> m.values().stream().mapToLong(Long::longValue).sum())
        .orElse(-1L);
  }

  /**
   * Records not yet consumed, by "group ← topic" (a group reads several topics), in name order;
   * empty when the broker cannot say.
   */
  Optional<SortedMap<String, Long>> byGroupAndTopic() {
    try {
      SortedMap<String, Long> lag = new TreeMap<>();
      for (ConsumerGroupListing group :
          admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group.groupId())
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
            admin
                .listOffsets(
                    committed.keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all()
                .get(10, TimeUnit.SECONDS);
        for (var e : committed.entrySet()) {
          if (e.getValue() != null && ends.containsKey(e.getKey())) {
            lag.merge(
                group.groupId() + " ← " + e.getKey().topic(),
                Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset()),
                Long::sum);
          }
        }
      }
      return Optional.of(lag);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
