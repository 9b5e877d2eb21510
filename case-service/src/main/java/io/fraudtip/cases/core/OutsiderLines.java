package io.fraudtip.cases.core;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The lines outsiders caused per case within the last day, as this transaction sees them: read from
 * the database once per case and transaction, then counted here as lines are added. A batch of tips
 * adds many lines to a few cases; a query (and a walk of the session) per line was a tenth of
 * case-service's tip work under load.
 */
@TransactionScoped
public class OutsiderLines implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<UUID, Long> counts = new HashMap<>();

  /** The case's outsider lines since the time, this transaction's included. */
  long count(UUID caseId, Instant since) {
    return counts.computeIfAbsent(
        caseId, id -> TimelineEntry.countStoredSince(id, since, TimelineKind.OUTSIDER_KINDS));
  }

  /** One more outsider line for the case, after {@link #count}. */
  void added(UUID caseId) {
    counts.merge(caseId, 1L, Long::sum);
  }
}
