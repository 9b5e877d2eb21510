package io.fraudtip.testsupport;

import io.fraudtip.contracts.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
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

  /** The value of a header of a consumed record, or null. */
  public static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> r, String n) {
    var header = r.headers().lastHeader(n);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
