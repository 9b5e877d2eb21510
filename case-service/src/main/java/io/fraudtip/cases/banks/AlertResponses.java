package io.fraudtip.cases.banks;

import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.Cases;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.freezes.Freezes;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.commons.failure.NotYetKnown;
import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.tx.MixedWrites;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertOutcome.Onward;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.alerts.OnwardTransferV1;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Banks' answers into cases, by the rules of {@link io.fraudtip.contracts.alerts.AlertOutcome}:
 * held and restored amounts enter the totals; money that moved on (MOVED_ON, or the rest of a
 * PARTLY_FROZEN answer) brings the onward accounts into the case as the next layer and alerts their
 * banks with an advisory; only a police unit's request makes that a freeze request.
 */
@ApplicationScoped
public class AlertResponses {
  private static final String CONSUMER = "case-service.alert-responses";

  private final ProcessedEvents processed;
  private final TipLinking linking;
  private final CaseEvents events;
  private final Cases cases;
  private final Clock clock;
  private final Evidence evidence;
  private final Freezes freezes;

  AlertResponses(
      ProcessedEvents processed,
      TipLinking linking,
      CaseEvents events,
      Cases cases,
      Clock clock,
      Evidence evidence,
      Freezes freezes) {
    this.processed = processed;
    this.linking = linking;
    this.events = events;
    this.cases = cases;
    this.clock = clock;
    this.evidence = evidence;
    this.freezes = freezes;
  }

  /**
   * Takes a bank's answer into its case: it supersedes the bank's current answer to the same alert
   * in its line ({@link io.fraudtip.contracts.alerts.AlertOutcome#supersedes}) and the case's held
   * and restored totals are recounted from the current answers, so that an answer sent again, under
   * any response id, counts once. An answer on a case closed as unfounded is only recorded in the
   * timeline as refused: it changes no total and follows no trail (notification-service refuses it
   * first; this is the second line, for answers that crossed the closure).
   */
  @Transactional
  public void onResponse(UUID eventId, AlertResponseV1 r) {
    if (r == null || r.responseId() == null || r.outcome() == null) {
      throw new IllegalArgumentException("alert response without id or outcome");
    }
    if (!processed.firstTime(eventId, CONSUMER) || BankResponse.findById(r.responseId()) != null) {
      return;
    }
    FraudCase c = caseOf(r);
    if (c == null && r.tipId() != null && CaseTip.findById(r.tipId()) == null) {
      // The alert's tip is on its way through tips.v1 (this service lagging or starting): the
      // consumer tries again for a while, then the dead-letter topic keeps it.
      throw new NotYetKnown(
          "no case yet for the answer to alert " + r.alertId() + ": tip " + r.tipId());
    }
    if (c == null) {
      // Never dropped silently: the dead-letter topic keeps it with this reason.
      throw new IllegalStateException("no case for the answer to alert " + r.alertId());
    }
    Instant now = clock.now();
    int layer = Math.max(1, r.layer());
    Instant at = r.respondedAt() == null ? now : r.respondedAt();

    // An answer names its account; an event without one still counts, under the case's name.
    String account =
        r.bankBin() == null || r.accountNumber() == null
            ? "an account of the case"
            : new BankAccount(r.bankBin(), r.accountNumber()).value();
    StringBuilder detail = new StringBuilder(r.outcome() + " at " + account);
    if (c.stage == CaseStage.CLOSED && c.closure == Closure.UNFOUNDED) {
      detail
          .append(": refused, the case was closed as UNFOUNDED at ")
          .append(c.closedAt)
          .append("; no total changed and no account followed");
      events.record(
          c, TimelineKind.BANK_RESPONSE, "bank:" + r.bankBin(), null, detail.toString(), now);
      return;
    }

    BankResponse row = new BankResponse();
    row.responseId = r.responseId();
    row.alertId = r.alertId();
    row.caseId = c.id;
    row.bankBin = r.bankBin();
    row.accountNumber = r.accountNumber();
    row.layer = layer;
    row.outcome = r.outcome();
    // Amounts count only where the outcome says they do.
    row.frozenVnd = r.outcome().holdsMoney() ? Math.max(0, r.frozenAmountVnd()) : 0;
    row.restoredVnd = r.outcome().restoresMoney() ? Math.max(0, r.restoredAmountVnd()) : 0;
    row.respondedAt = at;

    if (r.outcome().confirmsAccount() && r.bankBin() != null && r.accountNumber() != null) {
      evidence.bankConfirmed(account, r.bankBin(), r.outcome().name(), c.id, at);
    } else if (r.outcome() == AlertOutcome.NO_SUCH_ACCOUNT
        && r.bankBin() != null
        && r.accountNumber() != null) {
      // A correction (a freeze first answered on the wrong account): the bank's word that the
      // account took the money no longer makes it HIGH.
      evidence.bankRetracted(account, r.bankBin(), c.id, at);
    }
    if (r.outcome().holdsMoney()) {
      detail.append(", held ").append(row.frozenVnd).append(" VND");
    }
    if (r.outcome().restoresMoney()) {
      detail.append(", restored ").append(row.restoredVnd).append(" VND");
    }
    List<OnwardTransferV1> transfers =
        r.onwardTransfers() == null ? List.of() : r.onwardTransfers();
    // Before the trail is followed: the holds it asks for count the current answers' traces only.
    BankResponse.supersede(row);
    if (r.outcome().onwardTransfers() != Onward.NONE && !transfers.isEmpty()) {
      c = follow(c, r.bankBin(), r.responseId(), transfers, layer, at, now, detail);
      row.caseId = c.id;
    }
    row.persist();
    long[] totals = BankResponse.currentTotals(c.id);
    c.frozenVnd = totals[0];
    c.restoredVnd = totals[1];
    c.updatedAt = now;
    events.record(
        c, TimelineKind.BANK_RESPONSE, "bank:" + r.bankBin(), null, detail.toString(), now);
    MixedWrites.flush(BankResponse.getEntityManager());
  }

