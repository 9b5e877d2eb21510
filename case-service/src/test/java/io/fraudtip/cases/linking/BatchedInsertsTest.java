package io.fraudtip.cases.linking;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A batch of tips writes its rows as JDBC batches (pooled ids, ordered inserts): far fewer
 * statements than rows, and the same cases as one tip at a time.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BatchedInsertsTest {
  private static final Logger LOG = Logger.getLogger(BatchedInsertsTest.class);
  private static final int TIPS = 30;
  private static final int NEW_IDENTIFIERS_PER_TIP = 5;

  @Inject TipLinking cases;
  @Inject EntityManager em;
  @InjectDatabase TestDatabase db;

  /** Counts the statements the session sends: single ones and JDBC batches. */
  static final class Statements implements SessionEventListener {
    int single;
    int batches;

    @Override
    public void jdbcExecuteStatementStart() {
      single++;
    }

    @Override
    public void jdbcExecuteBatchStart() {
      batches++;
    }
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

    Statements statements = new Statements();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.unwrap(Session.class).addEventListeners(statements);
              cases.onTips(batch);
            });

    int newRows = TIPS * NEW_IDENTIFIERS_PER_TIP;
    LOG.infof(
        "%d tips naming %d new identifiers: %d single statements, %d JDBC batches",
        TIPS, newRows, statements.single, statements.batches);
    // With IDENTITY ids every identifier and evidence row was a statement of its own: more than
    // 2 x newRows single statements. Batched, they ride in the flushes' JDBC batches.
    assertThat(statements.batches).isPositive();
    assertThat(statements.single).isLessThan(newRows);
    // Nor is the session flushed tip by tip, a batch per table and tip (over five per tip then).
    assertThat(statements.batches).isLessThan(2 * TIPS);

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

  private static TipEvent event(TipReceivedV1 tip) {
    return TipEvent.of(UUID.randomUUID(), tip);
  }
}
