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
 * The end or extension of a hold reaches the bank holding each account (SPEC §10): hold.extended (a
 * police order, with the new expiry and the reason), hold.lifted (with the reason), hold.expired;
 * each names the freeze request whose hold it is.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HoldAlertsTest {
  private static final String BANK = "970440";
  private static final String OTHER_BANK = "970422";

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void holdEventsBecomeHoldWebhooksToTheBankHoldingEachAccount() throws Exception {
    String[] types = {"hold.extended", "hold.lifted", "hold.expired"};
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, BANK, types);
    Webhooks.Endpoint other = Webhooks.register(tokens, bank, OTHER_BANK, types);
    UUID caseId = UUID.randomUUID();
    FreezeAuthorisationV1 request =
        new FreezeAuthorisationV1(
            UUID.randomUUID(),
            "PA05-66",
            Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS),
            false);
    Instant extendedTo = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MILLIS);
    String ours = "7900000101";
    String theirs = "7900000102";
    Webhooks.send(
        kafka,
        event(
            caseId,
            CaseEventKind.HOLD_EXTENDED,
            request,
            new AccountRefV1(BANK, ours, 1, 30_000_000L, extendedTo, "Chờ quyết định của Tòa án")));
    Webhooks.send(
        kafka,
        event(
            caseId,
            CaseEventKind.HOLD_LIFTED,
            request,
            new AccountRefV1(BANK, ours, 1, 30_000_000L, extendedTo, "Vụ việc không có căn cứ"),
            new AccountRefV1(
                OTHER_BANK, theirs, 2, 5_000_000L, extendedTo, "Vụ việc không có căn cứ")));
    Webhooks.send(
        kafka,
        event(
            caseId,
            CaseEventKind.HOLD_EXPIRED,
            request,
            new AccountRefV1(OTHER_BANK, theirs, 2, 5_000_000L, extendedTo)));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                endpoint.receiver().deliveries().size() == 2
                    && other.receiver().deliveries().size() == 2);

    JsonNode extended = Webhooks.body(endpoint.receiver(), "hold.extended").get("data");
    assertThat(extended.get("advisory").asBoolean()).isFalse();
    assertThat(extended.get("accountNumber").asText()).isEqualTo(ours);
    assertThat(Instant.parse(extended.get("holdExpiresAt").asText())).isEqualTo(extendedTo);
    assertThat(extended.get("holdReason").asText()).isEqualTo("Chờ quyết định của Tòa án");
    assertThat(extended.get("holdAmountVnd").asLong()).isEqualTo(30_000_000L);
    assertThat(extended.get("authorisation").get("requestId").asText())
        .isEqualTo(request.requestId().toString());
    assertThat(extended.get("caseId").asText()).isEqualTo(caseId.toString());

    JsonNode lifted = Webhooks.body(endpoint.receiver(), "hold.lifted").get("data");
    assertThat(lifted.get("advisory").asBoolean()).isTrue();
    assertThat(lifted.get("accountNumber").asText()).isEqualTo(ours);
    assertThat(lifted.get("holdReason").asText()).isEqualTo("Vụ việc không có căn cứ");
    assertThat(lifted.get("authorisation").get("unitCode").asText()).isEqualTo("PA05-66");

    // The other bank hears of its own account only.
    JsonNode theirLift = Webhooks.body(other.receiver(), "hold.lifted").get("data");
    assertThat(theirLift.get("accountNumber").asText()).isEqualTo(theirs);
    assertThat(theirLift.get("layer").asInt()).isEqualTo(2);
    JsonNode expired = Webhooks.body(other.receiver(), "hold.expired").get("data");
    assertThat(expired.get("accountNumber").asText()).isEqualTo(theirs);
    assertThat(expired.has("holdReason")).isFalse();
    assertThat(Instant.parse(expired.get("holdExpiresAt").asText())).isEqualTo(extendedTo);
    assertThat(
            other.receiver().deliveries().stream()
                .map(d -> d.body())
                .noneMatch(b -> b.contains(ours)))
        .isTrue();

    Webhooks.retire(db, endpoint);
    Webhooks.retire(db, other);
  }

  private static CaseEventV1 event(
      UUID caseId,
      CaseEventKind kind,
      FreezeAuthorisationV1 authorisation,
      AccountRefV1... accounts) {
    return new CaseEventV1(
        UUID.randomUUID(),
        caseId,
        "VV-2026-000778",
        kind,
        Instant.now(),
        CaseStatus.IN_PROGRESS,
        "PA05-66",
        null,
        List.of(),
        List.of(),
        List.of(accounts),
        null,
        null,
        null,
        authorisation);
  }
}
