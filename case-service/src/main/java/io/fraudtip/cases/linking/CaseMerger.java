package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseRows;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.LegalClock;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.routing.RoutingTables;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merges cases that turn out to be one: the survivor takes the others' rows (through every
 * feature's {@link CaseRows}), their held and restored amounts and the earliest legal deadline; the
 * others end MERGED, pointing at it.
 */
@ApplicationScoped
public class CaseMerger {
  /** More merge hops than any chain has: past it the chain is taken for a cycle. */
  private static final int MAX_HOPS = 100;

  private final CaseEvents events;
  private final LegalClock legalClock;
  private final List<CaseRows> rows;
  private final RoutingTables tables;

  CaseMerger(
      CaseEvents events, LegalClock legalClock, @All List<CaseRows> rows, RoutingTables tables) {
    this.events = events;
    this.legalClock = legalClock;
    this.rows = rows;
    this.tables = tables;
  }

  /** The survivor of a merge and the ids of the cases it absorbed. */
  public record Merge(FraudCase survivor, List<UUID> absorbed) {}

  /**
   * Locks the cases, in one statement for all, in id order (so that two linkers never wait on each
   * other in a cycle), and gives the live ones. A merged case leads to its survivor, which is
   * locked the same way before it is read (a round per merge hop): read unlocked, a survivor
   * changed meanwhile by another linker would fail this transaction's write (or a later lock of it)
   * on its version, again on every retry while the case is busy.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<FraudCase> lock(Collection<UUID> ids) {
    List<FraudCase> locked = new ArrayList<>();
    if (ids.isEmpty()) {
      return locked;
    }
    List<UUID> sorted = ids.stream().distinct().sorted().toList();
    Map<UUID, FraudCase> rows = new HashMap<>();
    List<UUID> round = sorted;
    for (int hops = 0; !round.isEmpty() && hops <= MAX_HOPS; hops++) {
      FraudCase.<FraudCase>find("id in ?1 order by id", round)
          .withLock(LockModeType.PESSIMISTIC_WRITE)
          .list()
          .forEach(c -> rows.put(c.id, c));
      round =
          round.stream()
              .map(rows::get)
              .filter(c -> c != null && c.mergedInto != null && !rows.containsKey(c.mergedInto))
              .map(c -> c.mergedInto)
              .distinct()
              .sorted()
              .toList();
    }
    for (UUID id : sorted) {
      FraudCase live = live(rows.get(id), rows);
      if (live != null && locked.stream().noneMatch(k -> k.id.equals(live.id))) {
        locked.add(live);
      }
    }
    return locked;
  }

  /** The case a locked one leads to through its merges (null past a missing row or a cycle). */
  private static FraudCase live(FraudCase c, Map<UUID, FraudCase> rows) {
    FraudCase at = c;
    for (int hops = 0; at != null && at.mergedInto != null; hops++) {
      at = hops < MAX_HOPS ? rows.get(at.mergedInto) : null;
    }
    return at;
  }

  /** Merges locked cases into their survivor (nothing to merge when there is one). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Merge merge(List<FraudCase> locked, Instant now) {
    return merge(locked, now, CaseEvents.SYSTEM, null);
  }

  /**
   * {@link #merge(List, Instant)} that someone asked for: both cases' timeline lines name the actor
   * and say how ({@code how}, e.g. "by hand by PA05-66: the same caller").
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Merge merge(List<FraudCase> locked, Instant now, String actor, String how) {
    FraudCase target = survivor(locked);
    return new Merge(target, mergeInto(target, locked, now, actor, how == null ? "" : " " + how));
  }

  /**
   * The case that absorbs the others: the one held by the highest unit (so that a merge never moves
   * tips down), then the oldest.
   */
  private FraudCase survivor(List<FraudCase> cases) {
    RoutingTables.Tables units = tables.recent();
    return cases.stream()
        .min(
            Comparator.comparing((FraudCase c) -> !c.stage.isOpen())
                .thenComparingInt(c -> unitRank(c, units))
                .thenComparing(c -> c.openedAt)
                .thenComparing(c -> c.id))
        .orElseThrow();
  }

  private static int unitRank(FraudCase c, RoutingTables.Tables units) {
    return units.unit(c.unitCode).map(u -> u.level.rank()).orElse(Integer.MAX_VALUE);
  }

  /** Moves the rows of the others (tips, identifiers, bank answers, disputes) into the survivor. */
  private List<UUID> mergeInto(
      FraudCase target, List<FraudCase> cases, Instant now, String actor, String how) {
    List<UUID> merged = new ArrayList<>();
    List<FraudCase> absorbed = new ArrayList<>();
    for (FraudCase other : cases) {
      if (other.id.equals(target.id)) {
        continue;
      }
      rows.forEach(r -> r.move(other.id, target.id));
      target.frozenVnd += other.frozenVnd;
      target.restoredVnd += other.restoredVnd;
      if (other.legalDueAt.isBefore(target.legalDueAt)) {
        target.legalDueAt = other.legalDueAt;
      }
      other.moveTo(CaseStage.MERGED);
      other.mergedInto = target.id;
      other.ackDueAt = null;
      other.updatedAt = now;
      events.record(
          other, TimelineKind.MERGED, actor, null, "Merged into " + target.reference + how, now);
      events.record(
          target, TimelineKind.MERGED, actor, null, "Absorbed " + other.reference + how, now);
      merged.add(other.id);
      absorbed.add(other);
    }
    if (!absorbed.isEmpty()) {
      legalClock.afterMerge(target, absorbed);
      // Only when it absorbed some: a tip joining one case "merges" that case alone.
      target.updatedAt = now;
    }
    return merged;
  }
}
