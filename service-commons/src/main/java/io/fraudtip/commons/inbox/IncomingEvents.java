package io.fraudtip.commons.inbox;

import io.fraudtip.contracts.CloudEvents;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What consumers read off an incoming CloudEvent besides its payload: its id and type, straight
 * from the record's binary-mode headers ({@code ce_id}, {@code ce_type}). The incoming channels
 * leave the connector's CloudEvent support off ({@code cloud-events=false}): it built a metadata
 * object for every record, parsing its {@code ce_time} and source, to be asked for two strings (3 %
 * of case-service's CPU under tips).
 */
public final class IncomingEvents {
  private IncomingEvents() {}

  /**
   * The CloudEvent id of a message.
   *
   * @throws IllegalArgumentException when the record is not a CloudEvent with a UUID id; the
   *     channel's failure strategy sends it to the dead-letter topic
   */
  public static UUID eventId(Message<?> message) {
    String id = header(message, CloudEvents.HEADER_ID);
    if (id == null) {
      throw new IllegalArgumentException("record is not a CloudEvent");
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CloudEvent id is not a UUID: " + id, e);
    }
  }

  /** The CloudEvent type of a message, or null. */
  public static String eventType(Message<?> message) {
    return header(message, CloudEvents.HEADER_TYPE);
  }

  /** The Kafka headers of an incoming record, or null when the message has none. */
  static Headers headers(Message<?> message) {
    if (message instanceof KafkaRecord<?, ?> kafka && kafka.getHeaders() != null) {
      return kafka.getHeaders();
    }
    return message
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(IncomingKafkaRecordMetadata::getHeaders)
        .orElse(null);
  }

  private static String header(Message<?> message, String name) {
    Headers headers = headers(message);
    Header header = headers == null ? null : headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
