package io.fraudtip.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TipSourceV1;
import io.fraudtip.contracts.tips.TrustLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void aTipEventSurvivesTheWireWithIsoTimesAndToleratesFieldsAddedLater() throws Exception {
    TipReceivedV1 tip =
        new TipReceivedV1(
            UUID.randomUUID(),
            "ABCD-EFGH-JK",
            Instant.parse("2026-11-20T03:05:00.123456Z"),
            Channel.WEB,
            TrustLevel.IDENTIFIED,
            "56",
            "22363",
            Instant.parse("2026-11-19T10:00:00Z"),
            ScamType.ONLINE_JOB_TASK,
            "Làm nhiệm vụ online",
            1_500_000,
            List.of(),
            List.of(new IdentifierV1(IdentifierType.PHONE, "+84869123456", null, "VN", false)));

    String json = Json.write(tip);
    assertThat(json).contains("\"receivedAt\":\"2026-11-20T03:05:00.123456Z\"");

    String withNewField = json.replaceFirst("\\{", "{\"addedInALaterVersion\":true,");
    assertThat(Json.events().readValue(withNewField, TipReceivedV1.class)).isEqualTo(tip);
  }

  @Test
  void aTipSourceSurvivesTheWireAndAnOldEventWithoutOneReadsAsNoSource() throws Exception {
    TipReceivedV1 tip =
        new TipReceivedV1(
            UUID.randomUUID(),
            "ABCD-EFGH-JK",
            Instant.parse("2026-11-20T03:05:00Z"),
            Channel.WEB,
            TrustLevel.ANONYMOUS,
            "56",
            null,
            Instant.parse("2026-11-19T10:00:00Z"),
            ScamType.ONLINE_JOB_TASK,
            "Làm nhiệm vụ online",
            0,
            List.of(),
            List.of(),
            new TipSourceV1(null, "c1", "a1", false));
    String json = Json.write(tip);
    assertThat(Json.events().readValue(json, TipReceivedV1.class)).isEqualTo(tip);

    String old = json.replaceFirst(",\"source\":\\{[^}]*\\}", "");
    assertThat(old).doesNotContain("source");
    assertThat(Json.events().readValue(old, TipReceivedV1.class).source()).isNull();
  }

  @Test
  void anEnumValueAddedByANewerProducerReadsAsTheEnumsFallback() throws Exception {
    String json =
        Json.write(
                new CaseEventV1(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "VN-2026-000001",
                    CaseEventKind.CLOSED,
                    Instant.parse("2026-11-20T03:05:00Z"),
                    CaseStatus.CLOSED,
                    "PA05-66",
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    Closure.CONFIRMED,
                    null))
            .replace("\"kind\":\"CLOSED\"", "\"kind\":\"ARCHIVED\"")
            .replace("\"status\":\"CLOSED\"", "\"status\":\"SEALED\"")
            .replace("\"closure\":\"CONFIRMED\"", "\"closure\":\"REFERRED_TO_COURT\"");

    CaseEventV1 read = Json.events().readValue(json, CaseEventV1.class);

    // No fallback declared: null, which the consumers document and handle.
    assertThat(read.kind()).isNull();
    assertThat(read.status()).isNull();
    assertThat(read.closure()).isNull();
    assertThat(read.unitCode()).isEqualTo("PA05-66");
  }

  @Test
  void anUnknownScamTypeOrChannelReadsAsOtherAndAnUnknownTrustAsTheLeast() throws Exception {
    String json =
        "{\"scamType\":\"DEEPFAKE_VIDEO_CALL\",\"channel\":\"KIOSK\","
            + "\"trust\":\"NOTARISED\",\"identifiers\":[{\"type\":\"NFT\",\"value\":\"x\"}]}";

    TipReceivedV1 tip = Json.events().readValue(json, TipReceivedV1.class);

    assertThat(tip.scamType()).isEqualTo(ScamType.OTHER);
    assertThat(tip.channel()).isEqualTo(Channel.OTHER);
    assertThat(tip.trust()).isEqualTo(TrustLevel.ANONYMOUS);
    assertThat(tip.identifiers().get(0).type()).isNull();
  }

  @Test
  void knownEnumValuesStillReadAsThemselvesAndOtherBadValuesStillFail() throws Exception {
    assertThat(Json.events().readValue("\"MOVED_ON\"", AlertOutcome.class))
        .isEqualTo(AlertOutcome.MOVED_ON);
    assertThat(Json.events().readValue("\"SWALLOWED\"", AlertOutcome.class)).isNull();
    assertThatThrownBy(
            () -> Json.events().readValue("{\"receivedAt\":\"yesterday\"}", TipReceivedV1.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aFreezeRequestCarriesItsAuthorisationAndHoldsAndAnOldOneReadsWithNulls() throws Exception {
    CaseEventV1 freeze =
        new CaseEventV1(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "VN-2026-000001",
            CaseEventKind.FREEZE_REQUESTED,
            Instant.parse("2026-11-20T03:05:00Z"),
            CaseStatus.IN_PROGRESS,
            "PA05-66",
            null,
            List.of(),
            List.of(),
            List.of(
                new AccountRefV1(
                    "970422", "0987654321", 2, 9_000_000L, Instant.parse("2027-02-18T03:05:00Z"))),
            null,
            null,
            "970436",
            new FreezeAuthorisationV1(
                UUID.randomUUID(), "PA05-66", Instant.parse("2026-11-20T01:00:00Z"), true));

    String json = Json.write(freeze);
    assertThat(Json.events().readValue(json, CaseEventV1.class)).isEqualTo(freeze);

    // An event written before the trail and the holds were named: the new fields read as null.
    String old =
        json.replaceAll(",\"tracedByBankBin\":\"970436\"", "")
            .replaceAll(",\"authorisation\":\\{[^}]*}", "")
            .replaceAll(",\"holdAmountVnd\":9000000,\"holdExpiresAt\":\"[^\"]*\"", "");
    assertThat(old).doesNotContain("authorisation").doesNotContain("hold");
    CaseEventV1 read = Json.events().readValue(old, CaseEventV1.class);
    assertThat(read.tracedByBankBin()).isNull();
    assertThat(read.authorisation()).isNull();
    assertThat(read.accounts()).containsExactly(new AccountRefV1("970422", "0987654321", 2));
  }

  @Test
  void aHoldEventCarriesItsReasonAndAnOlderReaderIgnoresNone() throws Exception {
    AccountRefV1 extended =
        new AccountRefV1(
            "970422",
            "0987654321",
            2,
            9_000_000L,
            Instant.parse("2027-04-18T03:05:00Z"),
            "Chờ quyết định của tòa án");
    CaseEventV1 event =
        new CaseEventV1(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "VN-2026-000001",
            CaseEventKind.HOLD_EXTENDED,
            Instant.parse("2027-02-10T03:05:00Z"),
            CaseStatus.IN_PROGRESS,
            "PA05-66",
            null,
            List.of(),
            List.of(),
            List.of(extended),
            null,
            null,
            null,
            new FreezeAuthorisationV1(
                UUID.randomUUID(), "PA05-66", Instant.parse("2026-11-20T01:00:00Z"), false));

    String json = Json.write(event);
    assertThat(json).contains("\"holdReason\":\"Chờ quyết định của tòa án\"");
    assertThat(Json.events().readValue(json, CaseEventV1.class)).isEqualTo(event);
    assertThat(CaseEventKind.HOLD_EXTENDED.cloudEventType())
        .isEqualTo("io.fraudtip.case.hold_extended.v1");
  }

  @Test
  void caseEventTypesAreVersionedCloudEventTypes() {
    assertThat(CaseEventKind.FREEZE_REQUESTED.cloudEventType())
        .isEqualTo("io.fraudtip.case.freeze_requested.v1");
    assertThat(Topics.deadLetter(Topics.TIPS_V1, "case-service"))
        .isEqualTo("tips.v1.case-service.dlt");
  }
}
