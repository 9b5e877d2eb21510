package io.fraudtip.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tip whose case is merged into another, or which a unit splits out into a new case, shows it in
 * the citizen's tracking: a history step with a public note, no case reference, and a status that
 * never moves backwards.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MovedTipsTrackingTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void aMergeAndASplitShowInTheMovedTipsTracking() {
    var receipt =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract();
    UUID tipId = UUID.fromString(receipt.path("tipId"));
    String code = receipt.path("trackingCode");
    UUID first = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    UUID separate = UUID.randomUUID();
    Instant t0 = Instant.now();

    send(event(first, "VN-AAAAAAA1", CaseEventKind.OPENED, CaseStatus.ASSIGNED, tipId, t0));
    await().atMost(Duration.ofSeconds(20)).until(() -> "VN-AAAAAAA1".equals(reference(tipId)));
    send(
        event(
            survivor,
            "VN-BBBBBBB2",
            CaseEventKind.MERGED,
            CaseStatus.IN_PROGRESS,
            tipId,
            t0.plusSeconds(1)));
    await().atMost(Duration.ofSeconds(20)).until(() -> "VN-BBBBBBB2".equals(reference(tipId)));
    // The new case is only ASSIGNED: the tip stays IN_PROGRESS, and says it moved.
    send(
        event(
            separate,
            "VN-CCCCCCC3",
            CaseEventKind.SPLIT,
            CaseStatus.ASSIGNED,
            tipId,
            t0.plusSeconds(2)));
    await().atMost(Duration.ofSeconds(20)).until(() -> "VN-CCCCCCC3".equals(reference(tipId)));

    JsonPath tracking =
        given().get("/api/v1/tips/{code}", code).then().statusCode(200).extract().jsonPath();
    assertThat(tracking.getString("status")).isEqualTo("IN_PROGRESS");
    List<String> notes = tracking.getList("history.note");
    assertThat(notes)
        .containsExactly(
            "Tip received",
            "Assigned to a police unit",
            "Joined with another case",
            "Handled as a separate case");
    assertThat(tracking.getList("history.status"))
        .containsExactly("RECEIVED", "ASSIGNED", "IN_PROGRESS", "IN_PROGRESS");
    assertThat(tracking.prettify()).doesNotContain("VN-");
  }

  private void send(CaseEventV1 e) {
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                e.caseId().toString(),
                e.eventId(),
                e.kind().cloudEventType(),
                Json.write(e)))
        .awaitCompletion(Duration.ofSeconds(10));
  }

  private String reference(UUID tipId) {
    return (String)
        db.query("SELECT case_reference FROM tip WHERE id = ?", tipId).get(0).get("case_reference");
  }

  private static CaseEventV1 event(
      UUID caseId,
      String reference,
      CaseEventKind kind,
      CaseStatus status,
      UUID tipId,
      Instant at) {
    return new CaseEventV1(
        UUID.randomUUID(),
        caseId,
        reference,
        kind,
        at,
        status,
        "PA05-66",
        null,
        List.of(tipId),
        List.of(),
        List.of(),
        null,
        null);
  }
}
