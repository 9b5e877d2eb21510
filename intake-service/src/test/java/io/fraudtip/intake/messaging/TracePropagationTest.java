package io.fraudtip.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.Topics;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The trace of a tip's HTTP request goes on into Kafka although the outbox relay publishes the
 * record later, on its own thread.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TracePropagationTest {
  @InjectKafka KafkaCompanion kafka;
  @Inject InMemorySpanExporter spans;

  @Test
  void theTipsRecordCarriesTheTraceOfTheRequestThatAcceptedTheTip() throws Exception {
    spans.reset();
    String tipId =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("tipId");

    ConsumerRecord<String, String> record =
        CloudEventRecords.awaitFirst(
            kafka, Topics.TIPS_V1, r -> tipId.equals(r.key()), Duration.ofSeconds(20));
    String traceparent = CloudEventRecords.header(record, "traceparent");
    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    String recordTraceId = traceparent.substring(3, 35);
    String recordParentSpanId = traceparent.substring(36, 52);

    SpanData server =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.SERVER)
                        .filter(s -> s.getName().equals("POST /api/v1/tips"))
                        // Spans are exported after their requests end: another test's request
                        // may land after the reset. The record's trace picks this one.
                        .filter(s -> s.getTraceId().equals(recordTraceId))
                        .toList(),
                l -> l.size() == 1)
            .get(0);
    assertThat(server.getParentSpanContext().isValid()).isFalse();

    // The header names the relay's producer span, a descendant of the request's span.
    List<SpanData> trace =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(recordTraceId))
                        .toList(),
                l -> l.stream().anyMatch(s -> s.getSpanId().equals(recordParentSpanId)));
    SpanData producer =
        trace.stream().filter(s -> s.getSpanId().equals(recordParentSpanId)).findFirst().get();
    assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(producer.getName()).contains(Topics.TIPS_V1);
  }

  /**
   * A caller's trace state may be longer than the outbox keeps (the propagator bounds only each
   * member): it is cut as W3C says, never a failed tip (it was a 500, and its batch rewritten one
   * tip at a time).
   */
  @Test
  void aLongTraceStateFromTheCallerIsCutNotAFailedTip() {
    String state =
        String.join(",", "a=" + "1".repeat(250), "b=" + "2".repeat(250), "c=" + "3".repeat(250));
    String tipId =
        given()
            .contentType(ContentType.JSON)
            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .header("tracestate", state)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("tipId");

    ConsumerRecord<String, String> record =
        CloudEventRecords.awaitFirst(
            kafka, Topics.TIPS_V1, r -> tipId.equals(r.key()), Duration.ofSeconds(20));
    assertThat(CloudEventRecords.header(record, "traceparent"))
        .contains("0af7651916cd43dd8448eb211c80319c");
    assertThat(CloudEventRecords.header(record, "tracestate"))
        .isEqualTo("a=" + "1".repeat(250) + ",b=" + "2".repeat(250));
  }
}
