package io.fraudtip.cases.disputes;

import io.fraudtip.cases.config.TrustConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.linking.Identifiers.Linkable;
import io.fraudtip.cases.routing.Assignment;
import io.fraudtip.cases.routing.PoliceUnit;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.cases.trust.EvidenceKind;
import io.fraudtip.cases.trust.Fact;
import io.fraudtip.cases.trust.TrustModel;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TipSourceV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Disputes with a memory (SPEC §10): a new report of an identifier an upheld dispute delisted, from
 * a source independent of the reports before the decision, neither lists it nor vanishes: the
 * deciding unit gets it to review, and a closed case goes back to its queue.
 */
@ApplicationScoped
public class DisputeReviews {
  private final Evidence evidence;
  private final TrustConfig trust;
  private final CaseEvents events;
  private final Routing routing;

  DisputeReviews(Evidence evidence, TrustConfig trust, CaseEvents events, Routing routing) {
    this.evidence = evidence;
    this.trust = trust;
    this.events = events;
    this.routing = routing;
  }

  /**
   * Whether a tip naming these identifiers may call for a review ({@link #afterReport} then reads
   * the identifiers' evidence and may publish its case's tips): one of them was delisted and has no
   * review asked for yet.
   */
  public static boolean mayReview(Linkable linkable) {
    return linkable.candidates().stream()
        .anyMatch(c -> awaitsReview(linkable.existing().get(c.key())));
  }

  private static boolean awaitsReview(CaseIdentifier row) {
    return row != null && row.delistedAt != null && row.reviewRequestedAt == null;
  }

  /**
   * Asks for the reviews a tip calls for; call before the tip's own evidence is recorded.
   *
   * @return whether the case went back to a unit's queue (and an event was published)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean afterReport(
      TipReceivedV1 tip, Linkable linkable, FraudCase target, Instant receivedAt, Instant now) {
    boolean reopened = false;
    for (Candidate c : linkable.candidates()) {
      CaseIdentifier row = linkable.existing().get(c.key());
      if (!awaitsReview(row)) {
        continue;
      }
      Optional<String> unit =
          TrustModel.reviewBy(
              evidence.of(c.type(), c.value(), now), report(tip, receivedAt), now, trust);
      if (unit.isEmpty()) {
        continue;
      }
      row.reviewRequestedAt = now;
      evidence.review(
          c.type(), c.value(), EvidenceKind.REVIEW_REQUESTED, unit.get(), target.id, now);
      events.record(
          target,
          TimelineKind.REVIEW_REQUESTED,
          CaseEvents.SYSTEM,
          null,
          c.type()
              + " named again by an independent source after an upheld dispute; for "
              + unit.get()
              + " to review",
          now);
      if (target.stage == CaseStage.CLOSED && !reopened) {
        PoliceUnit deciding = PoliceUnit.findById(unit.get());
        reopen(target, deciding != null ? deciding : PoliceUnit.findById(target.unitCode), now);
        reopened = true;
      }
    }
    return reopened;
  }

  private void reopen(FraudCase c, PoliceUnit unit, Instant now) {
    c.closure = null;
    c.closedAt = null;
    routing.assign(c, unit, null, Assignment.Reason.REOPENED, CaseEvents.SYSTEM, now);
    events.publish(
        c,
        CaseEventKind.STATUS_CHANGED,
        CaseEvents.Extra.note("Reopened for a review after an upheld dispute"));
  }

  private static Fact report(TipReceivedV1 tip, Instant at) {
    TipSourceV1 s = tip.source();
    return s == null
        ? Fact.report(at, null, null, null, false, false)
        : Fact.report(at, s.reporter(), s.client(), s.address(), s.verified(), false);
  }
}
