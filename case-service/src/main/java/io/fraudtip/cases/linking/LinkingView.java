package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.linking.Identifiers.Linkable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a batch of tips links against, read once for the whole batch under its locks: the live rows
 * of its identifiers, their latest rows retired with an unfounded case, and their cases, locked.
 * Tips of the batch update it as they go, so that the second of two tips naming one account finds
 * the row (and the case) the first one made.
 */
final class LinkingView {
  private final Map<String, CaseIdentifier> live;
  private final Map<String, CaseIdentifier> retired;
  private final Map<UUID, FraudCase> cases = new HashMap<>();

  LinkingView(
      Map<String, CaseIdentifier> live,
      Map<String, CaseIdentifier> retired,
      List<FraudCase> lockedCases) {
    this.live = new HashMap<>(live);
    this.retired = retired;
    lockedCases.forEach(c -> cases.put(c.id, c));
  }

  /** A tip's (allow-list-filtered) candidates with the live rows that hold them now. */
  Linkable linkable(List<Candidate> candidates) {
    Map<String, CaseIdentifier> existing = new HashMap<>();
    for (Candidate c : candidates) {
      CaseIdentifier row = live.get(c.key());
      if (row != null) {
        existing.put(c.key(), row);
      }
    }
    return new Linkable(candidates, existing);
  }

  /** The live cases that hold the linkable's identifiers, once each. */
  List<FraudCase> casesOf(Linkable linkable) {
    List<FraudCase> found = new ArrayList<>();
    for (UUID id : linkable.caseIds()) {
      FraudCase held = cases.get(id);
      // A row of a case merged before the batch: the lock statement loaded that case too.
      FraudCase c = live(held != null ? held : FraudCase.findById(id));
      if (c != null && found.stream().noneMatch(k -> k.id.equals(c.id))) {
        found.add(c);
      }
    }
    return found;
  }

  /** A case opened by a tip of the batch. */
  void opened(FraudCase c) {
    cases.put(c.id, c);
  }

  /** A row a tip of the batch added. */
  void added(CaseIdentifier row) {
    live.put(Candidate.key(row.type, row.value), row);
  }

  /**
   * The latest case closed as unfounded that held one of the candidates the live rows do not hold,
   * for a new case to refer to.
   */
  Optional<FraudCase> retiredCase(Linkable linkable) {
    CaseIdentifier latest = null;
    for (Candidate c : linkable.candidates()) {
      CaseIdentifier r = linkable.existing().containsKey(c.key()) ? null : retired.get(c.key());
      if (r != null && (latest == null || r.retiredAt.isAfter(latest.retiredAt))) {
        latest = r;
      }
    }
    return latest == null
        ? Optional.empty()
        : Optional.ofNullable(FraudCase.findById(latest.caseId));
  }

  /** A case as it stands: one merged in this batch leads to the case that absorbed it. */
  FraudCase live(FraudCase c) {
    FraudCase at = c;
    int hops = 0;
    while (at != null && at.mergedInto != null && hops++ < 100) {
      FraudCase next = cases.get(at.mergedInto);
      at = next != null ? next : FraudCase.findById(at.mergedInto);
    }
    return at;
  }
}
