package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.FraudCase;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a batch of tips did to each case, so that each live case is announced once at the end of the
 * batch (one event where tips one by one made one each).
 */
final class TouchedCases {
  /** One case's share of the batch. */
  static final class Change {
    final FraudCase target;
    final boolean opened;

    /** The cases it absorbed that consumers knew of (not those opened in this batch). */
    final List<UUID> merged = new ArrayList<>();

    /** The trace of the first tip that touched it, which its event continues. */
    final Context trace;

    boolean reopened;

    Change(FraudCase target, boolean opened, Context trace) {
      this.target = target;
      this.opened = opened;
      this.trace = trace;
    }
  }

  private final Map<UUID, Change> byCase = new LinkedHashMap<>();
  private final List<FraudCase> opened = new ArrayList<>();

  void opened(FraudCase c, Context trace) {
    byCase.put(c.id, new Change(c, true, trace));
    opened.add(c);
  }

  /** Every case the batch opened, those it merged into others since as well. */
  List<FraudCase> openedCases() {
    return opened;
  }

  /** A tip joined {@code survivor}, which absorbed {@code absorbed} to take it. */
  void joined(FraudCase survivor, List<UUID> absorbed, Context trace) {
    Change change = byCase.computeIfAbsent(survivor.id, id -> new Change(survivor, false, trace));
    for (UUID id : absorbed) {
      Change gone = byCase.remove(id);
      if (gone == null) {
        change.merged.add(id);
        continue;
      }
      // Absorbed in the batch that touched it: its own news goes to the survivor's event. One
      // opened in this batch was never announced, so no one needs to hear it was merged.
      change.merged.addAll(gone.merged);
      change.reopened |= gone.reopened;
      if (!gone.opened) {
        change.merged.add(id);
      }
    }
  }

  /** The case went back to a unit's queue (its event is published already). */
  void reopened(FraudCase c) {
    byCase.get(c.id).reopened = true;
  }

  Collection<Change> live() {
    return byCase.values();
  }
}
