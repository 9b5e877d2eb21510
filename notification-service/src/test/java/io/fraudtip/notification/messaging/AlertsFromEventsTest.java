package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertsFromEventsTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void accountReportedCarriesTrustReportCountAndAPerAccountSequence() throws Exception {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "970425");
    Webhooks.tip(kafka, "970425", "7400000001");
    Webhooks.tip(kafka, "970425", "7400000001");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 2);

    List<JsonNode> bodies = bodies(endpoint.receiver());
    assertThat(bodies).extracting(b -> b.get("type").asText()).containsOnly("account.reported");
    JsonNode first = bodies.get(0).get("data");
    JsonNode second = bodies.get(1).get("data");
    if (first.get("sequence").asLong() > second.get("sequence").asLong()) {
      JsonNode t = first;
      first = second;
      second = t;
    }
    assertThat(first.get("advisory").asBoolean()).isTrue();
    assertThat(first.get("trust").asText()).isEqualTo("IDENTIFIED_WITH_TRANSFERS");
    assertThat(first.get("accountNumber").asText()).isEqualTo("7400000001");
    assertThat(first.get("bankName").asText()).isEqualTo("AB Bank");
    assertThat(first.get("transfers").get(0).get("amountVnd").asLong()).isEqualTo(5_000_000);
    assertThat(first.get("reportCount").asInt()).isEqualTo(1);
    assertThat(second.get("reportCount").asInt()).isEqualTo(2);
    assertThat(second.get("sequence").asLong()).isEqualTo(first.get("sequence").asLong() + 1);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void caseEventsBecomeFreezeRequestsConfirmationsAndRetractionsOnceEach() throws Exception {
    Webhooks.Endpoint endpoint =
        Webhooks.register(
            tokens, bank, "970426", "freeze.requested", "case.confirmed", "alert.retracted");
    UUID caseId = UUID.randomUUID();
    List<AccountRefV1> accounts =
        List.of(
            new AccountRefV1("970426", "7500000001", 1),
            new AccountRefV1("970426", "7500000002", 2));
    ProducerRecord<String, String> freeze =
        caseEvent(caseId, CaseEventKind.FREEZE_REQUESTED, null, accounts);
    kafka
        .produceStrings()
        .fromRecords(
            freeze,
            freeze, // the same event twice makes one alert per account
            caseEvent(caseId, CaseEventKind.ASSIGNED, null, List.of()),
            caseEvent(caseId, CaseEventKind.CLOSED, Closure.CONFIRMED, accounts.subList(0, 1)),
            caseEvent(caseId, CaseEventKind.CLOSED, Closure.UNFOUNDED, accounts.subList(1, 2)),
            caseEvent(caseId, CaseEventKind.IDENTIFIER_DELISTED, null, accounts.subList(0, 1)))
        .awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE case_id = ?", caseId) == 5);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 5);
    List<JsonNode> bodies = bodies(endpoint.receiver());
    assertThat(bodies)
        .extracting(b -> b.get("type").asText() + " " + b.get("data").get("accountNumber").asText())
        .containsExactlyInAnyOrder(
            "freeze.requested 7500000001",
            "freeze.requested 7500000002",
            "case.confirmed 7500000001",
            "alert.retracted 7500000002",
            "alert.retracted 7500000001");
    for (JsonNode b : bodies) {
      JsonNode data = b.get("data");
      assertThat(data.get("advisory").asBoolean())
          .isEqualTo(!b.get("type").asText().equals("freeze.requested"));
      assertThat(data.get("caseReference").asText()).isEqualTo("VV-2026-000123");
    }
    assertThat(
            db.query(
                "SELECT sequence FROM alert WHERE case_id = ? AND account_number = '7500000001'"
                    + " ORDER BY sequence",
                caseId))
        .extracting(r -> r.get("sequence"))
        .containsExactly(1L, 2L, 3L);
    Webhooks.retire(db, endpoint);
  }

  private static ProducerRecord<String, String> caseEvent(
      UUID caseId, CaseEventKind kind, Closure closure, List<AccountRefV1> accounts) {
    UUID eventId = UUID.randomUUID();
    CaseEventV1 event =
        new CaseEventV1(
            eventId,
            caseId,
            "VV-2026-000123",
            kind,
            Instant.now(),
            kind == CaseEventKind.CLOSED ? CaseStatus.CLOSED : CaseStatus.IN_PROGRESS,
            "PA05-56",
            null,
            List.of(),
            List.of(),
            accounts,
            closure,
            null);
    return CloudEventRecords.of(
        Topics.CASES_V1, caseId.toString(), eventId, kind.cloudEventType(), Json.write(event));
  }

  private static List<JsonNode> bodies(DemoBank.Receiver receiver) throws Exception {
    List<JsonNode> bodies = new java.util.ArrayList<>();
    for (DemoBank.Delivery d : receiver.deliveries()) {
      assertThat(d.verified()).isTrue();
      bodies.add(Json.events().readTree(d.body()));
    }
    return bodies;
  }
}
