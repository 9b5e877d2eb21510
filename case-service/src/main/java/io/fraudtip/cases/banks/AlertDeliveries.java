package io.fraudtip.cases.banks;

import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.Cases;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.TipLinked;
import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Alerts that reached their banks (alert-deliveries.v1): a line in the case's timeline and the
 * delivery facts the statistics measure the time to alert and to the bank's answer from.
 */
@ApplicationScoped
public class AlertDeliveries {
  private static final String CONSUMER = "case-service.alert-deliveries";

  private final ProcessedEvents processed;
  private final CaseEvents events;
  private final Identifiers identifiers;
  private final Cases cases;
  private final Clock clock;

  AlertDeliveries(
      ProcessedEvents processed,
      CaseEvents events,
      Identifiers identifiers,
      Cases cases,
      Clock clock) {
    this.processed = processed;
    this.events = events;
    this.identifiers = identifiers;
    this.cases = cases;
    this.clock = clock;
  }

  @Transactional
  public void onDelivered(UUID eventId, AlertDeliveredV1 d) {
    if (d == null
        || d.alertId() == null
        || d.bankBin() == null
        || d.accountNumber() == null
        || d.deliveredAt() == null) {
      throw new IllegalArgumentException("alert delivery without alert id, bank, account or time");
    }
    // Once per alert, whatever event id a replay carries.
    if (!processed.firstTime(eventId, CONSUMER) || AlertDelivery.findById(d.alertId()) != null) {
      return;
    }
    if (d.tipId() != null) {
      // Serialises with onTip of the same tip, so that a delivery is never left pending beside a
      // tip that committed meanwhile.
      identifiers.lockTip(d.tipId());
    }
    FraudCase c = caseOf(d);
    if (c == null && d.tipId() == null && d.bankBin() != null && d.accountNumber() != null) {
      // Never dropped silently: the dead-letter topic keeps it with this reason.
      throw new IllegalStateException("no case for the delivery of alert " + d.alertId());
    }
    AlertDelivery row = new AlertDelivery();
    row.alertId = d.alertId();
    row.eventId = eventId;
    row.tipId = d.tipId();
    row.webhookType = d.webhookType();
    row.bankBin = d.bankBin();
    row.accountNumber = d.accountNumber();
    row.layer = Math.max(1, d.layer());
    row.deliveredAt = d.deliveredAt();
    row.triggeredAt = d.triggeredAt() == null ? d.deliveredAt() : d.triggeredAt();
    row.attempts = Math.max(1, d.attempts());
    row.receivedAt = clock.now();
    if (c != null) {
      row.caseId = c.id;
      recordOn(c, row);
    }
    // Otherwise the tip is still on its way to this service: onTip attaches it.
    row.persist();
  }

  /** Attaches the deliveries that arrived before their tip to the tip's case. */
  @Transactional(Transactional.TxType.MANDATORY)
  void attachPending(@Observes TipLinked linked) {
    for (AlertDelivery d : AlertDelivery.pendingForTip(linked.tipId())) {
      d.caseId = linked.target().id;
      recordOn(linked.target(), d);
    }
  }

  private void recordOn(FraudCase c, AlertDelivery d) {
    events.record(
        c,
        TimelineKind.BANK_ALERTED,
        "bank:" + d.bankBin,
        null,
        "Bank "
            + d.bankBin
            + " alerted about account "
            + d.accountNumber
            + ", layer "
            + d.layer
            + ", after "
            + d.attempts
            + (d.attempts == 1 ? " attempt" : " attempts")
            + (d.webhookType == null ? "" : " (" + d.webhookType + ")"),
        d.deliveredAt);
  }

  private FraudCase caseOf(AlertDeliveredV1 d) {
    FraudCase c = d.caseId() == null ? null : FraudCase.findById(d.caseId());
    if (c == null && d.tipId() != null) {
      CaseTip tip = CaseTip.findById(d.tipId());
      c = tip == null ? null : FraudCase.findById(tip.caseId);
    }
    if (c == null && d.tipId() == null && d.bankBin() != null && d.accountNumber() != null) {
      // A case event's alert whose case id we do not know: the account still names its case.
      CaseIdentifier id =
          CaseIdentifier.byValue(
              IdentifierType.BANK_ACCOUNT, new BankAccount(d.bankBin(), d.accountNumber()).value());
      c = id == null ? null : FraudCase.findById(id.caseId);
    }
    return c == null ? null : cases.current(c);
  }
}
