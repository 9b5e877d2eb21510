package io.fraudtip.cases.police;

import io.fraudtip.cases.api.CaseRequests;
import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.IllegalTransitionException;
import io.fraudtip.cases.core.LegalClock;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.routing.Assignment;
import io.fraudtip.cases.routing.PoliceUnit;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The police API's changes to a case. Each one checks the caller's unit (404 otherwise), the
 * If-Match version (428 without it, 412 when stale) and the state machine (409).
 */
@ApplicationScoped
public class CaseWorkflow {
  private final UnitScope scope;
  private final Routing routing;
  private final CaseEvents events;
  private final EntityManager em;
  private final LegalClock legalClock;
  private final Clock clock;

  CaseWorkflow(
      UnitScope scope,
      Routing routing,
      CaseEvents events,
      EntityManager em,
      LegalClock legalClock,
      Clock clock) {
    this.legalClock = legalClock;
    this.clock = clock;
    this.scope = scope;
    this.routing = routing;
    this.events = events;
    this.em = em;
  }

  @Transactional
  public CaseDetail acknowledge(UUID id, String ifMatch) {
    return change(
        id,
        ifMatch,
        (c, now) -> {
          c.moveTo(CaseStage.ACKNOWLEDGED);
          c.acknowledgedAt = now;
          c.ackDueAt = null;
          events.record(c, "ACKNOWLEDGED", scope.actor(), null, null, now);
          events.publish(c, CaseEventKind.ACKNOWLEDGED, CaseEvents.Extra.NONE);
        });
  }

