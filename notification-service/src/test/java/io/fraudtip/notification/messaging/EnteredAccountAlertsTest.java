package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
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
 * An account a police unit entered into a case (IDENTIFIER_ADDED on cases.v1) alerts its bank as
 * one a tip named: {@code account.reported}, an advisory counted as one more report; tips split
 * into a new case (SPLIT) follow it in the case links.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EnteredAccountAlertsTest {
  private static final String BANK = "970452";

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void anAccountAUnitEnteredIsReportedToItsBankAsFromATip() throws Exception {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, BANK, "account.reported");
    UUID caseId = UUID.randomUUID();
    CaseEventV1 added =
        event(
            caseId,
            CaseEventKind.IDENTIFIER_ADDED,
            List.of(),
            List.of(new AccountRefV1(BANK, "8100000001", 1)),
            "Entered by police unit PA05-66");
    Webhooks.send(kafka, added);
    Webhooks.send(kafka, added); // delivered twice: one alert

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 1);
    JsonNode data = Webhooks.body(endpoint.receiver(), "account.reported").get("data");
    assertThat(data.get("advisory").asBoolean()).isTrue();
    assertThat(data.get("accountNumber").asText()).isEqualTo("8100000001");
    assertThat(data.get("layer").asInt()).isEqualTo(1);
    assertThat(data.get("caseId").asText()).isEqualTo(caseId.toString());
    assertThat(data.get("caseReference").asText()).isEqualTo("VN-0A1B2C3D");
    assertThat(data.get("unitCode").asText()).isEqualTo("PA05-66");
    assertThat(data.get("reportCount").asInt()).isEqualTo(1);
    assertThat(data.get("trust").asText()).isEqualTo("IDENTIFIED");
    assertThat(data.get("note").asText()).contains("PA05-66");
    assertThat(data.has("tipId")).isFalse();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM alert WHERE case_id = ? AND event_type = 'account.reported'",
                caseId))
        .isOne();
    assertThat(
            db.queryLong(
                "SELECT report_count FROM account_state WHERE bank_bin = ? AND account_number = ?",
                BANK,
                "8100000001"))
        .isOne();
    Webhooks.retire(db, endpoint);
  }

  @Test
  void tipsSplitIntoANewCaseFollowIt() {
    UUID original = UUID.randomUUID();
    UUID created = UUID.randomUUID();
    UUID kept = UUID.randomUUID();
    UUID moved = UUID.randomUUID();
    Webhooks.send(
        kafka, event(original, CaseEventKind.OPENED, List.of(kept, moved), List.of(), null));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM case_state_tip WHERE case_id = ?", original)
                    == 2);

    Webhooks.send(
        kafka,
        event(created, CaseEventKind.SPLIT, List.of(moved), List.of(), "Split by hand from X"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM case_state_tip WHERE tip_id = ? AND case_id = ?",
                        moved,
                        created)
                    == 1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_state_tip WHERE tip_id = ? AND case_id = ?",
                kept,
                original))
        .isOne();
  }

  private static CaseEventV1 event(
      UUID caseId, CaseEventKind kind, List<UUID> tips, List<AccountRefV1> accounts, String note) {
    return new CaseEventV1(
        UUID.randomUUID(),
        caseId,
        "VN-0A1B2C3D",
        kind,
        Instant.now(),
        CaseStatus.IN_PROGRESS,
        "PA05-66",
        null,
        tips,
        List.of(),
        accounts,
        null,
        note);
  }
}
