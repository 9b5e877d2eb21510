package io.fraudtip.cases.quotas;

import io.fraudtip.cases.api.DisputeViews;
import io.fraudtip.cases.config.QuotaConfig;
import io.fraudtip.cases.disputes.Dispute;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Bounds the open disputes of one identifier: a holder's grievance needs one, a few at most, not a
 * queue someone fills to bury the deciding unit.
 */
@ApplicationScoped
public class DisputeQuota {
  private final long maxOpen;

  DisputeQuota(QuotaConfig config) {
    this.maxOpen = config.disputes().maxOpenPerIdentifier();
  }

  /** A 409 problem when the identifier already has the most open disputes it may have. */
  @Transactional
  public void checkOpen(DisputeViews.File request) {
    CaseIdentifier identifier =
        CaseIdentifier.byValue(
            request.type(), Watchlist.canonical(request.type(), request.value()));
    if (identifier == null) {
      return;
    }
    long open =
        Dispute.count("identifierId = ?1 and status = ?2", identifier.id, DisputeViews.Status.OPEN);
    if (open >= maxOpen) {
      throw ProblemException.conflict(
          "dispute-open-limit",
          "This identifier already has "
              + open
              + " open dispute(s); the unit decides them before more are taken");
    }
  }
}
