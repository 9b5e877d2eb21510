package io.fraudtip.intake.service;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.tx.Snapshot;
import io.fraudtip.intake.api.TipTracking;
import io.fraudtip.intake.domain.Tip;
import io.fraudtip.intake.domain.TipHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads a tip's public status and history by its tracking code: no personal data. */
@ApplicationScoped
public class TipTracker {
  private final EntityManager em;

  TipTracker(EntityManager em) {
    this.em = em;
  }

  /** The public view of a tip, its status and history as they stood at one moment. */
  @Transactional
  public TipTracking track(String trackingCode) {
    Snapshot.begin(em);
    Tip tip =
        Tip.findByTrackingCode(TrackingCodes.canonical(trackingCode))
            .orElseThrow(() -> ProblemException.notFound("Tip " + trackingCode));
    var history =
        TipHistoryEntry.ofTip(tip.id).stream()
            .map(h -> new TipTracking.Step(h.status, h.at, h.note))
            .toList();
    return new TipTracking(tip.trackingCode, tip.status, tip.receivedAt, tip.updatedAt, history);
  }
}
