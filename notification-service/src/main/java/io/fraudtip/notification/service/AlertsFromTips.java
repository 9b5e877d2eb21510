package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.service.AccountCounters.Counters;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fast path: every bank account in a tip (transfer destination or identifier) alerts its bank
 * at once, without waiting for the police. An advisory, not a freeze order. An account on the
 * operators' allow-list alerts nobody ({@link AllowListedAccounts}).
 */
@ApplicationScoped
public class AlertsFromTips {
  static final String TIPS_CONSUMER = "notification-service.tips";

  private final ProcessedEvents processed;
  private final AccountCounters accounts;
  private final Alerts alerts;
  private final CaseLinks cases;
  private final AllowListedAccounts allowListed;

  AlertsFromTips(
      ProcessedEvents processed,
      AccountCounters accounts,
      Alerts alerts,
      CaseLinks cases,
      AllowListedAccounts allowListed) {
    this.processed = processed;
    this.accounts = accounts;
    this.alerts = alerts;
    this.cases = cases;
    this.allowListed = allowListed;
  }

  /**
   * A tip as read off tips.v1.
   *
   * @param eventId its CloudEvent id, deduped on
   * @param tip the tip
   * @param trace the record's W3C trace context, which the tip's alerts continue
   */
  public record TipEvent(UUID eventId, TipReceivedV1 tip, TraceParent trace) {
    /** A tip with no trace context. */
    public TipEvent(UUID eventId, TipReceivedV1 tip) {
      this(eventId, tip, TraceParent.NONE);
    }
  }

  /**
   * Alerts the banks of every account the tips name. Several tips are handled in one transaction
   * (one commit), each deduped on its event id; the dispatcher is woken once it commits.
   */
  @Transactional
  public void onTips(List<TipEvent> tips) {
    // A few statements for the whole batch, whatever its size: the dedupe, the allow-listed
    // accounts, the tips' cases, the accounts' counters (with the banks' locks) and the banks'
    // endpoints; then the alerts and
    // deliveries as batched inserts at the flush.
    Set<UUID> fresh =
        processed.firstTimes(tips.stream().map(TipEvent::eventId).toList(), TIPS_CONSUMER);
    List<TipEvent> work = new ArrayList<>();
    List<Map<BankAccount, List<TransferV1>>> accountsOfTip = new ArrayList<>();
    List<BankAccount> named = new ArrayList<>();
    for (TipEvent t : tips) {
      if (fresh.remove(t.eventId())) { // an event twice in the batch is handled once
        Map<BankAccount, List<TransferV1>> accounts = accountsOf(t.tip());
        work.add(t);
        accountsOfTip.add(accounts);
        named.addAll(accounts.keySet());
      }
    }
    if (named.isEmpty()) {
      return;
    }
    Set<BankAccount> exempt = allowListed.among(named);
    if (!exempt.isEmpty()) {
      accountsOfTip.forEach(a -> a.keySet().removeAll(exempt));
      named.removeIf(exempt::contains);
      if (named.isEmpty()) {
        return;
      }
    }
    // A tip case-service has put in a case already names it (a consumer running behind).
    Map<UUID, CaseLinks.CaseRef> caseOf =
        cases.casesOfTips(
            work.stream().map(t -> t.tip().tipId()).filter(id -> id != null).toList());
    Map<BankAccount, Deque<Counters>> counters = accounts.countReports(named);
    Alerts.Batch batch = alerts.batch(named.stream().map(BankAccount::bankBin).distinct().toList());
    for (int i = 0; i < work.size(); i++) {
      TipEvent t = work.get(i);
      CaseLinks.CaseRef c = t.tip().tipId() == null ? null : caseOf.get(t.tip().tipId());
      alertBanks(t, c, accountsOfTip.get(i), counters, batch);
    }
    alerts.write(batch);
  }

  private static Map<BankAccount, List<TransferV1>> accountsOf(TipReceivedV1 tip) {
    Map<BankAccount, List<TransferV1>> accounts = new LinkedHashMap<>();
    for (TransferV1 t : Alerts.nullSafe(tip.transfers())) {
      if (t.bankBin() != null && t.accountNumber() != null) {
        accounts
            .computeIfAbsent(
                new BankAccount(t.bankBin(), t.accountNumber()), a -> new ArrayList<>())
            .add(t);
      }
    }
    for (IdentifierV1 i : Alerts.nullSafe(tip.identifiers())) {
      if (i.type() == IdentifierType.BANK_ACCOUNT && i.bankBin() != null && i.value() != null) {
        String number = BankAccount.accountNumberOf(i.value());
        accounts.computeIfAbsent(new BankAccount(i.bankBin(), number), a -> new ArrayList<>());
      }
    }
    return accounts;
  }

  private void alertBanks(
      TipEvent event,
      CaseLinks.CaseRef caseRef,
      Map<BankAccount, List<TransferV1>> accounts,
      Map<BankAccount, Deque<Counters>> counters,
      Alerts.Batch batch) {
    TipReceivedV1 tip = event.tip();
    accounts.forEach(
        (account, transfers) -> {
          Counters c = counters.get(account).removeFirst();
          UUID alertId = Ids.next();
          String accountName =
              transfers.stream()
                  .map(TransferV1::accountName)
                  .filter(n -> n != null && !n.isBlank())
                  .findFirst()
                  .orElse(null);
          WebhookPayload.Data data =
              new WebhookPayload.Data(
                  alertId,
                  true,
                  account.bankBin(),
                  alerts.bankName(account.bankBin()),
                  account.accountNumber(),
                  accountName,
                  1,
                  c.sequence(),
                  (int) c.reportCount(),
                  tip.trust(),
                  tip.scamType(),
                  tip.tipId(),
                  caseRef == null ? null : caseRef.caseId(),
                  caseRef == null ? null : caseRef.reference(),
                  null,
                  transfers.stream()
                      .map(t -> new WebhookPayload.Transfer(t.amountVnd(), t.at()))
                      .toList(),
                  tip.receivedAt(),
                  tip.occurredAt(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null);
          alerts.raise(
              new NewAlert(
                  event.eventId(), event.trace(), Alert.ACCOUNT_REPORTED, data, tip.receivedAt()),
              batch);
        });
  }

  /** The active endpoints of every bank the accounts are at, in one query. */
}
