package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Topics;
import io.fraudtip.notification.Tips;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.ConsumerSettings;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipsConsumerTest {
  @InjectKafka KafkaCompanion kafka;
  @Inject KafkaClientService clients;
  @InjectDatabase TestDatabase db;

  @Test
  void everyAccountOfATipAlertsItsBankOnceEvenWhenTheTipComesTwice() {
    UUID tipId = UUID.randomUUID();
    var record =
        CloudEventRecords.of(
            Topics.TIPS_V1,
            tipId.toString(),
            UUID.randomUUID(),
            CloudEvents.TYPE_TIP_RECEIVED,
            Tips.withAccounts(tipId, "970436", "970422"));
    kafka.produceStrings().fromRecords(record, record).awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", tipId) == 2);
    assertThat(
            db.query(
                "SELECT bank_bin, account_number FROM alert WHERE tip_id = ? ORDER BY bank_bin",
                tipId))
        .extracting(r -> r.get("bank_bin") + ":" + r.get("account_number"))
        .containsExactly("970422:5566778899", "970436:1023456789");
  }

  @Test
  void eachAlertRowIsItsOwnAccountsWithTheTipsEventAndTheWebhooksPayload() {
    UUID tipId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    Webhooks.sendTip(kafka, tipId, eventId, Tips.withAccounts(tipId, "970436", "970422"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", tipId) == 2);
    // Every column as the webhook tells it: the row and the payload sent from it agree.
    assertThat(
            db.query(
                "SELECT bank_bin, account_number, source_event_id = ? AS from_event, event_type,"
                    + " layer, advisory, case_id,"
                    + " payload::jsonb ->> 'type' = event_type AS typed,"
                    + " (payload::jsonb ->> 'timestamp')::timestamptz = created_at AS created,"
                    + " (payload::jsonb -> 'data' ->> 'alertId')::uuid = id AS own,"
                    + " payload::jsonb -> 'data' ->> 'bankBin' = bank_bin"
                    + " AND payload::jsonb -> 'data' ->> 'accountNumber' = account_number"
                    + " AND (payload::jsonb -> 'data' ->> 'sequence')::bigint = sequence AS account,"
                    + " (payload::jsonb -> 'data' ->> 'reportedAt')::timestamptz = triggered_at"
                    + " AS triggered"
                    + " FROM alert WHERE tip_id = ? ORDER BY bank_bin",
                eventId,
                tipId))
        .extracting(
            r ->
                r.get("bank_bin")
                    + ":"
                    + r.get("account_number")
                    + " "
                    + List.of(
                        r.get("from_event"),
                        r.get("event_type"),
                        r.get("layer"),
                        r.get("advisory"),
                        r.get("typed"),
                        r.get("created"),
                        r.get("own"),
                        r.get("account"),
                        r.get("triggered"))
                    + " "
                    + r.get("case_id"))
        .containsExactly(
            "970422:5566778899 [true, account.reported, 1, true, true, true, true, true, true] null",
            "970436:1023456789 [true, account.reported, 1, true, true, true, true, true, true] null");
  }

  @Test
  void aPoisonRecordInABatchGoesAloneToTheDeadLetterTopicAndTheRestIsHandled() {
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    UUID unreadable = UUID.randomUUID();
    UUID failing = UUID.randomUUID();
    // Produced together, so that they come in one poll: one record is not JSON, one makes the
    // batch's transaction fail (an account number longer than the database takes).
    kafka
        .produceStrings()
        .fromRecords(
            tip(before, Tips.paying(before, "970415", "7100000001", 1_000_000)),
            tip(unreadable, "{not json"),
            tip(failing, Tips.paying(failing, "970415", "7".repeat(60), 1_000_000)),
            tip(after, Tips.paying(after, "970415", "7100000002", 1_000_000)))
        .awaitCompletion(Duration.ofSeconds(10));

    String deadLetters = Topics.deadLetter(Topics.TIPS_V1, "notification-service");
    for (UUID poison : new UUID[] {unreadable, failing}) {
      CloudEventRecords.awaitFirst(
          kafka, deadLetters, r -> poison.toString().equals(r.key()), Duration.ofSeconds(30));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM alert WHERE tip_id IN (?, ?)", before, after)
                    == 2);
    assertThat(db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", failing)).isZero();
  }

  private static org.apache.kafka.clients.producer.ProducerRecord<String, String> tip(
      UUID tipId, String json) {
    return CloudEventRecords.of(
        Topics.TIPS_V1, tipId.toString(), UUID.randomUUID(), CloudEvents.TYPE_TIP_RECEIVED, json);
  }

  /**
   * The tips alert the banks, so their fetches are answered at once; case events are off that way
   * and may wait for a fuller batch.
   */
  @Test
  void tipsAreFetchedAtOnceAndCaseEventsInFullerBatches() {
    // Unset is Kafka's default, one byte.
    assertThat(ConsumerSettings.of(clients, "tips", "fetch.min.bytes").orElse("1")).isEqualTo("1");
    ConsumerSettings.assertBatchFetch(clients, "cases");
  }
}
