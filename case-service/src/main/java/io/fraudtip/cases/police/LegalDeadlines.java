package io.fraudtip.cases.police;

import io.fraudtip.cases.api.CaseRequests;
import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.LegalClock;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.cases.CaseEventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The legal clock's changes by the case's unit (CPC 2015 art. 147): a complex case gets two months
 * from receipt, and one extension of two more. Recorded with the reason; published without it.
 */
@ApplicationScoped
public class LegalDeadlines {
  private final UnitScope scope;
  private final CaseEvents events;
  private final LegalClock legalClock;
  private final CaseChanges changes;

  LegalDeadlines(UnitScope scope, CaseEvents events, LegalClock legalClock, CaseChanges changes) {
    this.scope = scope;
    this.events = events;
    this.legalClock = legalClock;
    this.changes = changes;
  }

  /** Marks the case complex: two months from receipt to decide instead of 20 days. */
  @Transactional
  public CaseDetail markComplex(UUID id, String ifMatch, CaseRequests.LegalClockChange request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          CaseChanges.requireOpen(c);
          if (c.complexAt != null) {
            throw ProblemException.conflict(
                "already-complex", "The case was marked complex on " + c.complexAt);
          }
          c.complexAt = now;
          c.legalDueAt = legalClock.due(c);
          legalDeadlineChanged(
              c, TimelineKind.MARKED_COMPLEX, "Complex case", request.reason(), now);
        });
  }

  /** Extends the legal deadline of a complex case, once. */
  @Transactional
  public CaseDetail extendLegalDeadline(
      UUID id, String ifMatch, CaseRequests.LegalClockChange request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> {
          CaseChanges.requireOpen(c);
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
              c,
              TimelineKind.LEGAL_DEADLINE_EXTENDED,
              "Legal deadline extended",
              request.reason(),
              now);
        });
  }

  private void legalDeadlineChanged(
      FraudCase c, TimelineKind kind, String what, String reason, Instant now) {
    String date = c.legalDueAt.atZone(Clock.VIET_NAM).toLocalDate().toString();
    events.record(c, kind, scope.actor(), null, what + ", due " + date + ": " + reason, now);
    // The reason stays in the timeline: event notes are public and carry no case details.
    c.updatedAt = now;
    events.publish(
        c, CaseEventKind.LEGAL_DEADLINE_CHANGED, CaseEvents.Extra.note(what + ", due " + date));
  }
}
