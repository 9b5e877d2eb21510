package io.fraudtip.cases.police;

import io.fraudtip.cases.api.CaseRequests;
import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.IllegalTransitionException;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.freezes.Freezes;
import io.fraudtip.cases.freezes.HoldChanges;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.routing.Assignment;
import io.fraudtip.cases.routing.PoliceUnit;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.cases.trust.Fact;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The police API's changes to a case's work: acknowledge, move, note, transfer, freeze, close. Each
 * one goes through {@link CaseChanges} (the caller's unit, the If-Match version, the state
 * machine).
 */
@ApplicationScoped
public class CaseWorkflow {
  private final UnitScope scope;
  private final Routing routing;
  private final CaseEvents events;
  private final CaseChanges changes;
  private final Evidence evidence;
  private final Freezes freezes;
  private final HoldChanges holds;

  CaseWorkflow(
      UnitScope scope,
      Routing routing,
      CaseEvents events,
      CaseChanges changes,
      Evidence evidence,
      Freezes freezes,
      HoldChanges holds) {
    this.scope = scope;
    this.routing = routing;
    this.events = events;
    this.changes = changes;
    this.evidence = evidence;
    this.freezes = freezes;
    this.holds = holds;
  }

  @Transactional
  public CaseDetail acknowledge(UUID id, String ifMatch) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          c.moveTo(CaseStage.ACKNOWLEDGED);
          c.acknowledgedAt = now;
          c.ackDueAt = null;
          events.record(c, TimelineKind.ACKNOWLEDGED, scope.actor(), null, null, now);
          events.publish(c, CaseEventKind.ACKNOWLEDGED, CaseEvents.Extra.NONE);
        });
  }

  @Transactional
  public CaseDetail transition(UUID id, String ifMatch, CaseRequests.Transition request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          if (!EnumSet.of(CaseStage.INVESTIGATING, CaseStage.SUSPENDED).contains(request.to())) {
            throw new IllegalTransitionException(c.stage, request.to());
          }
          CaseStage from = c.stage;
          c.moveTo(request.to());
          events.record(
              c,
              TimelineKind.STATUS_CHANGED,
              scope.actor(),
              null,
              from + " -> " + request.to() + (request.note() == null ? "" : ": " + request.note()),
              now);
          events.publish(c, CaseEventKind.STATUS_CHANGED, CaseEvents.Extra.NONE);
        });
  }

  @Transactional
  public CaseDetail note(UUID id, String ifMatch, CaseRequests.Note request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          // A closed case takes notes (what came of it); a merged one lives on in its survivor,
          // where those who work the case read them.
          if (c.stage == CaseStage.MERGED) {
            FraudCase survivor = c.mergedInto == null ? null : FraudCase.findById(c.mergedInto);
            throw ProblemException.conflict(
                "case-closed",
                "Case "
                    + c.reference
                    + " is MERGED"
                    + (survivor == null ? "" : " into " + survivor.reference)
                    + ": write the note there");
          }
          events.record(c, TimelineKind.NOTE, scope.actor(), null, request.text(), now);
        });
  }

  @Transactional
  public CaseDetail transfer(UUID id, String ifMatch, CaseRequests.Transfer request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          PoliceUnit target = PoliceUnit.findById(request.unitCode());
          if (target == null || !target.active) {
            throw ProblemException.invalid(
                "unitCode", "unit.unknown", "No active unit " + request.unitCode());
          }
          if (target.code.equals(c.unitCode)) {
            throw ProblemException.conflict("same-unit", "The case is with this unit already");
          }
          if (!c.stage.canMoveTo(CaseStage.ASSIGNED) || !c.stage.isOpen()) {
            throw new IllegalTransitionException(c.stage, CaseStage.ASSIGNED);
          }
          String from = c.unitCode;
          routing.assign(c, target, null, Assignment.Reason.TRANSFERRED, scope.actor(), now);
          if (request.reason() != null) {
            events.record(c, TimelineKind.NOTE, scope.actor(), null, request.reason(), now);
          }
          events.publish(
              c, CaseEventKind.ASSIGNED, CaseEvents.Extra.note("Transferred from " + from));
        });
  }

  /**
   * A freeze request of the caller's unit, with an optional standing order to follow the money
   * trail: the only way a bank is asked to freeze (see {@link Freezes}).
   */
  @Transactional
  public CaseDetail freeze(UUID id, String ifMatch, CaseRequests.Freeze request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          CaseChanges.requireOpen(c);
          String unitCode = scope.unit().map(u -> u.code).orElse(c.unitCode);
          freezes.request(c, request, unitCode, scope.actor(), now);
        });
  }

  @Transactional
  public CaseDetail close(UUID id, String ifMatch, CaseRequests.Close request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          c.moveTo(CaseStage.CLOSED);
          c.closure = request.closure();
          c.closedAt = now;
          c.ackDueAt = null;
          List<AccountRefV1> accounts = bankAccounts(c.id);
          judge(c, now);
          events.record(
              c,
              TimelineKind.CLOSED,
              scope.actor(),
              null,
              request.closure() + (request.note() == null ? "" : ": " + request.note()),
              now);
          events.publish(
              c,
              CaseEventKind.CLOSED,
              new CaseEvents.Extra(null, List.of(), accounts, request.closure(), null));
          if (c.closure == Closure.UNFOUNDED) {
            // The police authority behind the case's holds is gone: banks get hold.lifted too.
            holds.liftAll(c, HoldChanges.UNFOUNDED_REASON, now);
          }
        });
  }

  /**
   * Reopens a case closed as confirmed, with its unit (SPEC §10: tips never reopen a case; its unit
   * may). A case closed as unfounded stays closed: new tips open a new case that refers to it.
   */
  @Transactional
  public CaseDetail reopen(UUID id, String ifMatch, CaseRequests.Reopen request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          if (c.stage != CaseStage.CLOSED || c.closure != Closure.CONFIRMED) {
            throw ProblemException.conflict(
                "not-reopenable",
                "Only a case closed as CONFIRMED can be reopened; this one is "
                    + c.stage
                    + (c.closure == null ? "" : " " + c.closure));
          }
          c.closure = null;
          c.closedAt = null;
          PoliceUnit unit = PoliceUnit.findById(c.unitCode);
          PoliceUnit active = unit == null ? null : unit.activeOrAbove();
          routing.assign(
              c,
              active != null ? active : unit,
              c.ruleId,
              Assignment.Reason.REOPENED,
              scope.actor(),
              now);
          events.record(c, TimelineKind.NOTE, scope.actor(), null, request.reason(), now);
          events.publish(
              c,
              CaseEventKind.STATUS_CHANGED,
              CaseEvents.Extra.note("Reopened by " + c.unitCode + ": " + request.reason()));
        });
  }

  /**
   * What a closure tells the trust model about each identifier of the case: CONFIRMED is a police
   * confirmation (of those still listed); UNFOUNDED rejects them all and retires their rows, so
   * that no tip reopens this case (a new one opens and refers to it).
   */
  private void judge(FraudCase c, Instant now) {
    for (CaseIdentifier i : CaseIdentifier.ofCase(c.id)) {
      if (i.retiredAt != null) {
        continue;
      }
      if (c.closure == Closure.UNFOUNDED) {
        evidence.rejected(i.type, i.value, c.unitCode, Fact.UNFOUNDED, c.id, now);
        i.retiredAt = now;
      } else if (i.delistedAt == null) {
        evidence.policeConfirmed(i.type, i.value, c.unitCode, c.id, now);
      }
    }
  }

  /** The case's listed bank accounts, for events that concern them all. */
  static List<AccountRefV1> bankAccounts(UUID caseId) {
    return CaseIdentifier.ofCase(caseId).stream()
        .filter(i -> i.type == IdentifierType.BANK_ACCOUNT && i.delistedAt == null)
        .map(i -> new AccountRefV1(i.bankBin, i.accountNumber(), i.layer))
        .toList();
  }
}
