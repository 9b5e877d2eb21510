package io.fraudtip.cases.disputes;

import io.fraudtip.cases.api.DisputeViews;
import io.fraudtip.cases.api.WatchlistViews;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.cases.routing.PoliceUnit;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The read side of disputes: the filer's receipt (why, who decides, by when, escalated or not) and
 * the police's views, of a case or of what a unit has to decide.
 */
@ApplicationScoped
public class DisputeQueries {
  private final UnitScope scope;
  private final Clock clock;
  private final Watchlist watchlist;
  private final Caller caller;

  DisputeQueries(UnitScope scope, Clock clock, Watchlist watchlist, Caller caller) {
    this.scope = scope;
    this.clock = clock;
    this.watchlist = watchlist;
    this.caller = caller;
  }

  @Transactional
  public DisputeViews.Receipt receipt(UUID id) {
    Dispute d = Dispute.findById(id);
    if (d == null) {
      throw ProblemException.notFound("Dispute " + id);
    }
    return receipt(d);
  }

  @Transactional
  public List<DisputeViews.View> ofCase(UUID caseId) {
    FraudCase c = scope.visible(caseId);
    Instant now = clock.now();
    return Dispute.<Dispute>list("caseId = ?1 order by filedAt", c.id).stream()
        .map(d -> view(d, c, now))
        .toList();
  }

  /**
   * The open disputes the caller's unit or a unit below it decides, soonest deadline first: where a
   * unit finds the disputes escalated to it.
   */
  @Transactional
  public List<DisputeViews.View> toDecide() {
    PoliceUnit me = scope.unit().orElse(null);
    if (me == null) {
      return List.of();
    }
    Instant now = clock.now();
    List<Dispute> open =
        Dispute.list(
            "status = ?1 and caseId in (select c.id from FraudCase c where c.unitCode in"
                + " (select u.code from PoliceUnit u where u.path like ?2))"
                + " order by decideBy, filedAt",
            DisputeViews.Status.OPEN,
            me.path + "%");
    return open.stream()
        .map(d -> Map.entry(d, FraudCase.<FraudCase>findById(d.caseId)))
        .filter(e -> me.covers(e.getKey().decider(e.getValue())))
        .map(e -> view(e.getKey(), e.getValue(), now))
        .toList();
  }

  /** The filer is told why the identifier is flagged, who decides and by when (SPEC §10). */
  DisputeViews.Receipt receipt(Dispute d) {
    CaseIdentifier i = CaseIdentifier.findById(d.identifierId);
    FraudCase c = FraudCase.findById(d.caseId);
    List<WatchlistViews.Reason> reasons =
        watchlist
            .checkStored(List.of(new WatchlistViews.Item(i.type, i.value)), seesCases(d))
            .get(0)
            .reasons();
    PoliceUnit decider = d.decider(c);
    return new DisputeViews.Receipt(
        d.id,
        d.status,
        d.filedAt,
        d.decidedAt,
        decider == null ? null : decider.code,
        d.status == DisputeViews.Status.OPEN ? d.decideBy : null,
        d.escalations,
        d.escalatedFrom,
        d.escalatedAt,
        d.overdue(clock.now()),
        reasons == null ? List.of() : reasons);
  }

  /**
   * Whether the caller sees the reasons' case references: the police (as on the watchlist, SPEC
   * §10) and the holder's bank that filed the dispute, reading with its token; anyone else reading
   * the receipt (its id is its only key) sees what a citizen sees.
   */
  private boolean seesCases(Dispute d) {
    if (caller.isPolice()) {
      return true;
    }
    return d.bankBin != null && caller.isBank() && d.bankBin.equals(caller.bank().orElse(null));
  }

  static DisputeViews.View view(Dispute d, FraudCase c, Instant now) {
    CaseIdentifier i = CaseIdentifier.findById(d.identifierId);
    PoliceUnit decider = d.decider(c);
    return new DisputeViews.View(
        d.id,
        d.caseId,
        i.type,
        i.value,
        d.filedBy,
        d.bankBin,
        d.reason,
        d.status,
        d.filedAt,
        d.decidedAt,
        d.decidedBy,
        d.decisionNote,
        decider == null ? null : decider.code,
        d.status == DisputeViews.Status.OPEN ? d.decideBy : null,
        d.escalations,
        d.escalatedFrom,
        d.overdue(now),
        d.status == DisputeViews.Status.UPHELD ? reviewRequestedAt(d, i) : null);
  }

  /** When a review of the decision was asked, for the identifier disputed or its site. */
  private static Instant reviewRequestedAt(Dispute d, CaseIdentifier disputed) {
    if (disputed.reviewRequestedAt != null || disputed.delistedAt == null) {
      return disputed.reviewRequestedAt;
    }
    return Disputes.decidedBy(d, disputed).stream()
        .map(i -> i.reviewRequestedAt)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
