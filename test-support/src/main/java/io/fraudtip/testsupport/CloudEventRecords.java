package io.fraudtip.testsupport;

import io.fraudtip.contracts.CloudEvents;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Kafka records shaped as the services publish them: binary-mode CloudEvents with JSON data. */
public final class CloudEventRecords {
  private CloudEventRecords() {}

  /** A CloudEvent record with the given id, type and JSON payload. */
  public static ProducerRecord<String, String> of(
      String topic, String key, UUID eventId, String type, String json) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
    header(headers, CloudEvents.HEADER_ID, eventId.toString());
    header(headers, CloudEvents.HEADER_TYPE, type);
    header(headers, CloudEvents.HEADER_SOURCE, "/fraudtip/tests");
    header(headers, CloudEvents.HEADER_TIME, Instant.now().toString());
    header(headers, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
    return new ProducerRecord<>(topic, null, key, json, headers);
  }

  /**
   * Waits for the first record of a topic (read from its start) that matches, and returns it.
   *
   * @throws AssertionError when none arrives in time
   */
  public static ConsumerRecord<String, String> awaitFirst(
      KafkaCompanion kafka,
      String topic,
      Predicate<ConsumerRecord<String, String>> matching,
      Duration timeout) {
    try (var task =
        kafka
            .consumeStrings()
            .fromTopics(topic, records -> records.filter(matching).select().first())) {
      task.awaitCompletion(timeout);
      List<ConsumerRecord<String, String>> found = task.getRecords();
      if (found.isEmpty()) {
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
      }
      return found.get(0);
    }
  }

  /** The value of a header of a consumed record, or null. */
  public static String header(ConsumerRecord<?, ?> r, String n) {
    var header = r.headers().lastHeader(n);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
