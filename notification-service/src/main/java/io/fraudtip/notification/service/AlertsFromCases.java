package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.service.AccountCounters.Counters;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Case events that concern banks: an account a police unit entered into a case ({@code
 * account.reported}, as for a tip's account: one more report, an advisory, the trust of an
 * identified reporter, no tip), a police unit's freeze request (with hold.extended, the only alerts
 * that are not advisories; it names the request that authorised it and the bounded hold), an
 * account another bank's answer traced (an advisory naming that bank), a case confirmed, a
 * retraction when a case is closed as unfounded or an identifier delisted, and the end or extension
 * of a hold (hold.extended, hold.lifted, hold.expired), each to the bank holding the account. An
 * account on the operators' allow-list is never reported or traced ({@link AllowListedAccounts}).
 *
 * <p>A closure as unfounded or an upheld dispute on a held account sends both {@code
 * alert.retracted} (the listing is withdrawn, for every account of the case) and {@code
 * hold.lifted} (for the held accounts only, with the reason): case-service publishes HOLD_LIFTED
 * beside the retraction so that every hold ends with one hold.* message whatever the cause; the two
 * agree (see case-service's HoldChanges).
 */
@ApplicationScoped
public class AlertsFromCases {
  static final String CASES_CONSUMER = "notification-service.cases";

  /** The types about a police hold: they name its freeze request and carry the hold. */
  private static final Set<String> HOLD_TYPES =
      Set.of(Alert.FREEZE_REQUESTED, Alert.HOLD_EXTENDED, Alert.HOLD_LIFTED, Alert.HOLD_EXPIRED);

  /** The police orders to hold money: the only alerts that are not advisories. */
  private static final Set<String> ORDERS_TO_HOLD =
      Set.of(Alert.FREEZE_REQUESTED, Alert.HOLD_EXTENDED);

  /** The advisories that report an account: never about one on the allow-list. */
  private static final Set<String> ADVISORIES =
      Set.of(Alert.ACCOUNT_REPORTED, Alert.ACCOUNT_TRACED);

  private final ProcessedEvents processed;
  private final AccountCounters accounts;
  private final Alerts alerts;
  private final AllowListedAccounts allowListed;

  AlertsFromCases(
      ProcessedEvents processed,
      AccountCounters accounts,
      Alerts alerts,
      AllowListedAccounts allowListed) {
    this.processed = processed;
    this.accounts = accounts;
    this.alerts = alerts;
    this.allowListed = allowListed;
  }

  /** Alerts the banks of the accounts a case event names, if banks are told about it. */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 event) {
    onCaseEvents(List.of(new CaseEventEffects.CaseEvent(eventId, event, TraceParent.NONE)));
  }

  /**
   * Alerts the banks of the accounts the case events of a batch name, for the kinds banks are told
   * about, in the events' order, each event once ({@link ProcessedEvents}): the accounts of the
   * whole batch counted in one statement (see {@link CaseEventEffects}).
   */
  @Transactional
  public void onCaseEvents(List<CaseEventEffects.CaseEvent> events) {
    List<Raised> raising = new ArrayList<>();
    for (CaseEventEffects.CaseEvent c : events) {
      String type = typeOf(c.event());
      if (type == null) {
        continue;
      }
      List<AccountRefV1> refs =
          new LinkedHashSet<>(Alerts.nullSafe(c.event().accounts()))
              .stream()
                  .filter(ref -> ref.bankBin() != null && ref.accountNumber() != null)
                  .toList();
      // An event that alerts no bank has no effect to dedupe: it costs no statement.
      if (!refs.isEmpty()) {
        raising.add(new Raised(c, type, refs));
      }
    }
    raising = withoutAllowListed(raising);
    if (raising.isEmpty()) {
      return;
    }
    Set<UUID> fresh =
        processed.firstTimes(
            raising.stream().map(r -> r.event().eventId()).toList(), CASES_CONSUMER);
    // remove(): an event that comes twice in one poll takes effect once.
    raising = raising.stream().filter(r -> fresh.remove(r.event().eventId())).toList();
    if (raising.isEmpty()) {
      return;
    }
    // An account a unit entered is one more report of it, as a tip's would be; one listed again is
    // not (its reports were counted when they came).
    List<AccountCounters.Naming> namings = new ArrayList<>();
    raising.forEach(
        r ->
            r.refs()
                .forEach(
                    ref ->
                        namings.add(
                            new AccountCounters.Naming(
                                new BankAccount(ref.bankBin(), ref.accountNumber()),
                                r.newReport()))));
    Map<BankAccount, Deque<Counters>> counters = accounts.count(namings);
    Alerts.Batch batch =
        alerts.batch(namings.stream().map(n -> n.account().bankBin()).distinct().toList());
    raising.forEach(r -> raise(r, counters, batch));
    alerts.write(batch);
  }

  /** A case event banks are told about, and the accounts its alerts name. */
  private record Raised(CaseEventEffects.CaseEvent event, String type, List<AccountRefV1> refs) {
    /** An account listed again after a retraction (told anew, no new report of it). */
    boolean relisting() {
      return event.event().kind() == CaseEventKind.IDENTIFIER_RELISTED;
    }

    /** One more report of its accounts: a unit's entry, as a tip's would be. */
    boolean newReport() {
      return Alert.ACCOUNT_REPORTED.equals(type) && !relisting();
    }
  }

  /**
   * The advisories without the accounts on the operators' allow-list ({@link AllowListedAccounts}),
   * read in one statement: an account a unit entered or a bank's answer traced is never reported to
   * its bank once allow-listed. The police's orders and what follows them name their accounts as
   * they are, and so does a relisting: case-service relists only what no entry covers, and the
   * entry's removal (allow-list.v1) may reach this service after the relisting does.
   */
  private List<Raised> withoutAllowListed(List<Raised> raising) {
    List<BankAccount> advised =
        raising.stream()
            .filter(AlertsFromCases::allowListApplies)
            .flatMap(r -> r.refs().stream())
            .map(ref -> new BankAccount(ref.bankBin(), ref.accountNumber()))
            .toList();
    if (advised.isEmpty()) {
      return raising;
    }
    Set<BankAccount> exempt = allowListed.among(advised);
    if (exempt.isEmpty()) {
      return raising;
    }
    List<Raised> kept = new ArrayList<>();
    for (Raised r : raising) {
      List<AccountRefV1> refs =
          allowListApplies(r)
              ? r.refs().stream()
                  .filter(
                      ref -> !exempt.contains(new BankAccount(ref.bankBin(), ref.accountNumber())))
                  .toList()
              : r.refs();
      if (!refs.isEmpty()) {
        kept.add(new Raised(r.event(), r.type(), refs));
      }
    }
    return kept;
  }

  private static boolean allowListApplies(Raised r) {
    return ADVISORIES.contains(r.type()) && !r.relisting();
  }

  private void raise(Raised r, Map<BankAccount, Deque<Counters>> counters, Alerts.Batch batch) {
    CaseEventV1 event = r.event().event();
    String type = r.type();
    boolean hold = HOLD_TYPES.contains(type);
    WebhookPayload.TracedBy tracedBy =
        event.tracedByBankBin() == null
            ? null
            : new WebhookPayload.TracedBy(
                event.tracedByBankBin(), alerts.bankName(event.tracedByBankBin()));
    FreezeAuthorisationV1 a = hold ? event.authorisation() : null;
    WebhookPayload.Authorisation authorisation =
        a == null
            ? null
            : new WebhookPayload.Authorisation(
                a.requestId(), a.unitCode(), a.requestedAt(), a.standingOrder());
    // A relisting is no new report: no trust level of a tip, no time one came (the bank reads the
    // account's standing on the watchlist).
    boolean report = r.newReport();
    for (AccountRefV1 ref : r.refs()) {
      BankAccount account = new BankAccount(ref.bankBin(), ref.accountNumber());
      Counters c = counters.get(account).removeFirst();
      UUID alertId = Ids.next();
      WebhookPayload.Data data =
          new WebhookPayload.Data(
              alertId,
              !ORDERS_TO_HOLD.contains(type),
              account.bankBin(),
              alerts.bankName(account.bankBin()),
              account.accountNumber(),
              null,
              Math.max(1, ref.layer()),
              c.sequence(),
              Alert.ACCOUNT_REPORTED.equals(type) ? Integer.valueOf((int) c.reportCount()) : null,
              report ? TrustLevel.IDENTIFIED : null,
              null,
              null,
              event.caseId(),
              event.caseReference(),
              event.unitCode(),
              tracedIn(type, ref),
              report ? event.occurredAt() : null,
              event.occurredAt(),
              event.note(),
              tracedBy,
              authorisation,
              hold ? ref.holdAmountVnd() : null,
              hold ? ref.holdExpiresAt() : null,
              hold ? ref.holdReason() : null);
      alerts.raise(
          new NewAlert(r.event().eventId(), r.event().trace(), type, data, event.occurredAt()),
          batch);
    }
  }

  /**
   * What the tracing bank's answer sent on to a traced account, as the transfers of its alert: the
   * bank sees what to look for, and its answer is bounded by it ({@link AnswerChecks}).
   */
  private static List<WebhookPayload.Transfer> tracedIn(String type, AccountRefV1 ref) {
    return Alert.ACCOUNT_TRACED.equals(type) && ref.tracedInVnd() != null
        ? List.of(new WebhookPayload.Transfer(ref.tracedInVnd(), ref.tracedInAt()))
        : null;
  }

  /**
   * The webhook type of a case event, or null when banks are not told about it (also for a kind or
   * closure this reader does not know, which read as null: see {@link CaseEventKind}).
   */
  static String typeOf(CaseEventV1 event) {
    if (event.kind() == null) {
      return null;
    }
    return switch (event.kind()) {
      case FREEZE_REQUESTED -> Alert.FREEZE_REQUESTED;
      case ACCOUNT_TRACED -> Alert.ACCOUNT_TRACED;
      case CLOSED -> event.closure() == null ? null : typeOf(event.closure());
      case IDENTIFIER_DELISTED -> Alert.ALERT_RETRACTED;
      case HOLD_EXTENDED -> Alert.HOLD_EXTENDED;
      case HOLD_LIFTED -> Alert.HOLD_LIFTED;
      case HOLD_EXPIRED -> Alert.HOLD_EXPIRED;
      // A police unit entered the account: its bank hears of it as of one a tip named.
      case IDENTIFIER_ADDED -> Alert.ACCOUNT_REPORTED;
      // Listed again after its bank was told of a retraction: told anew, as reported.
      case IDENTIFIER_RELISTED -> Alert.ACCOUNT_REPORTED;
      case OPENED,
          SPLIT,
          ASSIGNED,
          ACKNOWLEDGED,
          STATUS_CHANGED,
          MERGED,
          ESCALATED,
          LEGAL_DEADLINE_CHANGED ->
          null;
    };
  }

  private static String typeOf(Closure closure) {
    return switch (closure) {
      case CONFIRMED -> Alert.CASE_CONFIRMED;
      case UNFOUNDED -> Alert.ALERT_RETRACTED;
    };
  }
}
