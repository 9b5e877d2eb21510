package io.fraudtip.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
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
  void caseEventTypesAreVersionedCloudEventTypes() {
    assertThat(CaseEventKind.FREEZE_REQUESTED.cloudEventType())
        .isEqualTo("io.fraudtip.case.freeze_requested.v1");
    assertThat(Topics.deadLetter(Topics.TIPS_V1, "case-service"))
        .isEqualTo("tips.v1.case-service.dlt");
  }
}
