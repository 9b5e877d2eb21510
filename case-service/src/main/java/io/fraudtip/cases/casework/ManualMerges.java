package io.fraudtip.cases.casework;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.CaseWorkRequests.MergeCases;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.linking.CaseMerger;
import io.fraudtip.cases.linking.CaseTotals;
import io.fraudtip.cases.police.CaseChanges;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.cases.CaseEventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A unit merges two cases of its tree that are one, as tips would have merged them: the same {@link
 * CaseMerger} (locks in id order, the survivor rule, the rows every feature registers, held and
 * restored amounts, the legal clock), then totals, the MERGED event intake and notification-service
 * follow, and the upward re-routing. Both cases' timelines say it was by hand, by which unit and
 * why. Both must be in the caller's tree (404 otherwise), distinct and open (409).
 */
@ApplicationScoped
public class ManualMerges {
  private final CaseChanges changes;
  private final CaseWork work;
  private final CaseMerger merger;
  private final CaseTotals totals;
  private final Routing routing;
  private final CaseEvents events;

  ManualMerges(
      CaseChanges changes,
      CaseWork work,
      CaseMerger merger,
      CaseTotals totals,
      Routing routing,
      CaseEvents events) {
    this.changes = changes;
    this.work = work;
    this.merger = merger;
    this.totals = totals;
    this.routing = routing;
    this.events = events;
  }

  /**
   * Merges case {@code id} and the one the request names.
   *
   * @return the survivor (when the caller sees it after a re-routing; else case {@code id})
   */
  @Transactional
  public CaseDetail merge(UUID id, String ifMatch, MergeCases request) {
    FraudCase[] survivor = new FraudCase[1];
    CaseDetail own =
        changes.apply(
            id,
            ifMatch,
            (c, now) -> survivor[0] = merge(c, request.caseId(), request.reason(), now));
    return work.answer(own, survivor[0]);
  }

  private FraudCase merge(FraudCase c, UUID otherId, String reason, Instant now) {
    if (c.id.equals(otherId)) {
      throw ProblemException.conflict(
          "same-case", "A case cannot be merged with itself: name another case");
    }
    FraudCase other = work.visible(otherId);
    CaseWork.requireOpen(c);
    CaseWork.requireOpen(other);
    String unit = work.unit(c);
    work.lockIdentifiersOf(List.of(c.id, other.id));
    work.claim(c);
    // The other case as it stands under its lock: work.visible detached the copy it checked.
    List<FraudCase> locked = merger.lock(List.of(c.id, other.id));
    if (locked.size() != 2
        || locked.stream().anyMatch(k -> !k.id.equals(c.id) && !k.id.equals(otherId))) {
      throw ProblemException.conflict(
          "case-merged", "One of the cases was merged meanwhile: read them again");
    }
    locked.forEach(CaseWork::requireOpen);
    locked.forEach(work::requireVisible);
    CaseMerger.Merge merge =
        merger.merge(locked, now, work.actor(), "by hand by " + unit + ": " + reason);
    FraudCase target = merge.survivor();
    target.updatedAt = now;
    totals.recompute(List.of(target), now);
    events.publish(
        target,
        CaseEventKind.MERGED,
        CaseEvents.Extra.merged(merge.absorbed(), "Cases merged by hand by police unit " + unit));
    routing.rerouteUpwards(target, now);
    return target;
  }
}
