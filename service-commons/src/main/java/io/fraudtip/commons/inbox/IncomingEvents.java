package io.fraudtip.commons.inbox;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What consumers read off an incoming CloudEvent besides its payload. */
public final class IncomingEvents {
  private IncomingEvents() {}

  /**
   * The CloudEvent id of a message.
   *
   * @throws IllegalArgumentException when the record is not a CloudEvent with a UUID id; the
   *     channel's failure strategy sends it to the dead-letter topic
   */
  public static UUID eventId(Message<?> message) {
    String id =
        message
            .getMetadata(IncomingCloudEventMetadata.class)
            .map(IncomingCloudEventMetadata::getId)
            .orElseThrow(() -> new IllegalArgumentException("record is not a CloudEvent"));
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CloudEvent id is not a UUID: " + id, e);
    }
  }

  /** The CloudEvent type of a message, or null. */
  public static String eventType(Message<?> message) {
    return message
        .getMetadata(IncomingCloudEventMetadata.class)
        .map(IncomingCloudEventMetadata::getType)
        .orElse(null);
  }
}
