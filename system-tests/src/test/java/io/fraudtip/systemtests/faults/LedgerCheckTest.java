package io.fraudtip.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.systemtests.faults.Books.AlertRow;
import io.fraudtip.systemtests.faults.Books.CaseRow;
import io.fraudtip.systemtests.faults.Books.DeliveryRow;
import io.fraudtip.systemtests.faults.Books.Receipt;
import io.fraudtip.systemtests.faults.TipLoad.Accepted;
import io.fraudtip.systemtests.faults.TipLoad.Account;
import io.fraudtip.systemtests.faults.TipLoad.NotAccepted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The ledger can fail: books that balance pass, and each kind of fault a broken build would leave
 * (a tip in no case or in a merged one, tips of one account in two cases, a tip stored twice, an
 * alert doubled or never delivered, a follow-up alert raised before the cutoff and not delivered, a
 * receipt under a foreign webhook-id, a dead letter) is found.
 */
class LedgerCheckTest {
  static final Account SHARED = new Account("970436", "9000001");
  static final Account OTHER = new Account("970422", "9000002");
  static final UUID CASE = UUID.randomUUID();
  static final UUID ABSORBED = UUID.randomUUID();
  static final Instant RAISED = Instant.parse("2026-11-30T10:00:00Z");
  static final Instant CUTOFF = RAISED.plusSeconds(60);

  final Accepted first = accepted(1, List.of(SHARED), "0913000001");
  final Accepted second = accepted(2, List.of(SHARED, OTHER), null);
  final List<Accepted> tips = List.of(first, second);

  /** Two tips naming one account, in one case that absorbed another; everything delivered once. */
  Books balanced() {
    Map<Integer, List<UUID>> stored = new HashMap<>();
    Map<UUID, UUID> caseOfTip = new HashMap<>();
    List<AlertRow> alerts = new ArrayList<>();
    List<DeliveryRow> deliveries = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    for (Accepted a : tips) {
      stored.put(a.seq(), List.of(a.tipId()));
      caseOfTip.put(a.tipId(), CASE);
      for (Account acc : a.accounts()) {
        UUID alert = UUID.randomUUID();
        String webhookId = "msg_" + alert;
        alerts.add(
            new AlertRow(
                alert, a.tipId(), Ledger.ACCOUNT_REPORTED, acc.bin(), acc.number(), RAISED));
        deliveries.add(new DeliveryRow(alert, webhookId, "SUCCEEDED"));
        receipts.add(new Receipt(acc.bin(), webhookId, Ledger.ACCOUNT_REPORTED, alert, 200));
      }
    }
    Map<UUID, CaseRow> cases = new HashMap<>();
    cases.put(CASE, new CaseRow(CASE, null, 2, first.amountVnd() + second.amountVnd()));
    cases.put(ABSORBED, new CaseRow(ABSORBED, CASE, 0, 0));
    Map<String, UUID> identifiers = new HashMap<>();
    identifiers.put(Books.accountKey(SHARED.bin(), SHARED.number()), CASE);
    identifiers.put(Books.accountKey(OTHER.bin(), OTHER.number()), ABSORBED);
    identifiers.put(Books.phoneKey("0913000001"), CASE);
    return new Books(
        stored, caseOfTip, cases, identifiers, alerts, deliveries, receipts, List.of());
  }

  LedgerCheck.Result check(Books books) {
    Map<UUID, Accepted> byId = new HashMap<>();
    tips.forEach(a -> byId.put(a.tipId(), a));
    return LedgerCheck.check(
        books, new LedgerCheck.Client(tips, byId, List.of(), List.of(), CUTOFF, true));
  }

  @Test
  void booksThatBalancePass() {
    LedgerCheck.Result r = check(balanced());
    assertThat(r.problems()).isEmpty();
    assertThat(r.cased()).isEqualTo(2);
    assertThat(r.alertsDelivered()).isEqualTo(3);
    assertThat(r.mergedCases()).isEqualTo(1);
  }

  @Test
  void aTipInNoCaseIsFound() {
    assertThat(problems(b -> withCaseOfTip(b, first.tipId(), null)))
        .anyMatch(p -> p.contains("#1") && p.contains("in no case"));
  }

  @Test
  void aTipLeftInAMergedCaseIsFound() {
    assertThat(problems(b -> withCaseOfTip(b, first.tipId(), ABSORBED)))
        .anyMatch(p -> p.contains("no longer stands"));
  }

  @Test
  void tipsNamingOneAccountInTwoCasesAreFound() {
    UUID elsewhere = UUID.randomUUID();
    assertThat(
            problems(
                b -> {
                  b = withCaseOfTip(b, second.tipId(), elsewhere);
                  b.cases().put(elsewhere, new CaseRow(elsewhere, null, 1, second.amountVnd()));
                  b.cases().put(CASE, new CaseRow(CASE, null, 1, first.amountVnd()));
                  return b;
                }))
        .anyMatch(p -> p.startsWith("tips naming BANK_ACCOUNT|970436:9000001 are in 2 cases"));
  }

  @Test
  void aTipCountedTwiceInItsCaseIsFound() {
    assertThat(
            problems(
                b -> {
                  b.cases().put(CASE, new CaseRow(CASE, null, 3, 2 * first.amountVnd()));
                  return b;
                }))
        .anyMatch(p -> p.contains("counts 3 victims for 2 tips"))
        .anyMatch(p -> p.contains("VND lost"));
  }

