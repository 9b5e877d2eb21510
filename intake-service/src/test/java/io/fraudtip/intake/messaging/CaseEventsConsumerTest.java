package io.fraudtip.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseEventsConsumerTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void aTipFollowsItsCaseOnceAndOnlyForward() throws Exception {
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
    UUID caseId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    String assigned =
        caseEvent(eventId, caseId, tipId, CaseEventKind.ASSIGNED, CaseStatus.ASSIGNED);

    // The same event twice, then a stale one: one history step, status ASSIGNED.
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(Topics.CASES_V1, caseId.toString(), eventId, "t", assigned),
            CloudEventRecords.of(Topics.CASES_V1, caseId.toString(), eventId, "t", assigned),
            CloudEventRecords.of(
                Topics.CASES_V1,
                caseId.toString(),
                UUID.randomUUID(),
                "t",
                caseEvent(
                    UUID.randomUUID(), caseId, tipId, CaseEventKind.OPENED, CaseStatus.RECEIVED)))
        .awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/tips/{code}", code)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ASSIGNED"))
                    .body("history.size()", equalTo(2)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'intake-service.cases'"
                            + " AND event_id = ?",
                        eventId)
                    == 1);
  }

  private static String caseEvent(
      UUID eventId, UUID caseId, UUID tipId, CaseEventKind kind, CaseStatus status)
      throws Exception {
    return Json.events()
        .writeValueAsString(
            new CaseEventV1(
                eventId,
                caseId,
                "CASE-TEST",
                kind,
                Instant.now(),
                status,
                "PA05-66",
                "rule-1",
                List.of(tipId),
                List.of(),
                List.of(),
                null,
                null));
  }
}
