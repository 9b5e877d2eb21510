package io.fraudtip.commons.inbox;

import io.fraudtip.contracts.CloudEvents;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Incoming records as the connector hands them over: binary-mode CloudEvent headers, no parsing.
 */
final class TestRecords {
  private TestRecords() {}

  /** A record's metadata with a random event id and the type {@code test.v1}. */
  static IncomingKafkaRecordMetadata<String, String> cloudEvent() {
    return withHeaders(UUID.randomUUID().toString(), "test.v1");
  }

  /** A record's metadata with these {@code ce_id} and {@code ce_type} headers (null: none). */
  static IncomingKafkaRecordMetadata<String, String> withHeaders(String id, String type) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION));
    if (id != null) {
      headers.add(CloudEvents.HEADER_ID, bytes(id));
    }
    if (type != null) {
      headers.add(CloudEvents.HEADER_TYPE, bytes(type));
    }
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(
            "test",
            0,
            0L,
            0L,
            TimestampType.CREATE_TIME,
            0,
            0,
            null,
            "{}",
            headers,
            Optional.empty());
    return new IncomingKafkaRecordMetadata<>(record, "test");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