  /**
   * Brings the accounts the money moved on to into the case as the next layer. Their banks get an
   * advisory naming the tracing bank; only a police unit's standing order on the case makes them
   * freeze requests (see {@link Freezes#traced}).
   *
   * @return the case that holds them afterwards (a merge may have absorbed {@code c})
   */
  private FraudCase follow(
      FraudCase c,
      String tracedByBin,
      UUID responseId,
      List<OnwardTransferV1> transfers,
      int layer,
      Instant at,
      Instant now,
      StringBuilder detail) {
    List<Candidate> onward = new ArrayList<>();
    Map<String, Long> moved = new LinkedHashMap<>();
    Map<String, Instant> firstIn = new HashMap<>();
    for (OnwardTransferV1 t : transfers) {
      if (t != null && t.bankBin() != null && t.accountNumber() != null) {
        Candidate o = Candidate.account(t.bankBin(), t.accountNumber(), layer + 1);
        onward.add(o);
        moved.merge(o.value(), Math.max(0, t.amountVnd()), Long::sum);
        if (t.at() != null) {
          firstIn.merge(o.value(), t.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
    }
    c = linking.attach(c, onward, at);
    List<Freezes.Traced> traced = new ArrayList<>();
    for (Map.Entry<String, Long> m : moved.entrySet()) {
      CaseIdentifier id = CaseIdentifier.byValue(IdentifierType.BANK_ACCOUNT, m.getKey());
      if (id != null && id.caseId.equals(c.id) && id.delistedAt == null) {
        traced.add(
            new Freezes.Traced(
                id.bankBin, id.accountNumber(), id.layer, m.getValue(), firstIn.get(m.getKey())));
      }
    }
    detail.append(", on to ").append(traced.size()).append(" account(s)");
    // An account this bank traced in the case before is evidence once.
    for (Freezes.Traced t : freezes.traced(c, tracedByBin, responseId, traced, now)) {
      evidence.traced(
          new BankAccount(t.bankBin(), t.accountNumber()).value(),
          tracedByBin,
          t.layer(),
          c.id,
          at);
    }
    return c;
  }

  private FraudCase caseOf(AlertResponseV1 r) {
    FraudCase c = r.caseId() == null ? null : FraudCase.findById(r.caseId());
    if (c == null && r.bankBin() != null && r.accountNumber() != null) {
      CaseIdentifier id =
          CaseIdentifier.byValue(
              IdentifierType.BANK_ACCOUNT, new BankAccount(r.bankBin(), r.accountNumber()).value());
      c = id == null ? null : FraudCase.findById(id.caseId);
    }
    if (c == null && r.tipId() != null) {
      CaseTip tip = CaseTip.findById(r.tipId());
      c = tip == null ? null : FraudCase.findById(tip.caseId);
    }
    return c == null ? null : Objects.requireNonNull(cases.current(c));
  }
}
