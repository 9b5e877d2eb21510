package io.fraudtip.cases.core;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lines outsiders caused per case within the last day, as this transaction sees them: read from
 * the database once per case and transaction (for a batch's cases in one query), then counted here
 * as lines are added. A batch of tips adds many lines to a few cases; a query (and a walk of the
 * session) per line was a tenth of case-service's tip work under load.
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

  /**
   * Reads the counts of these cases in one query, for a batch that adds lines to many (those held
   * already stay as counted).
   */
  void countAll(Collection<UUID> caseIds, Instant since) {
    List<UUID> missing = caseIds.stream().distinct().filter(id -> !counts.containsKey(id)).toList();
    if (missing.isEmpty()) {
      return;
    }
    Map<UUID, Long> stored =
        TimelineEntry.countStoredSince(missing, since, TimelineKind.OUTSIDER_KINDS);
    missing.forEach(id -> counts.put(id, stored.getOrDefault(id, 0L)));
  }

  /** A case opened in this transaction: none stored. */
  void none(UUID caseId) {
    counts.putIfAbsent(caseId, 0L);
  }

  /** One more outsider line for the case, after {@link #count}. */
  void added(UUID caseId) {
    counts.merge(caseId, 1L, Long::sum);
  }
}