  @Transactional
  public CaseDetail transition(UUID id, String ifMatch, CaseRequests.Transition request) {
    return change(
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
              "STATUS_CHANGED",
              scope.actor(),
              null,
              from + " -> " + request.to() + (request.note() == null ? "" : ": " + request.note()),
              now);
          events.publish(c, CaseEventKind.STATUS_CHANGED, CaseEvents.Extra.NONE);
        });
  }

  @Transactional
  public CaseDetail note(UUID id, String ifMatch, CaseRequests.Note request) {
    return change(
        id,
        ifMatch,
        (c, now) -> events.record(c, "NOTE", scope.actor(), null, request.text(), now));
  }

  @Transactional
  public CaseDetail transfer(UUID id, String ifMatch, CaseRequests.Transfer request) {
    return change(
        id,
        ifMatch,
        (c, now) -> {
          PoliceUnit target = PoliceUnit.findById(request.unitCode());
          if (target == null || !target.active) {
            throw invalid("unitCode", "unit.unknown", "No active unit " + request.unitCode());
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
            events.record(c, "NOTE", scope.actor(), null, request.reason(), now);
          }
          events.publish(
              c, CaseEventKind.ASSIGNED, CaseEvents.Extra.note("Transferred from " + from));
        });
  }

  @Transactional
  public CaseDetail freeze(UUID id, String ifMatch, CaseRequests.Freeze request) {
    return change(
        id,
        ifMatch,
        (c, now) -> {
          if (!c.stage.isOpen()) {
            throw ProblemException.conflict("case-closed", "The case is " + c.stage);
          }
          List<AccountRefV1> accounts = new ArrayList<>();
          List<FieldError> errors = new ArrayList<>();
          for (int i = 0; i < request.accounts().size(); i++) {
            CaseRequests.Account a = request.accounts().get(i);
            CaseIdentifier row =
                CaseIdentifier.byValue(
                    IdentifierType.BANK_ACCOUNT, a.bankBin() + ":" + a.accountNumber());
            if (row == null || !row.caseId.equals(c.id) || row.delistedAt != null) {
              errors.add(
                  new FieldError(
                      "accounts[" + i + "]",
                      "account.not-in-case",
                      "The account is not a listed account of this case"));
            } else {
              accounts.add(new AccountRefV1(a.bankBin(), a.accountNumber(), row.layer));
            }
          }
          if (!errors.isEmpty()) {
            throw new ProblemException(
                400,
                "validation",
                "Bad Request",
                "The request has " + errors.size() + " invalid field(s)",
                errors);
          }
          events.record(
              c,
              "FREEZE_REQUESTED",
              scope.actor(),
              null,
              accounts.size()
                  + " account(s)"
                  + (request.note() == null ? "" : ": " + request.note()),
              now);
          events.publish(
              c,
              CaseEventKind.FREEZE_REQUESTED,
              CaseEvents.Extra.accounts(accounts, "Freeze requested by " + c.unitCode));
        });
  }

  @Transactional
  public CaseDetail close(UUID id, String ifMatch, CaseRequests.Close request) {
    return change(
        id,
        ifMatch,
        (c, now) -> {
          c.moveTo(CaseStage.CLOSED);
          c.closure = request.closure();
          c.closedAt = now;
          c.ackDueAt = null;
          events.record(
              c,
              "CLOSED",
              scope.actor(),
              null,
              request.closure() + (request.note() == null ? "" : ": " + request.note()),
              now);
          events.publish(
              c,
              CaseEventKind.CLOSED,
              new CaseEvents.Extra(
                  null, List.of(), bankAccounts(c.id), request.closure().name(), null));
        });
  }

  /** Marks the case complex: two months from receipt to decide instead of 20 days. */
  @Transactional
  public CaseDetail markComplex(UUID id, String ifMatch, CaseRequests.LegalClockChange request) {
    return change(
        id,
        ifMatch,
        (c, now) -> {
          if (!c.stage.isOpen()) {
            throw ProblemException.conflict("case-closed", "The case is " + c.stage);
          }
          if (c.complexAt != null) {
            throw ProblemException.conflict(
                "already-complex", "The case was marked complex on " + c.complexAt);
          }
          c.complexAt = now;
          c.legalDueAt = legalClock.due(c);
          legalDeadlineChanged(c, "MARKED_COMPLEX", "Complex case", request.reason(), now);
        });
  }

  /** Extends the legal deadline of a complex case, once. */
  @Transactional
  public CaseDetail extendLegalDeadline(
      UUID id, String ifMatch, CaseRequests.LegalClockChange request) {
    return change(
        id,
        ifMatch,
        (c, now) -> {
          if (!c.stage.isOpen()) {
            throw ProblemException.conflict("case-closed", "The case is " + c.stage);
          }
          if (c.complexAt == null) {
            throw ProblemException.conflict(
                "not-complex", "Only a case marked complex can have its legal deadline extended");
          }
          if (c.legalExtendedAt != null) {
            throw ProblemException.conflict(
                "already-extended",
                "The legal deadline was extended on "
                    + c.legalExtendedAt
                    + "; the law allows one extension");
          }
          c.legalExtendedAt = now;
          c.legalDueAt = legalClock.due(c);
          legalDeadlineChanged(
              c, "LEGAL_DEADLINE_EXTENDED", "Legal deadline extended", request.reason(), now);
        });
  }

  private void legalDeadlineChanged(
      FraudCase c, String kind, String what, String reason, Instant now) {
    String date = c.legalDueAt.atZone(LegalClock.VIET_NAM).toLocalDate().toString();
    events.record(c, kind, scope.actor(), null, what + ", due " + date + ": " + reason, now);
    // The reason stays in the timeline: event notes are public and carry no case details.
    c.updatedAt = now;
    events.publish(
        c, CaseEventKind.LEGAL_DEADLINE_CHANGED, CaseEvents.Extra.note(what + ", due " + date));
  }

  /** The case's listed bank accounts, for events that concern them all. */
  static List<AccountRefV1> bankAccounts(UUID caseId) {
    return CaseIdentifier.ofCase(caseId).stream()
        .filter(i -> i.type == IdentifierType.BANK_ACCOUNT && i.delistedAt == null)
        .map(i -> new AccountRefV1(i.bankBin, i.accountNumber(), i.layer))
        .toList();
  }

  private CaseDetail change(UUID id, String ifMatch, BiConsumer<FraudCase, Instant> change) {
    FraudCase c = scope.visible(id);
    checkVersion(c, ifMatch);
    Instant now = clock.now();
    try {
      change.accept(c, now);
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict("illegal-transition", e.getMessage());
    }
    // Every change moves the version, so that the ETag a caller holds goes stale.
    c.updatedAt = now;
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw stale();
    }
    return CaseQueries.detail(c);
  }

  /** Checks the If-Match header against the case's version. */
  static void checkVersion(FraudCase c, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          428,
          "precondition-required",
          "Precondition Required",
          "Send the case's ETag in If-Match to change it");
    }
    String tag = ifMatch.trim();
    if (tag.equals("*")) {
      return;
    }
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    if (!tag.equals(Long.toString(c.version))) {
      throw stale();
    }
  }

  private static ProblemException stale() {
    return new ProblemException(
        412,
        "stale-version",
        "Precondition Failed",
        "The case changed since it was read; read it again");
  }

  private static ProblemException invalid(String field, String code, String message) {
    return new ProblemException(
        400,
        "validation",
        "Bad Request",
        "The request has 1 invalid field(s)",
        List.of(new FieldError(field, code, message)));
  }
}
