package io.fraudtip.intake.messaging;

import static io.fraudtip.contracts.cases.CaseStatus.ASSIGNED;
import static io.fraudtip.contracts.cases.CaseStatus.IN_PROGRESS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.ConsumerSettings;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseEventsConsumerTest {
  @InjectKafka KafkaCompanion kafka;
  @Inject KafkaClientService clients;
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

  /**
   * Events of two cases come from two partitions, in no order between them: after a merge, an event
   * of the absorbed case from before the merge, read late, leaves the tip in the survivor.
   */
  @Test
  void aLateEventOfAMergedCaseDoesNotPullTheTipBack() throws Exception {
    Posted tip = postTip();
    UUID absorbed = UUID.randomUUID();
    UUID survivor = UUID.randomUUID();
    Instant opened = Instant.now().minusSeconds(30);
    Instant merged = Instant.now();
    kafka
        .produceStrings()
        .fromRecords(
            record(
                survivor,
                UUID.randomUUID(),
                placing(survivor, "CASE-SURVIVOR", CaseEventKind.MERGED, tip.id(), merged)))
        .awaitCompletion(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(20)).until(() -> "CASE-SURVIVOR".equals(caseReference(tip)));
    kafka
        .produceStrings()
        .fromRecords(
            record(
                absorbed,
                UUID.randomUUID(),
                placing(absorbed, "CASE-ABSORBED", CaseEventKind.OPENED, tip.id(), opened)),
            record(
                survivor,
                UUID.randomUUID(),
                placing(survivor, "CASE-SURVIVOR", CaseEventKind.ACKNOWLEDGED, tip.id(), merged)))
        .awaitCompletion(Duration.ofSeconds(10));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM tip_history WHERE tip_id = ? AND status = 'IN_PROGRESS'",
                        tip.id())
                    == 1);
    assertThat(caseReference(tip)).isEqualTo("CASE-SURVIVOR");
  }

  private static String placing(
      UUID caseId, String reference, CaseEventKind kind, UUID tipId, Instant when)
      throws Exception {
    CaseStatus status = kind == CaseEventKind.ACKNOWLEDGED ? IN_PROGRESS : ASSIGNED;
    return json(UUID.randomUUID(), caseId, reference, kind, when, status, tipId);
  }

  /**
   * A case closed as confirmed may be reopened by its unit: the tip follows it back (its one way
   * back), while a status change from before the closure, delivered late, does not undo it.
   */
  @Test
  void aTipFollowsItsCaseBackWhenItIsReopenedAndNotOnALateEvent() throws Exception {
    Posted tip = postTip();
    UUID caseId = UUID.randomUUID();
    Instant closedAt = Instant.now();
    kafka
        .produceStrings()
        .fromRecords(
            record(caseId, UUID.randomUUID(), at(caseId, tip.id(), CaseStatus.CLOSED, closedAt)),
            record(
                caseId,
                UUID.randomUUID(),
                at(caseId, tip.id(), IN_PROGRESS, closedAt.minusSeconds(60))))
        .awaitCompletion(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(status(tip)));
    // The late one, behind the closure on the case's partition, is read before the reopening.
    kafka
        .produceStrings()
        .fromRecords(
            record(
                caseId, UUID.randomUUID(), at(caseId, tip.id(), ASSIGNED, closedAt.plusSeconds(5))))
        .awaitCompletion(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(20)).until(() -> "ASSIGNED".equals(status(tip)));
    given()
        .get("/api/v1/tips/{code}", tip.code())
        .then()
        .body("history[-1].note", equalTo("Case reopened"));
  }

  private static String at(UUID caseId, UUID tipId, CaseStatus status, Instant when)
      throws Exception {
    return json(
        UUID.randomUUID(),
        caseId,
        "CASE-REOPENED",
        CaseEventKind.STATUS_CHANGED,
        when,
        status,
        tipId);
  }

  @Test
  void aPoisonRecordInABatchGoesAloneToTheDeadLetterTopicAndTheOthersTakeEffect() throws Exception {
    Posted first = postTip();
    Posted failing = postTip();
    Posted last = postTip();
    UUID caseId = UUID.randomUUID();
    UUID unreadable = UUID.randomUUID();
    UUID tooLong = UUID.randomUUID();
    // One key, produced together: one partition, in order, in one poll. One record is not JSON;
    // one makes the batch's transaction fail (a case reference longer than the database takes).
    kafka
        .produceStrings()
        .fromRecords(
            record(caseId, UUID.randomUUID(), event(caseId, "CASE-A", first.id(), IN_PROGRESS)),
            CloudEventRecords.of(Topics.CASES_V1, caseId.toString(), unreadable, "t", "{not json"),
            record(caseId, tooLong, event(caseId, "C".repeat(60), failing.id(), ASSIGNED)),
            record(caseId, UUID.randomUUID(), event(caseId, "CASE-A", last.id(), ASSIGNED)))
        .awaitCompletion(Duration.ofSeconds(10));

    String deadLetters = Topics.deadLetter(Topics.CASES_V1, "intake-service");
    for (UUID poison : new UUID[] {unreadable, tooLong}) {
      CloudEventRecords.awaitFirst(
          kafka,
          deadLetters,
          r -> poison.toString().equals(CloudEventRecords.header(r, CloudEvents.HEADER_ID)),
          Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(status(first)).isEqualTo("IN_PROGRESS");
              assertThat(status(last)).isEqualTo("ASSIGNED");
            });
    // The first tip went RECEIVED -> IN_PROGRESS in one step; the failing tip did not move.
    assertThat(historySize(first)).isEqualTo(2);
    assertThat(status(failing)).isEqualTo("RECEIVED");
    assertThat(historySize(failing)).isEqualTo(1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM processed_event WHERE consumer = 'intake-service.cases'"
                    + " AND event_id = ?",
                tooLong))
        .isZero();

    // The consumer goes on after a batch with dead letters.
    Posted later = postTip();
    kafka
        .produceStrings()
        .fromRecords(
            record(caseId, UUID.randomUUID(), event(caseId, "CASE-A", later.id(), ASSIGNED)))
        .awaitCompletion(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(20)).until(() -> "ASSIGNED".equals(status(later)));
  }

  @Test
  void aRedeliveredEventIsNotAppliedTwice() throws Exception {
    Posted tip = postTip();
    Posted marker = postTip();
    UUID caseId = UUID.randomUUID();
    UUID assignedId = UUID.randomUUID();
    ProducerRecord<String, String> assigned =
        record(caseId, assignedId, event(caseId, "CASE-A", tip.id(), ASSIGNED));
    // The case is merged: the tip now belongs to CASE-B.
    kafka
        .produceStrings()
        .fromRecords(
            assigned,
            record(caseId, UUID.randomUUID(), event(caseId, "CASE-B", tip.id(), ASSIGNED)))
        .awaitCompletion(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(20)).until(() -> "CASE-B".equals(caseReference(tip)));

    // The first event comes again (a rebalance), then a marker on the same partition: once the
    // marker took effect, the redelivery was handled, and applied it would have put CASE-A back.
    kafka
        .produceStrings()
        .fromRecords(
            assigned,
            record(caseId, UUID.randomUUID(), event(caseId, "CASE-B", marker.id(), ASSIGNED)))
        .awaitCompletion(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(20)).until(() -> "ASSIGNED".equals(status(marker)));

    assertThat(caseReference(tip)).isEqualTo("CASE-B");
    assertThat(historySize(tip)).isEqualTo(2);
  }

  @Test
  void kindsThatTellATipNothingNewAreSkippedUnreadAndTheOthersStillWork() throws Exception {
    Posted tip = postTip();
    UUID caseId = UUID.randomUUID();
    String key = caseId.toString();
    UUID hold = UUID.randomUUID();
    // Read, the hold event would move the tip on to IN_PROGRESS in a case of its own reference;
    // the freeze request would not parse. The OPENED after them is used; the poison record of a
    // used kind after all of them is the first of the key on the dead-letter topic.
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                key,
                hold,
                CaseEventKind.HOLD_EXTENDED.cloudEventType(),
                caseEvent(hold, caseId, tip.id(), CaseEventKind.HOLD_EXTENDED, IN_PROGRESS)),
            CloudEventRecords.of(
                Topics.CASES_V1,
                key,
                UUID.randomUUID(),
                CaseEventKind.FREEZE_REQUESTED.cloudEventType(),
                "{skipped, not json"),
            record(
                caseId,
                UUID.randomUUID(),
                CaseEventKind.OPENED,
                event(caseId, "CASE-OPEN", tip.id(), ASSIGNED)),
            record(caseId, UUID.randomUUID(), CaseEventKind.STATUS_CHANGED, "{sentinel, not json"))
        .awaitCompletion(Duration.ofSeconds(10));

    await().atMost(Duration.ofSeconds(20)).until(() -> "ASSIGNED".equals(status(tip)));
    var firstDead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.CASES_V1, "intake-service"),
            r -> key.equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(firstDead.value()).startsWith("{sentinel");
    assertThat(caseReference(tip)).isEqualTo("CASE-OPEN");
    assertThat(historySize(tip)).isEqualTo(2);
    assertThat(db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", hold))
        .isZero();
  }

  private record Posted(UUID id, String code) {}

  private static Posted postTip() {
    var receipt =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract();
    return new Posted(UUID.fromString(receipt.path("tipId")), receipt.path("trackingCode"));
  }

  private static String status(Posted tip) {
    return given()
        .get("/api/v1/tips/{code}", tip.code())
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static int historySize(Posted tip) {
    return given()
        .get("/api/v1/tips/{code}", tip.code())
        .then()
        .statusCode(200)
        .extract()
        .path("history.size()");
  }

  private String caseReference(Posted tip) {
    return (String)
        db.query("SELECT case_reference FROM tip WHERE id = ?", tip.id())
            .get(0)
            .get("case_reference");
  }

  private static ProducerRecord<String, String> record(UUID caseId, UUID eventId, String json) {
    return CloudEventRecords.of(Topics.CASES_V1, caseId.toString(), eventId, "t", json);
  }

  private static ProducerRecord<String, String> record(
      UUID caseId, UUID eventId, CaseEventKind kind, String json) {
    return CloudEventRecords.of(
        Topics.CASES_V1, caseId.toString(), eventId, kind.cloudEventType(), json);
  }

  private static String event(UUID caseId, String reference, UUID tipId, CaseStatus status)
      throws Exception {
    return json(
        UUID.randomUUID(),
        caseId,
        reference,
        CaseEventKind.STATUS_CHANGED,
        Instant.now(),
        status,
        tipId);
  }

  private static String caseEvent(
      UUID eventId, UUID caseId, UUID tipId, CaseEventKind kind, CaseStatus status)
      throws Exception {
    return json(eventId, caseId, "CASE-TEST", kind, Instant.now(), status, tipId);
  }

  /** A case event of PA05-66 naming one tip (a closure is CONFIRMED). */
  private static String json(
      UUID eventId,
      UUID caseId,
      String reference,
      CaseEventKind kind,
      Instant when,
      CaseStatus status,
      UUID tipId)
      throws Exception {
    return Json.events()
        .writeValueAsString(
            new CaseEventV1(
                eventId,
                caseId,
                reference,
                kind,
                when,
                status,
                "PA05-66",
                "rule-1",
                List.of(tipId),
                List.of(),
                List.of(),
                status == CaseStatus.CLOSED ? io.fraudtip.contracts.cases.Closure.CONFIRMED : null,
                null));
  }

  /** Off the way from a tip to its bank, so the broker may hold a fetch for more events. */
  @Test
  void caseEventsAreFetchedInFullerBatches() {
    ConsumerSettings.assertBatchFetch(clients, "cases");
  }
}
