package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The trace of a tip reaches the bank: the tips.v1 record's {@code traceparent} is kept with the
 * alert, and every attempt (retries too) sends a {@code traceparent} of the same trace whose parent
 * span is a span of its own (tracing is on in the test profile).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WebhookTraceTest {
  private static final String BIN = "970437";

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void aTipsTraceparentReachesTheWebhookAsTheSameTraceWithANewSpanOnEveryAttempt() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String producerSpan = "00f067aa0ba902b7";
    String traceparent = "00-" + traceId + "-" + producerSpan + "-01";
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, BIN);
    endpoint.receiver().answer(500, 1);
    try {
      UUID tipId = UUID.randomUUID();
      ProducerRecord<String, String> record = Webhooks.tipRecord(tipId, BIN, "7100000001");
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
      record.headers().add("tracestate", "fraudtip=t1".getBytes(StandardCharsets.UTF_8));
      kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> endpoint.receiver().deliveries().stream().anyMatch(d -> d.answered() == 200));
      List<DemoBank.Delivery> got = endpoint.receiver().deliveries();
      assertThat(got).extracting(DemoBank.Delivery::answered).containsExactly(500, 200);
      List<String[]> parts = got.stream().map(d -> d.traceparent().split("-")).toList();
      assertThat(parts).allSatisfy(p -> assertThat(p).hasSize(4));
      assertThat(parts).extracting(p -> p[1]).containsOnly(traceId);
      assertThat(parts).extracting(p -> p[2]).doesNotContain(producerSpan).doesNotHaveDuplicates();
      assertThat(parts).extracting(p -> p[3]).containsOnly("01");

      var alert = db.query("SELECT traceparent, tracestate FROM alert WHERE tip_id = ?", tipId);
      assertThat(alert).hasSize(1);
      assertThat(alert.get(0)).containsEntry("traceparent", traceparent);
      assertThat(alert.get(0)).containsEntry("tracestate", "fraudtip=t1");
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void aFreezeRequestContinuesTheTraceOfItsCaseEvent() {
    String bin = "970438";
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String traceparent = "00-" + traceId + "-a3ce929d0e0e4736-01";
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, bin, "freeze.requested");
    try {
      UUID caseId = UUID.randomUUID();
      UUID eventId = UUID.randomUUID();
      CaseEventV1 event =
          new CaseEventV1(
              eventId,
              caseId,
              "VV-2026-000777",
              CaseEventKind.FREEZE_REQUESTED,
              Instant.now(),
              CaseStatus.IN_PROGRESS,
              "PA05-56",
              null,
              List.of(),
              List.of(),
              List.of(new AccountRefV1(bin, "7100000003", 1)),
              null,
              null);
      ProducerRecord<String, String> record =
          CloudEventRecords.of(
              Topics.CASES_V1,
              caseId.toString(),
              eventId,
              CaseEventKind.FREEZE_REQUESTED.cloudEventType(),
              Json.write(event));
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
      kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> endpoint.receiver().deliveries().stream().anyMatch(d -> d.answered() == 200));
      String[] sent = endpoint.receiver().deliveries().get(0).traceparent().split("-");
      assertThat(sent[1]).isEqualTo(traceId);
      assertThat(sent[2]).isNotEqualTo("a3ce929d0e0e4736");
      assertThat(db.query("SELECT traceparent FROM alert WHERE case_id = ?", caseId))
          .extracting(r -> r.get("traceparent"))
          .containsExactly(traceparent);
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void aTipWithoutTraceContextIsDeliveredAsItsOwnTrace() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, BIN);
    try {
      UUID tipId = Webhooks.tip(kafka, BIN, "7100000002");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> endpoint.receiver().deliveries().stream().anyMatch(d -> d.answered() == 200));
      assertThat(endpoint.receiver().deliveries().get(0).verified()).isTrue();
      // A root span of its own: a fresh trace, sampled.
      assertThat(endpoint.receiver().deliveries().get(0).traceparent())
          .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      var alert = db.query("SELECT traceparent FROM alert WHERE tip_id = ?", tipId);
      assertThat(alert.get(0).get("traceparent")).isNull();
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }
}
