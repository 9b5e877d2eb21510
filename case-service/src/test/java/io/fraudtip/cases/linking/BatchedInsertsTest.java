package io.fraudtip.cases.linking;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.SessionStatements;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A batch of tips writes its rows as JDBC batches (pooled ids, ordered inserts): far fewer
 * statements than rows, and the same cases as one tip at a time; what it reads about its cases it
 * reads once for all of them.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BatchedInsertsTest {
  private static final Logger LOG = Logger.getLogger(BatchedInsertsTest.class);
  private static final int TIPS = 30;
  private static final int NEW_IDENTIFIERS_PER_TIP = 5;
  private static final int JOINING = 10;

  // The second test's batch on main's code before this bound: 87 single statements, 4 flushes and
  // 46 auto-flush walks (10,015 entities walked); after it 25-28, 4-5 and 13 (1,700-2,000).
  // Statements and flushes vary by a few with where the pooled id blocks run out.
  private static final int SINGLE_STATEMENTS_AT_MOST = 40;
  private static final int FLUSHES_AND_WALKS_AT_MOST = 20;

  @Inject TipLinking cases;
  @Inject EntityManager em;
  @InjectDatabase TestDatabase db;

  /** Runs a batch in a transaction of its own, counting what its session does. */
  private SessionStatements counted(List<TipEvent> batch) {
    return SessionStatements.count(em, () -> cases.onTips(batch));
  }

  @Test
  void aBatchOfTipsWithManyNewIdentifiersGoesInFewStatementsAndEndsInTheRightCases() {
    // Cases that half of the batch joins: a joining tip first, then one opening a case, and so on,
    // so that the flush meets case_tip and case_identifier rows before a new fraud_case row.
    List<String> known = new ArrayList<>();
    List<TipEvent> earlier = new ArrayList<>();
    for (int i = 0; i < TIPS / 2; i++) {
      String account = TestTips.account();
      known.add(account);
      earlier.add(event(tip().paid(account, 1_000_000).build()));
    }
    cases.onTips(earlier);

    List<TipEvent> batch = new ArrayList<>();
    List<List<String>> accounts = new ArrayList<>();
    for (int i = 0; i < TIPS; i++) {
      TestTips.Builder b = tip();
      List<String> named = new ArrayList<>();
      if (i % 2 == 0) {
        b.paid(known.get(i / 2), 1_000_000);
      }
      for (int k = 0; k < NEW_IDENTIFIERS_PER_TIP - 2; k++) {
        String account = TestTips.account();
        named.add(account);
        b.paid(account, 100_000);
      }
      b.phone(TestTips.phone()).phone(TestTips.phone());
      accounts.add(named);
      batch.add(event(b.build()));
    }

    SessionStatements statements = counted(batch);

    int newRows = TIPS * NEW_IDENTIFIERS_PER_TIP;
    LOG.infof(
        "%d tips naming %d new identifiers: %d single statements, %d JDBC batches",
        TIPS, newRows, statements.single(), statements.batches());
    // With IDENTITY ids every identifier and evidence row was a statement of its own: more than
    // 2 x newRows single statements. Batched, they ride in the flushes' JDBC batches.
    assertThat(statements.batches()).isPositive();
    assertThat(statements.single()).isLessThan(newRows);
    // Nor is the session flushed tip by tip, a batch per table and tip (over five per tip then).
    assertThat(statements.batches()).isLessThan(2 * TIPS);

    for (int i = 0; i < TIPS; i++) {
      UUID tipId = batch.get(i).tip().tipId();
      Object caseId = caseOf(db, tipId).get("id");
      if (i % 2 == 0) {
        assertThat(caseId).isEqualTo(caseOf(db, earlier.get(i / 2).tip().tipId()).get("id"));
      }
      for (String account : accounts.get(i)) {
        assertThat(
                db.query(
                    "SELECT case_id, report_count FROM case_identifier WHERE value = ?",
                    TestTips.VCB + ":" + account))
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.get("case_id")).isEqualTo(caseId);
                  assertThat(((Number) r.get("report_count")).intValue()).isOne();
                });
      }
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM identifier_evidence WHERE tip_id = ? AND case_id = ?",
                  tipId,
                  caseId))
          .isEqualTo(i % 2 == 0 ? NEW_IDENTIFIERS_PER_TIP + 1 : NEW_IDENTIFIERS_PER_TIP);
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'TIP_ADDED'"
                      + " AND detail LIKE ?",
                  caseId,
                  "Tip " + tipId + "%"))
          .isOne();
      if (i % 2 == 1) {
        assertThat(db.queryLong("SELECT count(*) FROM case_assignment WHERE case_id = ?", caseId))
            .isPositive();
      }
    }
  }

  @Test
  void aBatchReadsWhatItsCasesNeedOnceForAllOfThemNotOncePerCase() {
    // Before the batch: cases that tips of it join, and two that one tip of it merges.
    List<String> known = new ArrayList<>();
    List<TipEvent> earlier = new ArrayList<>();
    for (int i = 0; i < JOINING + 2; i++) {
      String account = TestTips.account();
      known.add(account);
      earlier.add(event(tip().paid(account, 1_000_000).build()));
    }
    cases.onTips(earlier);
    List<Object> mergingCases =
        List.of(
            caseOf(db, earlier.get(JOINING).tip().tipId()).get("id"),
            caseOf(db, earlier.get(JOINING + 1).tip().tipId()).get("id"));

    // The batch: tips joining those cases (the first from another province, which sends its case
    // up to the ministry), one naming both of the last two cases, and tips opening cases of their
    // own.
    List<TipEvent> batch = new ArrayList<>();
    for (int i = 0; i < JOINING; i++) {
      TestTips.Builder b = i == 0 ? tip().in("56", null) : tip();
      batch.add(event(b.paid(known.get(i), 1_000_000).phone(TestTips.phone()).build()));
    }
    TipReceivedV1 merging =
        tip().paid(known.get(JOINING), 1_000_000).paid(known.get(JOINING + 1), 1_000_000).build();
    batch.add(event(merging));
    while (batch.size() < TIPS) {
      batch.add(event(tip().paid(TestTips.account(), 100_000).phone(TestTips.phone()).build()));
    }

    SessionStatements statements = counted(batch);
    LOG.infof(
        "%d tips (%d joining, 1 merging two cases, %d opening): %s",
        TIPS, JOINING, TIPS - JOINING - 1, statements);

    for (int i = 0; i < JOINING; i++) {
      UUID tipId = batch.get(i).tip().tipId();
      Map<String, Object> c = caseOf(db, tipId);
      assertThat(caseOf(db, earlier.get(i).tip().tipId())).containsEntry("id", c.get("id"));
      // Announced once, by what became of the case, with both tips.
      CaseEventV1 last = lastEvent(c.get("id"), 2);
      assertThat(last.kind())
          .isEqualTo(i == 0 ? CaseEventKind.ESCALATED : CaseEventKind.STATUS_CHANGED);
      assertThat(last.tipIds()).containsExactly(earlier.get(i).tip().tipId(), tipId);
      assertThat(c).containsEntry("victims", 2);
      // Written once by this batch (once by the one that opened it): not by the totals' flush and
      // again at the commit.
      assertThat(((Number) c.get("version")).longValue()).isOne();
    }
    assertThat(caseOf(db, batch.get(0).tip().tipId())).containsEntry("unit_code", "A05");

    Map<String, Object> survivor = caseOf(db, merging.tipId());
    assertThat(mergingCases).contains(survivor.get("id"));
    UUID absorbed = (UUID) mergingCases.get(mergingCases.indexOf(survivor.get("id")) == 0 ? 1 : 0);
    assertThat(caseOf(db, earlier.get(JOINING).tip().tipId())).isEqualTo(survivor);
    assertThat(caseOf(db, earlier.get(JOINING + 1).tip().tipId())).isEqualTo(survivor);
    assertThat(survivor).containsEntry("victims", 3);
    CaseEventV1 merged = lastEvent(survivor.get("id"), 2);
    assertThat(merged.kind()).isEqualTo(CaseEventKind.MERGED);
    assertThat(merged.mergedCaseIds()).containsExactly(absorbed);
    assertThat(merged.tipIds()).hasSize(3).contains(merging.tipId());

    for (TipEvent e : batch.subList(JOINING + 1, TIPS)) {
      Map<String, Object> c = caseOf(db, e.tip().tipId());
      CaseEventV1 opened = lastEvent(c.get("id"), 1);
      assertThat(opened.kind()).isEqualTo(CaseEventKind.OPENED);
      assertThat(opened.tipIds()).containsExactly(e.tip().tipId());
      assertThat(opened.ruleId()).isNotNull().isEqualTo(c.get("rule_id"));
      assertThat(c.get("unit_code")).isNotNull();
      // Written once, with its totals, unit and priority: not inserted at a flush of the batch and
      // updated at the next ones (version 1 here, 2 under load, before the batch persisted its new
      // cases last).
      assertThat(((Number) c.get("version")).longValue()).isZero();
    }

    // Nothing read per case: not its tip ids for its event, nor its outsider lines, nor its rules
    // (main's code read the first two per case, over 2 x TIPS statements). Per batch: the dedupe,
    // the locks, the lookups, the totals, the merge's moves, the ids and the JDBC batches.
    assertThat(statements.single()).isLessThan(SINGLE_STATEMENTS_AT_MOST + 1);
    // One flush before the totals instead of a walk of the session before each read after it (the
    // merge's moves keep theirs: they must see the batch's rows).
    assertThat(statements.flushes() + statements.walks()).isLessThan(FLUSHES_AND_WALKS_AT_MOST + 1);
  }

  /** The case's latest cases.v1 event, after checking how many it has. */
  private CaseEventV1 lastEvent(Object caseId, int expected) {
    List<CaseEventV1> events = TipBatchTest.events(db, caseId);
    assertThat(events).hasSize(expected);
    return events.get(expected - 1);
  }

  private static TipEvent event(TipReceivedV1 tip) {
    return TipEvent.of(UUID.randomUUID(), tip);
  }
}
