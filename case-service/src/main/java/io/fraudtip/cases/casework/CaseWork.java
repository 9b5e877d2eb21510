package io.fraudtip.cases.casework;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.police.CaseQueries;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a unit's work by hand on its cases shares: the rules of scope, state and locking.
 *
 * <p>The order of locks, the one tips keep: the identifiers' ({@link #lockIdentifiersOf}, or {@link
 * #unflushed} around {@link Identifiers#linkable}), then the caller's case ({@link #claim}), then
 * the other cases' rows ({@link io.fraudtip.cases.linking.CaseMerger#lock}). A change racing
 * another on the same case ends in the 412 of a stale If-Match, never in a lost race thrown
 * mid-change (a 500).
 */
@ApplicationScoped
class CaseWork {
  private final UnitScope scope;
  private final Identifiers identifiers;
  private final EntityManager em;

  CaseWork(UnitScope scope, Identifiers identifiers, EntityManager em) {
    this.scope = scope;
    this.identifiers = identifiers;
    this.em = em;
  }

  /** The calling unit's code (the case's own when the caller names no unit it knows). */
  String unit(FraudCase c) {
    return scope.unit().map(u -> u.code).orElse(c.unitCode);
  }

  /** The officer (token subject), for the timeline. */
  String actor() {
    return scope.actor();
  }

  /**
   * Another case the caller may see, or a 404 as for any case outside its tree. Detached once
   * checked: the work reads it again under its lock ({@link
   * io.fraudtip.cases.linking.CaseMerger#lock}), where a change committed since this read would
   * otherwise be a lost race on its version (a 500) instead of what the lock reads.
   */
  FraudCase visible(UUID id) {
    FraudCase c = scope.visible(id);
    em.detach(c);
    return c;
  }

  /** A case read under its lock must still be in the caller's tree (404, as {@link #visible}). */
  void requireVisible(FraudCase c) {
    if (!scope.covers(c)) {
      throw ProblemException.notFound("Case " + c.id);
    }
  }

  /** Whether the caller's unit is the case's or above it. */
  boolean covers(FraudCase c) {
    return scope.covers(c);
  }

  /** A closed or merged case takes no more work by hand (409). */
  static void requireOpen(FraudCase c) {
    if (!c.stage.isOpen()) {
      throw ProblemException.conflict(
          "case-closed",
          "Case "
              + c.reference
              + " is "
              + c.stage
              + ": closed and merged cases take no more work (a case closed as CONFIRMED can be"
              + " reopened first)");
    }
  }

  /**
   * Takes the linking locks of every identifier the cases hold, before their rows are locked: the
   * order tips take them in, so that a tip naming one of them waits for this work to commit and
   * then reads where its rows went.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void lockIdentifiersOf(Collection<UUID> caseIds) {
    unflushed(
        () -> {
          List<Candidate> held =
              CaseIdentifier.<CaseIdentifier>list("caseId in ?1 and retiredAt is null", caseIds)
                  .stream()
                  .map(CaseIdentifier::candidate)
                  .toList();
          identifiers.lock(held);
          return held;
        });
  }

  /**
   * Runs a step that takes locks before the caller's case is written. {@code CaseChanges} has moved
   * the case's version already: flushed here (as Hibernate does before a native statement or a
   * query on cases), its row would be write-locked before the identifiers', the reverse of the
   * order tips lock in, and a change committed meanwhile would throw from inside the change, a 500.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  <T> T unflushed(Supplier<T> step) {
    FlushModeType mode = em.getFlushMode();
    em.setFlushMode(FlushModeType.COMMIT);
    try {
      return step.get();
    } finally {
      em.setFlushMode(mode);
    }
  }

  /**
   * Writes the caller's case now, once the identifiers are locked: its row lock and its version
   * check. A change of the case committed since the caller read it (another split, merge or entry
   * with the same ETag) answers 412, as a stale If-Match does.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void claim(FraudCase c) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ProblemException(
          412,
          "stale-version",
          "Precondition Failed",
          "Case "
              + c.reference
              + " changed while this change was made (another change with the same ETag won):"
              + " read it again");
    }
  }

  /**
   * The answer to work that may have merged the caller's case away: the case that holds the work
   * now when the caller sees it, else the caller's own (which names it in mergedInto).
   */
  CaseDetail answer(CaseDetail own, FraudCase holder) {
    if (holder == null || holder.id.equals(own.id()) || !scope.covers(holder)) {
      return own;
    }
    return CaseQueries.detail(holder);
  }
}
