package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.TouchedCases.Change;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The end of a batch of tips: the cases it touched get their totals and priority (all at once), are
 * routed, and each is announced on cases.v1; a new case once, routed already, in its OPENED event;
 * a case tips joined by what became of it, or at least "tip added", so that every tip learns its
 * status (every event carries all the case's tip ids, read with the totals for all the cases).
 */
@ApplicationScoped
class Announcements {
  private final CaseTotals totals;
  private final Routing routing;
  private final CaseEvents events;

  Announcements(CaseTotals totals, Routing routing, CaseEvents events) {
    this.totals = totals;
    this.routing = routing;
    this.events = events;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void announce(TouchedCases touched, Instant now) {
    Map<UUID, List<UUID>> tipIds =
        totals.recompute(touched.live().stream().map(c -> c.target).toList(), now);
    // Changed now, after the totals' flush: set while the tips joined, it made that flush write
    // each case a tip joined, then the commit write it again with its totals.
    touched.live().forEach(c -> c.target.updatedAt = now);
    for (Change change : touched.live()) {
      try (Scope scope = change.trace.makeCurrent()) {
        announce(change, tipIds.get(change.target.id), now);
      }
    }
  }

  private void announce(Change change, List<UUID> tipIds, Instant now) {
    FraudCase target = change.target;
    if (change.opened) {
      events.record(target, TimelineKind.OPENED, CaseEvents.SYSTEM, null, null, now);
      // One event per new case (not OPENED then ASSIGNED): every consumer reads it once.
      String rule = routing.routeNew(target, now).orElse(null);
      events.publish(
          target,
          CaseEventKind.OPENED,
          rule == null ? CaseEvents.Extra.NONE : CaseEvents.Extra.rule(rule),
          tipIds);
      publishMerged(change, tipIds);
      return;
    }
    // A reopening was published when the first of the batch's tips reopened the case, with the
    // tips written by then: the others still need an event that names them.
    boolean published = publishMerged(change, tipIds);
    // Publishes when it moves the case (reading the tip ids again): rare, so not worth a variant.
    published |= routing.rerouteUpwards(target, now);
    if (!published) {
      events.publish(
          target, CaseEventKind.STATUS_CHANGED, CaseEvents.Extra.note("Tip added"), tipIds);
    }
  }

  private boolean publishMerged(Change change, List<UUID> tipIds) {
    if (change.merged.isEmpty()) {
      return false;
    }
    events.publish(
        change.target,
        CaseEventKind.MERGED,
        CaseEvents.Extra.merged(change.merged, "Cases merged by a shared identifier"),
        tipIds);
    return true;
  }
}
