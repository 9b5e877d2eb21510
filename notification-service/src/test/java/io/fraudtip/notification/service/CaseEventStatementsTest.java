package io.fraudtip.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Tips;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.SessionStatements;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What a case event costs notification-service, counted on the session (never timed): the event of
 * a new case whose tips already alerted their banks, the commonest under load, as the cases.v1
 * consumer hands it over. On main's code each such event took 10 single statements, 2 JDBC batches
 * and 9 flushes (its three steps in one transaction here; three transactions in the consumer); now
 * 5, 2 and 5, in one transaction.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseEventStatementsTest {
  private static final Logger LOG = Logger.getLogger(CaseEventStatementsTest.class);
  private static final String BIN = "970463";
  private static final int EVENTS = 20;

  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;
  @Inject EntityManager em;
  @Inject AlertsFromTips tipAlerts;
  @Inject CaseEventEffects effects;

  @Test
  void theEventOfANewCaseWhoseTipsAlertedTheirBanksTakesFiveStatementsWhereItTookTen()
      throws Exception {
    Webhooks.Endpoint endpoint =
        Webhooks.register(tokens, bank, BIN, "account.reported", "case.linked");
    try {
      // The fast path alerted the banks before the cases were known.
      List<UUID> tips = alertedTips(BIN, CaseEventStatementsTest::account);

      List<UUID> cases = new ArrayList<>();
      List<SessionStatements> counted = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        UUID caseId = UUID.randomUUID();
        cases.add(caseId);
        CaseEventV1 opened = opened(caseId, "VV-2026-063" + String.format("%03d", i), tips.get(i));
        counted.add(
            SessionStatements.count(
                em, () -> effects.onCaseEvent(opened.eventId(), opened, TraceParent.NONE)));
      }

      int single = counted.stream().mapToInt(SessionStatements::single).sum();
      int batches = counted.stream().mapToInt(SessionStatements::batches).sum();
      int flushes = counted.stream().mapToInt(SessionStatements::flushes).sum();
      LOG.infof(
          "%d cases.v1 events of new cases: %d single statements, %d JDBC batches, %d flushes"
              + " (the first: %s)",
          EVENTS, single, batches, flushes, counted.get(0));
      // The dedupe, the tips' cases with the locks of those new to the case, their case and their
      // alerts, the accounts' counters with the banks' locks, and the banks' endpoints; the
      // case.linked alerts and deliveries in the commit's flush.
      assertThat(single).isLessThanOrEqualTo(5 * EVENTS);
      assertThat(batches).isLessThanOrEqualTo(2 * EVENTS);
      assertThat(flushes).isLessThanOrEqualTo(5 * EVENTS);

      for (int i = 0; i < EVENTS; i++) {
        assertThat(
                db.queryLong(
                    "SELECT count(*) FROM case_state_tip WHERE tip_id = ? AND case_id = ?",
                    tips.get(i),
                    cases.get(i)))
            .isOne();
        assertThat(
                db.queryLong(
                    "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND case_id = ?"
                        + " AND bank_bin = ? AND account_number = ?",
                    cases.get(i),
                    BIN,
                    account(i)))
            .isOne();
        assertThat(
                db.queryLong(
                    "SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id"
                        + " WHERE a.case_id = ? AND d.endpoint_id = ?::uuid",
                    cases.get(i),
                    endpoint.id()))
            .isOne();
      }
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void aPolledBatchOfEventsTakesOneStatementPerEventAndAFewForTheBatchAndAppliesThemInOrder()
      throws Exception {
    String bin = "970457";
    Webhooks.Endpoint endpoint =
        Webhooks.register(tokens, bank, bin, "account.reported", "case.linked");
    try {
      List<UUID> tips = alertedTips(bin, CaseEventStatementsTest::batchAccount);

      // One poll: a new case per tip, the first one's event again (redelivered in the same poll),
      // and a merge that moves the first two tips into a surviving case.
      List<CaseEventEffects.CaseEvent> batch = new ArrayList<>();
      List<UUID> cases = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        UUID caseId = UUID.randomUUID();
        cases.add(caseId);
        CaseEventV1 opened = opened(caseId, "VV-2026-064" + String.format("%03d", i), tips.get(i));
        batch.add(new CaseEventEffects.CaseEvent(opened.eventId(), opened, TraceParent.NONE));
      }
      batch.add(batch.get(0));
      UUID survivor = UUID.randomUUID();
      CaseEventV1 merged =
          new CaseEventV1(
              UUID.randomUUID(),
              survivor,
              "VV-2026-064999",
              CaseEventKind.MERGED,
              Instant.now().plusSeconds(1),
              CaseStatus.ASSIGNED,
              "PA05-56",
              "R-PROVINCE-56",
              List.of(tips.get(0), tips.get(1)),
              List.of(),
              List.of(),
              null,
              null);
      batch.add(new CaseEventEffects.CaseEvent(merged.eventId(), merged, TraceParent.NONE));

      SessionStatements counted = SessionStatements.count(em, () -> effects.onCaseEvents(batch));
      LOG.infof("a batch of %d cases.v1 events: %s", batch.size(), counted);
      // Per batch: the dedupe, the tips' cases with their locks, the closed cases among them, the
      // accounts' counters with the banks' locks, the banks' endpoints; one statement placing the
      // tips and reading their alerts for the new cases' events, and one more for the merge, which
      // moves tips those placed. One such statement per event before (a bound of 26).
      assertThat(counted.single()).isLessThanOrEqualTo(7);
      assertThat(counted.batches()).isLessThanOrEqualTo(2);

      for (int i = 0; i < EVENTS; i++) {
        UUID expected = i < 2 ? survivor : cases.get(i);
        assertThat(
                db.queryLong(
                    "SELECT count(*) FROM case_state_tip WHERE tip_id = ? AND case_id = ?",
                    tips.get(i),
                    expected))
            .isOne();
        // Each case the tip entered told the bank once.
        assertThat(linkedCount(bin, batchAccount(i))).isEqualTo(i < 2 ? 2 : 1);
      }
      // The merge's case.linked comes after the first case's: a bank drops a lower sequence.
      for (int i = 0; i < 2; i++) {
        assertThat(linkedSequence(bin, batchAccount(i), survivor))
            .isGreaterThan(linkedSequence(bin, batchAccount(i), cases.get(i)));
      }
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND case_id = ?",
                  survivor))
          .isEqualTo(2);

      // The whole poll again, as after a crash before its offsets were committed: no effect.
      effects.onCaseEvents(batch);
      for (int i = 0; i < EVENTS; i++) {
        assertThat(linkedCount(bin, batchAccount(i))).isEqualTo(i < 2 ? 2 : 1);
      }
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void statusChangesOfOpenCasesWriteNothingAndACaseClosedBeforeOrWithinTheBatchIsReopened() {
    UUID closedBefore = UUID.randomUUID();
    effects.onCaseEvents(List.of(event(closedBefore, CaseEventKind.CLOSED, CaseStatus.CLOSED)));
    assertThat(closedAtIsSet(closedBefore)).isTrue();

    // One poll: a tip added to each of EVENTS open cases (their tips are counted elsewhere), a case
    // closed then reopened, and the case closed before reopened.
    List<CaseEventEffects.CaseEvent> batch = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      batch.add(event(UUID.randomUUID(), CaseEventKind.STATUS_CHANGED, CaseStatus.ASSIGNED));
    }
    UUID closedWithin = UUID.randomUUID();
    batch.add(event(closedWithin, CaseEventKind.CLOSED, CaseStatus.CLOSED));
    batch.add(event(closedWithin, CaseEventKind.STATUS_CHANGED, CaseStatus.IN_PROGRESS));
    batch.add(event(closedBefore, CaseEventKind.STATUS_CHANGED, CaseStatus.IN_PROGRESS));

    SessionStatements counted = SessionStatements.count(em, () -> effects.onCaseEvents(batch));
    LOG.infof("a batch of %d status changes: %s", batch.size(), counted);
    // The batch's closed cases found at once, the closure, and the two reopenings; on the code
    // before, a statement for each of the EVENTS status changes as well.
    assertThat(counted.single()).isLessThanOrEqualTo(4);
    assertThat(closedAtIsSet(closedWithin)).isFalse();
    assertThat(closedAtIsSet(closedBefore)).isFalse();
  }

  private boolean closedAtIsSet(UUID caseId) {
    return db.queryLong(
            "SELECT count(*) FROM case_state WHERE case_id = ? AND closed_at IS NOT NULL", caseId)
        == 1;
  }

  /** A case's event without tips, as the cases.v1 consumer hands it over. */
  private static CaseEventEffects.CaseEvent event(
      UUID caseId, CaseEventKind kind, CaseStatus status) {
    CaseEventV1 e =
        new CaseEventV1(
            UUID.randomUUID(),
            caseId,
            "VV-2026-065" + caseId.toString().substring(0, 3),
            kind,
            Instant.now(),
            status,
            "PA05-56",
            null,
            List.of(),
            List.of(),
            List.of(),
            kind == CaseEventKind.CLOSED ? Closure.CONFIRMED : null,
            null);
    return new CaseEventEffects.CaseEvent(e.eventId(), e, TraceParent.NONE);
  }

  /** {@link #EVENTS} tips, each paying its own account at the bank, alerted in one batch. */
  private List<UUID> alertedTips(String bin, IntFunction<String> account) throws Exception {
    List<UUID> tips = new ArrayList<>();
    List<AlertsFromTips.TipEvent> tipEvents = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      UUID tip = UUID.randomUUID();
      tips.add(tip);
      tipEvents.add(
          new AlertsFromTips.TipEvent(
              UUID.randomUUID(),
              Json.events()
                  .readValue(
                      Tips.paying(tip, bin, account.apply(i), 2_000_000), TipReceivedV1.class)));
    }
    tipAlerts.onTips(tipEvents);
    return tips;
  }

  /** How many case.linked alerts an account had. */
  private long linkedCount(String bin, String account) {
    return db.queryLong(
        "SELECT count(*) FROM alert WHERE event_type = 'case.linked' AND bank_bin = ?"
            + " AND account_number = ?",
        bin,
        account);
  }

  private long linkedSequence(String bin, String account, UUID caseId) {
    return db.queryLong(
        "SELECT sequence FROM alert WHERE event_type = 'case.linked' AND bank_bin = ?"
            + " AND account_number = ? AND case_id = ?",
        bin,
        account,
        caseId);
  }

  private static String batchAccount(int i) {
    return "76400" + String.format("%05d", i);
  }

  private static String account(int i) {
    return "76300" + String.format("%05d", i);
  }

  private static CaseEventV1 opened(UUID caseId, String reference, UUID tip) {
    return new CaseEventV1(
        UUID.randomUUID(),
        caseId,
        reference,
        CaseEventKind.OPENED,
        Instant.now(),
        CaseStatus.ASSIGNED,
        "PA05-56",
        "R-PROVINCE-56",
        List.of(tip),
        List.of(),
        List.of(),
        null,
        null);
  }
}
