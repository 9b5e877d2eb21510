package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A traced account is an advisory naming the tracing bank; a freeze request names the police
 * request that authorised it and the bounded hold (SPEC §10).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TracedAndFreezeAlertsTest {
  private static final String BANK = "970440";
  private static final String TRACING_BANK = "970436";

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void aTracedAccountIsAnAdvisoryNamingTheTracingBankAndAFreezeNamesItsAuthorisationAndHold()
      throws Exception {
    Webhooks.Endpoint endpoint =
        Webhooks.register(tokens, bank, BANK, "account.traced", "freeze.requested");
    UUID caseId = UUID.randomUUID();
    UUID requestId = UUID.randomUUID();
    Instant requestedAt = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
    Instant expires = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.MILLIS);
    Webhooks.send(
        kafka,
        event(
            caseId,
            CaseEventKind.ACCOUNT_TRACED,
            new AccountRefV1(BANK, "7900000001", 2),
            TRACING_BANK,
            null));
    Webhooks.send(
        kafka,
        event(
            caseId,
            CaseEventKind.FREEZE_REQUESTED,
            new AccountRefV1(BANK, "7900000001", 2, 30_000_000L, expires),
            TRACING_BANK,
            new FreezeAuthorisationV1(requestId, "PA05-66", requestedAt, true)));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> endpoint.receiver().deliveries().size() == 2);
    JsonNode traced = Webhooks.body(endpoint.receiver(), "account.traced").get("data");
    assertThat(traced.get("advisory").asBoolean()).isTrue();
    assertThat(traced.get("layer").asInt()).isEqualTo(2);
    assertThat(traced.get("caseReference").asText()).isEqualTo("VV-2026-000777");
    assertThat(traced.get("unitCode").asText()).isEqualTo("PA05-66");
    assertThat(traced.get("tracedBy").get("bankBin").asText()).isEqualTo(TRACING_BANK);
    assertThat(traced.get("tracedBy").get("bankName").asText()).isEqualTo("Vietcombank");
    assertThat(traced.has("authorisation")).isFalse();
    assertThat(traced.has("holdAmountVnd")).isFalse();

    JsonNode freeze = Webhooks.body(endpoint.receiver(), "freeze.requested").get("data");
    assertThat(freeze.get("advisory").asBoolean()).isFalse();
    JsonNode authorisation = freeze.get("authorisation");
    assertThat(authorisation.get("requestId").asText()).isEqualTo(requestId.toString());
    assertThat(authorisation.get("unitCode").asText()).isEqualTo("PA05-66");
    assertThat(Instant.parse(authorisation.get("requestedAt").asText())).isEqualTo(requestedAt);
    assertThat(authorisation.get("standingOrder").asBoolean()).isTrue();
    assertThat(freeze.get("holdAmountVnd").asLong()).isEqualTo(30_000_000L);
    assertThat(Instant.parse(freeze.get("holdExpiresAt").asText())).isEqualTo(expires);
    assertThat(freeze.get("tracedBy").get("bankBin").asText()).isEqualTo(TRACING_BANK);
    Webhooks.retire(db, endpoint);
  }

  private static CaseEventV1 event(
      UUID caseId,
      CaseEventKind kind,
      AccountRefV1 account,
      String tracedBy,
      FreezeAuthorisationV1 authorisation) {
    return new CaseEventV1(
        UUID.randomUUID(),
        caseId,
        "VV-2026-000777",
        kind,
        Instant.now(),
        CaseStatus.IN_PROGRESS,
        "PA05-66",
        null,
        List.of(),
        List.of(),
        List.of(account),
        null,
        null,
        tracedBy,
        authorisation);
  }
}
