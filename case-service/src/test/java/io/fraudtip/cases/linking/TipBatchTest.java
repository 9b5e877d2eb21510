package io.fraudtip.cases.linking;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fraudtip.cases.TestTips;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tips taken in batches: one transaction for many tips, as correct as one tip at a time. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipBatchTest {
  @Inject TipLinking cases;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;

  @Test
  void twoTipsNamingOneAccountInOneBatchEndInOneCaseAnnouncedOnce() {
    String account = TestTips.account();
    TipReceivedV1 a = tip().in("66", null).paid(account, 1_000_000).build();
    TipReceivedV1 b = tip().in("56", null).paid(account, 2_000_000).build();

    cases.onTips(List.of(event(a), event(b)));

    Map<String, Object> c = caseOf(db, a.tipId());
    assertThat(caseOf(db, b.tipId()).get("id")).isEqualTo(c.get("id"));
    assertThat(c)
        .containsEntry("victims", 2)
        .containsEntry("provinces", 2)
        .containsEntry("total_loss_vnd", 3_000_000L);
    assertThat(reportCount(account)).isEqualTo(2);
    assertThat(db.queryLong("SELECT count(*) FROM case_identifier WHERE value = ?", key(account)))
        .isOne();
    // One event for the new case, routed already (rules see both tips: two provinces), carrying
    // both tips.
    List<CaseEventV1> published = events(db, c.get("id"));
    assertThat(published).extracting(CaseEventV1::kind).containsExactly(CaseEventKind.OPENED);
    assertThat(published.get(0).tipIds()).containsExactlyInAnyOrder(a.tipId(), b.tipId());
    assertThat(published.get(0).ruleId()).isEqualTo("R-MULTI-PROVINCE");
    // The batch's lines, held and written at once, keep the order they were recorded in.
    assertThat(
            db.query(
                "SELECT kind, unit_code FROM case_timeline WHERE case_id = ? ORDER BY at, id",
                c.get("id")))
        .extracting(row -> row.get("kind"), row -> row.get("unit_code") != null)
        .containsExactly(
            tuple("TIP_ADDED", false),
            tuple("TIP_ADDED", false),
            tuple("OPENED", false),
            tuple("ASSIGNED", true));
  }

  @Test
  void aTipLinkingTwoCasesOpenedInTheSameBatchLeavesOneCaseAndOneEvent() {
    String account = TestTips.account();
    String phone = TestTips.phone();
    TipReceivedV1 a = tip().paid(account, 1_000_000).build();
    TipReceivedV1 b = tip().phone(phone).lost(1_000_000).build();
    TipReceivedV1 both = tip().paid(account, 1_000_000).phone(phone).build();

    cases.onTips(List.of(event(a), event(b), event(both)));

    Object survivor = caseOf(db, both.tipId()).get("id");
    assertThat(caseOf(db, a.tipId()).get("id")).isEqualTo(survivor);
    assertThat(caseOf(db, b.tipId()).get("id")).isEqualTo(survivor);
    assertThat(caseOf(db, a.tipId())).containsEntry("victims", 3);
    // The case the batch opened and merged at once was never announced: nobody hears of it.
    List<CaseEventV1> published = events(db, survivor);
    assertThat(published).extracting(CaseEventV1::kind).containsExactly(CaseEventKind.OPENED);
    assertThat(published.get(0).mergedCaseIds()).isEmpty();
    assertThat(published.get(0).tipIds())
        .containsExactlyInAnyOrder(a.tipId(), b.tipId(), both.tipId());
    // The first two tips' reports, held until the merge, followed their tips into the survivor.
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM identifier_evidence WHERE tip_id IN (?, ?, ?) AND case_id = ?",
                a.tipId(),
                b.tipId(),
                both.tipId(),
                survivor))
        .isEqualTo(4);
  }

  @Test
  void aRedeliveredBatchIsAppliedOnce() {
    String account = TestTips.account();
    List<TipEvent> batch =
        List.of(
            event(tip().paid(account, 1_000_000).build()),
            event(tip().paid(account, 2_000_000).build()));
    cases.onTips(batch);
    Object caseId = caseOf(db, batch.get(0).tip().tipId()).get("id");
    long outbox = outboxRows(caseId);

    cases.onTips(batch);
    // The same tips again under new event ids (a producer's retry) are no new tips either.
    cases.onTips(batch.stream().map(e -> event(e.tip())).toList());

    assertThat(caseOf(db, batch.get(1).tip().tipId()))
        .containsEntry("id", caseId)
        .containsEntry("victims", 2)
        .containsEntry("total_loss_vnd", 3_000_000L);
    assertThat(reportCount(account)).isEqualTo(2);
    assertThat(outboxRows(caseId)).isEqualTo(outbox);
    assertThat(
            db.queryLong("SELECT count(*) FROM identifier_evidence WHERE value = ?", key(account)))
        .isEqualTo(2);
  }

  @Test
  void anEntryAllowListedElsewhereIsHonouredByTheNextBatch() {
    String account = TestTips.account();
    // Plain SQL, as another instance's change would reach this one: the copy in memory is stale.
    db.update(
        "INSERT INTO allow_listed_identifier (type, value, note) VALUES ('BANK_ACCOUNT', ?, 't')",
        key(account));
    try {
      TipReceivedV1 a = tip().paid(account, 1_000_000).build();
      TipReceivedV1 b = tip().paid(account, 1_000_000).build();
      cases.onTips(List.of(event(a), event(b)));
      assertThat(caseOf(db, a.tipId()).get("id")).isNotEqualTo(caseOf(db, b.tipId()).get("id"));
      assertThat(db.queryLong("SELECT count(*) FROM case_identifier WHERE value = ?", key(account)))
          .isZero();
    } finally {
      db.update("DELETE FROM allow_listed_identifier WHERE value = ?", key(account));
    }
  }

  @Test
  void aBatchWithAPoisonTipLosesNoneOfTheOthers() {
    String key = "batch-" + UUID.randomUUID();
    String account = TestTips.account();
    TipReceivedV1 first = tip().paid(account, 1_000_000).build();
    TipReceivedV1 second = tip().paid(account, 1_000_000).build();
    // Readable, but without a province: it fails in the batch's transaction, not when read.
    TipReceivedV1 poison = tip().in(null, null).paid(account, 1_000_000).build();
    UUID poisonEvent = UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(
            record(key, UUID.randomUUID(), first),
            CloudEventRecords.of(
                Topics.TIPS_V1,
                key,
                poisonEvent,
                CloudEvents.TYPE_TIP_RECEIVED,
                Json.write(poison)),
            record(key, UUID.randomUUID(), second))
        .awaitCompletion(Duration.ofSeconds(10));

    var dead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.TIPS_V1, "case-service"),
            r -> key.equals(r.key()),
            Duration.ofSeconds(60));
    assertThat(dead.value()).contains(poison.tipId().toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM case_tip WHERE tip_id IN (?, ?)",
                        first.tipId(),
                        second.tipId())
                    == 2);
    assertThat(caseOf(db, first.tipId()).get("id")).isEqualTo(caseOf(db, second.tipId()).get("id"));
    assertThat(db.queryLong("SELECT count(*) FROM case_tip WHERE tip_id = ?", poison.tipId()))
        .isZero();
    assertThat(db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", poisonEvent))
        .isZero();
  }

  @Test
  void aTipReadOffItsTopicIsKeptAsReceived() {
    TipReceivedV1 tip = tip().paid(TestTips.account(), 1_000_000).build();
    // Spaced as no writer of ours spaces it: the case keeps these very bytes, not a rewrite.
    String received = Json.write(tip).replace(",\"", ", \"");
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.TIPS_V1,
                "kept-" + UUID.randomUUID(),
                UUID.randomUUID(),
                CloudEvents.TYPE_TIP_RECEIVED,
                received))
        .awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> db.queryLong("SELECT count(*) FROM case_tip WHERE tip_id = ?", tip.tipId()) == 1);
    assertThat(db.query("SELECT payload FROM case_tip WHERE tip_id = ?", tip.tipId()))
        .singleElement()
        .extracting(row -> row.get("payload"))
        .isEqualTo(received)
        .isNotEqualTo(Json.write(tip));
  }

  /**
   * A merge by another transaction moves a case's identifiers without their locks (it holds the
   * cases'); a batch naming one of them waits for the case and must then write the row as the merge
   * left it. Made to happen every time: the merge commits only once the batch waits for the case
   * (before, the batch had read the row first and wrote its old case back with its count).
   */
  @Test
  void aCaseMergedWhileTheBatchWaitsForItKeepsItsIdentifiersInTheSurvivor() throws Exception {
    String phone = TestTips.phone();
    TipReceivedV1 absorbedTip = tip().paid(TestTips.account(), 1_000_000).phone(phone).build();
    TipReceivedV1 survivorTip = tip().paid(TestTips.account(), 1_000_000).build();
    cases.onTips(List.of(event(absorbedTip)));
    cases.onTips(List.of(event(survivorTip)));
    Object absorbed = caseOf(db, absorbedTip.tipId()).get("id");
    Object survivor = caseOf(db, survivorTip.tipId()).get("id");
    TipReceivedV1 late = tip().phone(phone).lost(1_000_000).build();

    try (Connection merge = db.connect()) {
      merge.setAutoCommit(false);
      try (PreparedStatement s =
          merge.prepareStatement(
              "SELECT id FROM fraud_case WHERE id IN (?, ?) ORDER BY id FOR UPDATE")) {
        s.setObject(1, absorbed);
        s.setObject(2, survivor);
        s.executeQuery().close();
      }
      update(merge, "UPDATE case_tip SET case_id = ? WHERE case_id = ?", survivor, absorbed);
      update(merge, "UPDATE case_identifier SET case_id = ? WHERE case_id = ?", survivor, absorbed);
      update(
          merge,
          "UPDATE fraud_case SET stage = 'MERGED', merged_into = ?, version = version + 1"
              + " WHERE id = ?",
          survivor,
          absorbed);
      CompletableFuture<Void> linked =
          CompletableFuture.runAsync(() -> cases.onTips(List.of(event(late))));
      db.awaitLockWait("from fraud_case", Duration.ofSeconds(20));
      merge.commit();
      linked.get(30, TimeUnit.SECONDS);
    }

    assertThat(caseOf(db, late.tipId()).get("id")).isEqualTo(survivor);
    assertThat(
            db.query(
                "SELECT case_id, report_count FROM case_identifier WHERE type = 'PHONE'"
                    + " AND value = ?",
                phone))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("case_id")).isEqualTo(survivor);
              assertThat(row.get("report_count")).isEqualTo(2);
            });
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private static TipEvent event(TipReceivedV1 tip) {
    return TipEvent.of(UUID.randomUUID(), tip);
  }

  private static org.apache.kafka.clients.producer.ProducerRecord<String, String> record(
      String key, UUID eventId, TipReceivedV1 tip) {
    return CloudEventRecords.of(
        Topics.TIPS_V1, key, eventId, CloudEvents.TYPE_TIP_RECEIVED, Json.write(tip));
  }

  private static String key(String account) {
    return TestTips.VCB + ":" + account;
  }

  private long reportCount(String account) {
    return db.queryLong(
        "SELECT report_count FROM case_identifier WHERE type = 'BANK_ACCOUNT' AND value = ?",
        key(account));
  }

  private long outboxRows(Object caseId) {
    return db.queryLong(
        "SELECT count(*) FROM outbox_event WHERE topic = ? AND record_key = ?",
        Topics.CASES_V1,
        caseId.toString());
  }

  /** The case's cases.v1 events in the outbox, oldest first. */
  static List<CaseEventV1> events(TestDatabase db, Object caseId) {
    return db
        .query(
            "SELECT payload FROM outbox_event WHERE topic = ? AND record_key = ? ORDER BY id",
            Topics.CASES_V1,
            caseId.toString())
        .stream()
        .map(r -> TestTips.event(r.get("payload").toString()))
        .toList();
  }
}
