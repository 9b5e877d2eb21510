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
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** What a unit's work by hand on its cases shares: the rules of scope, state and locking. */
@ApplicationScoped
class CaseWork {
  private final UnitScope scope;
  private final Identifiers identifiers;

  CaseWork(UnitScope scope, Identifiers identifiers) {
    this.scope = scope;
    this.identifiers = identifiers;
  }

  /** The calling unit's code (the case's own when the caller names no unit it knows). */
  String unit(FraudCase c) {
    return scope.unit().map(u -> u.code).orElse(c.unitCode);
  }

  /** The officer (token subject), for the timeline. */
  String actor() {
    return scope.actor();
  }

  /** Another case the caller may see, or a 404 as for any case outside its tree. */
  FraudCase visible(UUID id) {
    return scope.visible(id);
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
    List<Candidate> held =
        CaseIdentifier.<CaseIdentifier>list("caseId in ?1 and retiredAt is null", caseIds).stream()
            .map(i -> new Candidate(i.type, i.value, i.bankBin, i.foreignNumber, i.layer))
            .toList();
    identifiers.lock(held);
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
