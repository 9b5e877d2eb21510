package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Topics;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bank learns the case of an account a tip reported: in {@code account.reported} when the case is
 * known already, otherwise in one {@code case.linked} follow-up per account once it is (and again
 * when a merge moves the tip to another case), and not again when an older event of a case the
 * merge absorbed comes after it.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseLinkedTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void anAlertRaisedBeforeItsCaseIsKnownIsFollowedByOneCaseLinkedNamingIt() throws Exception {
    String bin = "970441";
    String account = "7600000101";
    Webhooks.Endpoint endpoint =
        Webhooks.register(tokens, bank, bin, "account.reported", "case.linked");
    UUID tip = Webhooks.tip(kafka, bin, account);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    JsonNode reported = Webhooks.body(endpoint.receiver(), "account.reported").get("data");
    assertThat(reported.has("caseReference")).isFalse();
    String alertId = reported.get("alertId").asText();

    UUID caseId = UUID.randomUUID();
    CaseEventV1 opened = event(caseId, "VV-2026-041001", CaseEventKind.OPENED, tip);
    Webhooks.send(kafka, opened);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 2);
    JsonNode linked = Webhooks.body(endpoint.receiver(), "case.linked");
    assertThat(linked.get("type").asText()).isEqualTo("case.linked");
    JsonNode data = linked.get("data");
    assertThat(data.get("caseReference").asText()).isEqualTo("VV-2026-041001");
    assertThat(data.get("caseId").asText()).isEqualTo(caseId.toString());
    assertThat(data.get("accountNumber").asText()).isEqualTo(account);
    assertThat(data.get("unitCode").asText()).isEqualTo("PA05-56");
    assertThat(data.get("linkedAlertIds").get(0).asText()).isEqualTo(alertId);
    assertThat(data.get("sequence").asLong()).isGreaterThan(reported.get("sequence").asLong());

    // Later events of the same case name the tip again: the bank is not told twice.
    Webhooks.send(kafka, event(caseId, "VV-2026-041001", CaseEventKind.STATUS_CHANGED, tip));
    // A merge moves the tip into another case: that case's reference follows.
    UUID survivor = UUID.randomUUID();
    Webhooks.send(kafka, event(survivor, "VV-2026-041002", CaseEventKind.MERGED, tip));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 3);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND bank_bin = ?",
                bin))
        .isEqualTo(2);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND case_id = ?",
                survivor))
        .isEqualTo(1);

    // The first event again, as after a crash before its offset was committed (the merge, on
    // another case's partition, was committed): handled once, it neither moves the tip back to the
    // case it left nor tells the bank again under its event id, which failed on the alerts' unique
    // key and dead-lettered it. An unreadable record behind it on its partition must be the first
    // dead letter of the key.
    Webhooks.send(kafka, opened);
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                caseId.toString(),
                UUID.randomUUID(),
                CaseEventKind.CLOSED.cloudEventType(),
                "{sentinel, not json"))
        .awaitCompletion(Duration.ofSeconds(10));
    var firstDead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.CASES_V1, "notification-service"),
            r -> caseId.toString().equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(firstDead.value()).startsWith("{sentinel");
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_state_tip WHERE tip_id = ? AND case_id = ?",
                tip,
                survivor))
        .isEqualTo(1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND bank_bin = ?",
                bin))
        .isEqualTo(2);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anAlertRaisedAfterItsCaseIsKnownCarriesTheCaseReferenceAndNeedsNoFollowUp()
      throws Exception {
    String bin = "970442";
    Webhooks.Endpoint endpoint =
        Webhooks.register(tokens, bank, bin, "account.reported", "case.linked");
    UUID tip = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();
    // case-service saw the tip first (this consumer runs behind).
    Webhooks.send(kafka, event(caseId, "VV-2026-042001", CaseEventKind.OPENED, tip));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> db.queryLong("SELECT count(*) FROM case_state_tip WHERE tip_id = ?", tip) == 1);
    kafka
        .produceStrings()
        .fromRecords(Webhooks.tipRecord(tip, bin, "7600000201"))
        .awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    JsonNode data = Webhooks.body(endpoint.receiver(), "account.reported").get("data");
    assertThat(data.get("caseReference").asText()).isEqualTo("VV-2026-042001");
    assertThat(data.get("caseId").asText()).isEqualTo(caseId.toString());
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert WHERE tip_id = ? AND case_id = ?", tip, caseId))
        .isEqualTo(1);
    Thread.sleep(1000);
    assertThat(endpoint.receiver().deliveries()).hasSize(1);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anOlderEventOfACaseAMergeAbsorbedReadAfterTheMergeMovesNoTipBackAndTellsNoBank()
      throws Exception {
    String bin = "970456";
    Webhooks.Endpoint endpoint =
        Webhooks.register(tokens, bank, bin, "account.reported", "case.linked");
    UUID tip = Webhooks.tip(kafka, bin, "7600000301");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    UUID absorbed = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    Instant opened = Instant.now().minusSeconds(60);

    // The survivor's merge, on its partition, is read first; the absorbed case's event from before
    // the merge comes later on another partition: first-time, not a replay.
    Webhooks.send(
        kafka,
        new CaseEventV1(
            UUID.randomUUID(),
            survivor,
            "VV-2026-045002",
            CaseEventKind.MERGED,
            opened.plusSeconds(30),
            CaseStatus.ASSIGNED,
            "PA05-56",
            null,
            List.of(tip),
            List.of(absorbed),
            List.of(),
            null,
            null));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 2);
    CaseEventV1 older = event(absorbed, "VV-2026-045001", CaseEventKind.OPENED, tip, opened);
    Webhooks.send(kafka, older);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM processed_event WHERE event_id = ?"
                            + " AND consumer = 'case-links'",
                        older.eventId())
                    == 1);

    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_state_tip WHERE tip_id = ? AND case_id = ?",
                tip,
                survivor))
        .isOne();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND case_id = ?",
                absorbed))
        .isZero();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND case_id = ?",
                survivor))
        .isOne();
    Webhooks.retire(db, endpoint);
  }

  private static CaseEventV1 event(UUID caseId, String reference, CaseEventKind kind, UUID tip) {
    return event(caseId, reference, kind, tip, Instant.now());
  }

  private static CaseEventV1 event(
      UUID caseId, String reference, CaseEventKind kind, UUID tip, Instant occurredAt) {
    return new CaseEventV1(
        UUID.randomUUID(),
        caseId,
        reference,
        kind,
        occurredAt,
        CaseStatus.ASSIGNED,
        "PA05-56",
        null,
        List.of(tip),
        List.of(),
        List.of(),
        null,
        null);
  }
}
