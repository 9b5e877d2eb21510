package io.fraudtip.commons.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class IncomingEventsTest {
  @Test
  void theIdAndTypeAreReadOffTheRecordsHeaders() {
    UUID id = UUID.randomUUID();
    Message<String> m = message(TestRecords.withHeaders(id.toString(), "io.fraudtip.case.opened"));

    assertThat(IncomingEvents.eventId(m)).isEqualTo(id);
    assertThat(IncomingEvents.eventType(m)).isEqualTo("io.fraudtip.case.opened");
  }

  @Test
  void aRecordWithoutAnIdIsNotACloudEvent() {
    Message<String> m = message(TestRecords.withHeaders(null, "test.v1"));

    assertThatThrownBy(() -> IncomingEvents.eventId(m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a CloudEvent");
  }

  @Test
  void anIdThatIsNotAUuidIsRefused() {
    Message<String> m = message(TestRecords.withHeaders("event-1", "test.v1"));

    assertThatThrownBy(() -> IncomingEvents.eventId(m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event-1");
  }

  @Test
  void aRecordWithoutATypeHasNone() {
    Message<String> m = message(TestRecords.withHeaders(UUID.randomUUID().toString(), null));

    assertThat(IncomingEvents.eventType(m)).isNull();
  }

  @Test
  void aMessageThatDidNotComeFromKafkaHasNeither() {
    Message<String> m = Message.of("{}");

    assertThat(IncomingEvents.eventType(m)).isNull();
    assertThatThrownBy(() -> IncomingEvents.eventId(m))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Message<String> message(Object metadata) {
    return Message.of("{}", Metadata.of(metadata));
  }
}
