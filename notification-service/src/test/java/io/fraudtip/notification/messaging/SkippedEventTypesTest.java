package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.notification.Tips;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
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

/**
 * The consumers skip the CloudEvent types they do not use before reading the payload: a skipped
 * record that would not parse is acknowledged, not dead-lettered, and a readable one is not
 * recorded as processed. A record of a used type after it, on the same key (so the same partition,
 * in order), takes effect; a poison record of a used type after both is the first of the key on the
 * dead-letter topic, which shows the skipped ones never went there.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SkippedEventTypesTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void caseEventKindsThisServiceDoesNotUseAreSkippedUnreadAndTheOthersStillWork() {
    UUID caseId = UUID.randomUUID();
    String key = caseId.toString();
    UUID acknowledged = UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(
            // Read, an ACKNOWLEDGED event would be recorded as processed. (OPENED, ASSIGNED and
            // ESCALATED are read since they may add tips to a case: CaseLinks.)
            cases(
                key,
                acknowledged,
                CaseEventKind.ACKNOWLEDGED,
                Json.write(event(acknowledged, caseId, null))),
            cases(key, UUID.randomUUID(), CaseEventKind.ACKNOWLEDGED, "{skipped, not json"),
            cases(
                key, UUID.randomUUID(), CaseEventKind.LEGAL_DEADLINE_CHANGED, "{skipped, not json"),
            closed(caseId),
            cases(key, UUID.randomUUID(), CaseEventKind.CLOSED, "{sentinel, not json"))
        .awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM case_state WHERE case_id = ? AND closure = 'CONFIRMED'",
                        caseId)
                    == 1);
    var firstDead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.CASES_V1, "notification-service"),
            r -> key.equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(firstDead.value()).startsWith("{sentinel");
    assertThat(
            db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", acknowledged))
        .isZero();
  }

  @Test
  void recordsOnTipsV1OfAnotherTypeThanAReceivedTipAreSkippedUnread() {
    UUID tipId = UUID.randomUUID();
    String key = tipId.toString();
    UUID withdrawn = UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(
            tips(key, withdrawn, "io.fraudtip.tip.withdrawn.v1", "{skipped, not json"),
            tips(
                key,
                UUID.randomUUID(),
                "io.fraudtip.tip.withdrawn.v1",
                Tips.paying(tipId, "970415", "7100000091", 1_000_000)),
            tips(
                key,
                UUID.randomUUID(),
                CloudEvents.TYPE_TIP_RECEIVED,
                Tips.paying(tipId, "970415", "7100000092", 1_000_000)),
            tips(key, UUID.randomUUID(), CloudEvents.TYPE_TIP_RECEIVED, "{sentinel, not json"))
        .awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", tipId) == 1);
    var firstDead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.TIPS_V1, "notification-service"),
            r -> key.equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(firstDead.value()).startsWith("{sentinel");
    // Only the received tip alerted: the skipped record naming another account raised nothing.
    assertThat(db.query("SELECT account_number FROM alert WHERE tip_id = ?", tipId))
        .extracting(r -> r.get("account_number"))
        .containsExactly("7100000092");
    assertThat(db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", withdrawn))
        .isZero();
  }

  private static ProducerRecord<String, String> closed(UUID caseId) {
    UUID id = UUID.randomUUID();
    return cases(
        caseId.toString(),
        id,
        CaseEventKind.CLOSED,
        Json.write(event(id, caseId, Closure.CONFIRMED)));
  }

  private static CaseEventV1 event(UUID eventId, UUID caseId, Closure closure) {
    return new CaseEventV1(
        eventId,
        caseId,
        "VV-2026-000777",
        closure == null ? CaseEventKind.ACKNOWLEDGED : CaseEventKind.CLOSED,
        Instant.now(),
        closure == null ? CaseStatus.ASSIGNED : CaseStatus.CLOSED,
        "PA05-56",
        null,
        List.of(),
        List.of(),
        List.of(),
        closure,
        null);
  }

  private static ProducerRecord<String, String> cases(
      String key, UUID eventId, CaseEventKind kind, String body) {
    return CloudEventRecords.of(Topics.CASES_V1, key, eventId, kind.cloudEventType(), body);
  }

  private static ProducerRecord<String, String> tips(
      String key, UUID eventId, String type, String body) {
    return CloudEventRecords.of(Topics.TIPS_V1, key, eventId, type, body);
  }
}
