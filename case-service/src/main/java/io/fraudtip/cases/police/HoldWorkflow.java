package io.fraudtip.cases.police;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.HoldRequests;
import io.fraudtip.cases.freezes.HoldChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The police API's changes to a case's holds: extend with a reason, lift. Like every police change
 * they go through {@link CaseChanges} (the caller's unit tree, the If-Match version); the rules of
 * holds are {@link HoldChanges}'.
 */
@ApplicationScoped
public class HoldWorkflow {
  private final UnitScope scope;
  private final CaseChanges changes;
  private final HoldChanges holds;

  HoldWorkflow(UnitScope scope, CaseChanges changes, HoldChanges holds) {
    this.scope = scope;
    this.changes = changes;
    this.holds = holds;
  }

  @Transactional
  public CaseDetail extend(UUID id, UUID holdId, String ifMatch, HoldRequests.Extend request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) -> holds.extend(c, holdId, request, unitOf(c.unitCode), scope.actor(), now));
  }

  @Transactional
  public CaseDetail lift(UUID id, UUID holdId, String ifMatch, HoldRequests.Lift request) {
    return changes.apply(
        id,
        ifMatch,
        (c, now) ->
            holds.lift(c, holdId, request.reason(), unitOf(c.unitCode), scope.actor(), now));
  }

  /** The caller's unit, which may be above the case's. */
  private String unitOf(String caseUnit) {
    return scope.unit().map(u -> u.code).orElse(caseUnit);
  }
}