  @Test
  void aTipStoredTwiceByIntakeIsFound() {
    assertThat(
            problems(
                b -> {
                  b.storedTips().put(1, List.of(first.tipId(), UUID.randomUUID()));
                  return b;
                }))
        .anyMatch(p -> p.contains("#1") && p.contains("stored by intake as"));
  }

  @Test
  void aDoubledOrMissingAlertIsFound() {
    assertThat(
            problems(
                b -> {
                  AlertRow one = b.alerts().get(0);
                  b.alerts()
                      .add(
                          new AlertRow(
                              UUID.randomUUID(),
                              one.tipId(),
                              one.type(),
                              one.bin(),
                              one.account(),
                              one.createdAt()));
                  b.alerts().remove(2);
                  return b;
                }))
        .anyMatch(p -> p.contains("is 2 alerts"))
        .anyMatch(p -> p.contains("is 0 alerts"));
  }

  @Test
  void aFollowUpAlertRaisedBeforeTheCutoffAndNotDeliveredIsFound() {
    UUID late = UUID.randomUUID();
    assertThat(
            problems(
                b -> {
                  AlertRow linked =
                      new AlertRow(
                          late,
                          first.tipId(),
                          "case.linked",
                          SHARED.bin(),
                          SHARED.number(),
                          RAISED);
                  b.alerts().add(linked);
                  b.deliveries().add(new DeliveryRow(late, "msg_" + late, "FAILED"));
                  return b;
                }))
        .anyMatch(p -> p.startsWith("the case.linked alert " + late) && p.contains("[FAILED]"));
  }

  @Test
  void aFollowUpAlertDeliveredCountsAndOneRaisedAfterTheCutoffIsNotYetDue() {
    Books b = balanced();
    UUID linked = UUID.randomUUID();
    b.alerts()
        .add(
            new AlertRow(
                linked, first.tipId(), "case.linked", SHARED.bin(), SHARED.number(), RAISED));
    b.deliveries().add(new DeliveryRow(linked, "msg_" + linked, "SUCCEEDED"));
    b.receipts().add(new Receipt(SHARED.bin(), "msg_" + linked, "case.linked", linked, 200));
    UUID later = UUID.randomUUID();
    b.alerts()
        .add(
            new AlertRow(
                later,
                second.tipId(),
                "case.linked",
                OTHER.bin(),
                OTHER.number(),
                CUTOFF.plusSeconds(1)));
    b.deliveries().add(new DeliveryRow(later, "msg_" + later, "PENDING"));
    LedgerCheck.Result r = check(b);
    assertThat(r.problems()).isEmpty();
    assertThat(r.alertsDue()).isEqualTo(4);
    assertThat(r.alertsDelivered()).isEqualTo(4);
  }

  @Test
  void aDeliveryTheBankNeverAcknowledgedIsFound() {
    assertThat(
            problems(
                b -> {
                  Receipt r = b.receipts().remove(0);
                  b.receipts().add(new Receipt(r.bin(), r.webhookId(), r.type(), r.alertId(), 503));
                  return b;
                }))
        .anyMatch(p -> p.contains("never answered it 2xx"));
  }

  @Test
  void aReceiptUnderAWebhookIdNoDeliverySentIsFound() {
    assertThat(
            problems(
                b -> {
                  Receipt r = b.receipts().get(0);
                  b.receipts().add(new Receipt(r.bin(), "msg_other", r.type(), r.alertId(), 200));
                  return b;
                }))
        .anyMatch(p -> p.contains("msg_other, which no delivery sent"));
  }

  @Test
  void aRepeatedWebhookIdIsADuplicateNotAProblem() {
    Books b = balanced();
    b.receipts().add(b.receipts().get(0));
    LedgerCheck.Result r = check(b);
    assertThat(r.problems()).isEmpty();
    assertThat(r.duplicateReceipts()).isEqualTo(1);
  }

  @Test
  void aDeadLetterIsFound() {
    Books b = balanced();
    Books withDeadLetter =
        new Books(
            b.storedTips(),
            b.caseOfTip(),
            b.cases(),
            b.identifierCase(),
            b.alerts(),
            b.deliveries(),
            b.receipts(),
            List.of("tips.v1.case-service.dlt/0@0 boom"));
    assertThat(check(withDeadLetter).problems()).anyMatch(p -> p.startsWith("dead letter:"));
  }

  @Test
  void aValidTipGivenUpOrRefusedIsFound() {
    Map<UUID, Accepted> byId = new HashMap<>();
    tips.forEach(a -> byId.put(a.tipId(), a));
    LedgerCheck.Result r =
        LedgerCheck.check(
            balanced(),
            new LedgerCheck.Client(
                tips,
                byId,
                List.of(new NotAccepted(3, false, 400, List.of(OTHER))),
                List.of(new NotAccepted(4, false, 503, List.of(OTHER))),
                CUTOFF,
                true));
    assertThat(r.problems())
        .anyMatch(p -> p.contains("valid tip #3 was refused"))
        .anyMatch(p -> p.contains("tip #4 was given up"));
  }

  private List<String> problems(UnaryOperator<Books> fault) {
    return check(fault.apply(balanced())).problems();
  }

  private static Books withCaseOfTip(Books b, UUID tip, UUID holder) {
    if (holder == null) {
      b.caseOfTip().remove(tip);
    } else {
      b.caseOfTip().put(tip, holder);
    }
    return b;
  }

  private static Accepted accepted(int seq, List<Account> accounts, String phone) {
    return new Accepted(
        seq, UUID.randomUUID(), accounts, phone, 1_000_000L + seq, Instant.now(), 1);
  }
}
