package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.service.AccountCounters.Counters;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Case events that concern banks: a police unit's freeze request (the only alert that is not an
 * advisory; it names the request that authorised it and the bounded hold), an account another
 * bank's answer traced (an advisory naming that bank), a case confirmed, and a retraction when a
 * case is closed as unfounded or an identifier delisted.
 */
@ApplicationScoped
public class AlertsFromCases {
  static final String CASES_CONSUMER = "notification-service.cases";

  private final ProcessedEvents processed;
  private final AccountCounters accounts;
  private final Alerts alerts;

  AlertsFromCases(ProcessedEvents processed, AccountCounters accounts, Alerts alerts) {
    this.processed = processed;
    this.accounts = accounts;
    this.alerts = alerts;
  }

  /** Alerts the banks of the accounts a case event names, if banks are told about it. */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 event) {
    onCaseEvent(eventId, event, TraceParent.NONE);
  }

  /** {@link #onCaseEvent(UUID, CaseEventV1)}, its alerts continuing the record's trace. */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 event, TraceParent trace) {
    if (!processed.firstTime(eventId, CASES_CONSUMER)) {
      return;
    }
    String type = typeOf(event);
    if (type == null) {
      return;
    }
    boolean freeze = Alert.FREEZE_REQUESTED.equals(type);
    WebhookPayload.TracedBy tracedBy =
        event.tracedByBankBin() == null
            ? null
            : new WebhookPayload.TracedBy(
                event.tracedByBankBin(), alerts.bankName(event.tracedByBankBin()));
    FreezeAuthorisationV1 a = freeze ? event.authorisation() : null;
    WebhookPayload.Authorisation authorisation =
        a == null
            ? null
            : new WebhookPayload.Authorisation(
                a.requestId(), a.unitCode(), a.requestedAt(), a.standingOrder());
    Set<AccountRefV1> refs = new LinkedHashSet<>(Alerts.nullSafe(event.accounts()));
    Alerts.Batch batch = alerts.batch(new HashMap<>());
    for (AccountRefV1 ref : refs) {
      if (ref.bankBin() == null || ref.accountNumber() == null) {
        continue;
      }
      BankAccount account = new BankAccount(ref.bankBin(), ref.accountNumber());
      Counters c = accounts.count(account, false);
      UUID alertId = UUID.randomUUID();
      WebhookPayload.Data data =
          new WebhookPayload.Data(
              alertId,
              !Alert.FREEZE_REQUESTED.equals(type),
              account.bankBin(),
              alerts.bankName(account.bankBin()),
              account.accountNumber(),
              null,
              Math.max(1, ref.layer()),
              c.sequence(),
              null,
              null,
              null,
              null,
              event.caseId(),
              event.caseReference(),
              event.unitCode(),
              null,
              null,
              event.occurredAt(),
              event.note(),
              tracedBy,
              authorisation,
              freeze ? ref.holdAmountVnd() : null,
              freeze ? ref.holdExpiresAt() : null);
      alerts.raise(new NewAlert(eventId, trace, type, data, event.occurredAt()), batch);
    }
    batch.persistDeliveries();
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
      case OPENED,
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
