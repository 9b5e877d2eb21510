package io.fraudtip.cases.disputes;

import io.fraudtip.cases.api.DisputeViews;
import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.freezes.HoldChanges;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.cases.routing.PoliceUnit;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.cases.trust.EvidenceKind;
import io.fraudtip.cases.trust.Fact;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Disputes: the holder of a listed identifier (or their bank, for its own accounts) contests it;
 * the case's unit decides, or the unit above it the dispute escalated to when not decided in time
 * ({@link DisputeDeadlines}); an upheld dispute delists the identifier and retracts its alerts.
 */
@ApplicationScoped
public class Disputes {
  private final Caller caller;
  private final UnitScope scope;
  private final CaseEvents events;
  private final EntityManager em;
  private final Clock clock;
  private final Evidence evidence;
  private final DisputeQueries queries;
  private final CaseConfig config;
  // Field-injected so that this hook stays apart from the constructor other changes touch.
  @Inject HoldChanges holds;
  @Inject Watchlist watchlist;
  @Inject Identifiers identifiers;

  Disputes(
      Caller caller,
      UnitScope scope,
      CaseEvents events,
      EntityManager em,
      Clock clock,
      Evidence evidence,
      DisputeQueries queries,
      CaseConfig config) {
    this.caller = caller;
    this.scope = scope;
    this.events = events;
    this.em = em;
    this.clock = clock;
    this.evidence = evidence;
    this.queries = queries;
    this.config = config;
  }

  @Transactional
  public DisputeViews.Receipt file(DisputeViews.File request) {
    watchlist.requireReadable(request.type(), request.value());
    String value = Watchlist.canonical(request.type(), request.value());
    CaseIdentifier identifier = CaseIdentifier.byValue(request.type(), value);
    FraudCase c = identifier == null ? null : FraudCase.findById(identifier.caseId);
    if (identifier == null
        || identifier.delistedAt != null
        || c == null
        || c.closure == Closure.UNFOUNDED) {
      throw ProblemException.notFound("A listing of this identifier");
    }
    if (!watchlist.checkStored(List.of(new Item(request.type(), value)), false).get(0).listed()) {
      // Held by a case, yet not listed (not corroborated since an unfounded closure, or a LOW
      // listing aged out): there is nothing to contest, and an upheld decision would retract
      // alerts of an identifier nobody was told of.
      throw ProblemException.notFound("A listing of this identifier");
    }
    String bank = caller.isBank() ? caller.bank().orElse(null) : null;
    if (caller.isBank() && !identifier.isAccountAt(bank)) {
      // A bank speaks for the holders of its own accounts only.
      throw ProblemException.notFound("A listing of this identifier at your bank");
    }
    Instant now = clock.now();
    Dispute d = new Dispute();
    d.id = Ids.next();
    d.caseId = c.id;
    d.identifierId = identifier.id;
    d.filedBy = bank == null ? "HOLDER" : "BANK";
    d.bankBin = bank;
    d.reason = request.reason();
    d.status = DisputeViews.Status.OPEN;
    d.filedAt = now;
    d.decideBy = now.plus(config.disputeDecisionTime());
    d.persist();
    events.record(
        c,
        TimelineKind.DISPUTE_FILED,
        bank == null ? "holder" : "bank:" + bank,
        null,
        "Dispute " + d.id + " on " + identifier.type,
        now);
    return queries.receipt(d);
  }

  @Transactional
  public DisputeViews.View decide(UUID id, DisputeViews.Decision decision) {
    // Locked: an escalation running meanwhile decides who may decide.
    Dispute d = Dispute.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (d == null) {
      throw ProblemException.notFound("Dispute " + id);
    }
    FraudCase c = locked(scope.visible(d.caseId));
    if (d.status != DisputeViews.Status.OPEN) {
      throw ProblemException.conflict("dispute-decided", "The dispute is " + d.status);
    }
    requireDecider(d, c);
    Instant now = clock.now();
    d.status = decision.upheld() ? DisputeViews.Status.UPHELD : DisputeViews.Status.REJECTED;
    d.decidedAt = now;
    d.decidedBy = scope.actor();
    d.decisionNote = decision.note();
    // Kept: the review a later report asks for is this unit's, as the decision was (SPEC §10).
    d.decidingUnit = deciding(c);
    CaseIdentifier identifier = CaseIdentifier.findById(d.identifierId);
    // The rest of its site goes with a domain or page (Sites): the holder's site must not stay
    // listed by the other form after the decision.
    List<CaseIdentifier> covered =
        decision.upheld() ? Sites.coveredBy(identifier, CaseIdentifier.ofCase(c.id)) : List.of();
    if (decision.upheld()) {
      decidedWith(d, identifier.id, now);
      covered.forEach(i -> decidedWith(d, i.id, now));
    }
    // Which dispute and which identifier: a case may have several of each.
    events.record(
        c,
        d.status.timelineKind(),
        scope.actor(),
        null,
        "Dispute "
            + d.id
            + " on "
            + identifier.type
            + " "
            + identifier.value
            + (decision.note() == null ? "" : ": " + decision.note()),
        now);
    if (decision.upheld()) {
      // The decision is kept as evidence: later reports are judged against it (SPEC §10).
      delist(identifier, d, c, now);
      for (CaseIdentifier i : covered) {
        delist(i, d, c, now);
        events.record(
            c,
            TimelineKind.IDENTIFIER_DELISTED,
            scope.actor(),
            null,
            i.type + " " + i.value + " delisted with its site's " + identifier.type,
            now);
      }
      List<AccountRefV1> accounts =
          identifier.type == IdentifierType.BANK_ACCOUNT
              ? List.of(
                  new AccountRefV1(
                      identifier.bankBin, identifier.accountNumber(), identifier.layer))
              : List.of();
      events.record(
          c,
          TimelineKind.IDENTIFIER_DELISTED,
          scope.actor(),
          null,
          identifier.type + " delisted",
          now);
      c.updatedAt = now;
      events.publish(
          c,
          CaseEventKind.IDENTIFIER_DELISTED,
          CaseEvents.Extra.accounts(
              accounts,
              "Dispute upheld: "
                  + identifier.type
                  + " delisted"
                  + (covered.isEmpty() ? "" : ", with " + covered.size() + " more of its site")));
      if (identifier.type == IdentifierType.BANK_ACCOUNT) {
        holds.liftAccount(
            c, identifier.bankBin, identifier.accountNumber(), HoldChanges.DISPUTE_REASON, now);
      }
    }
    return flushed(c, d, now);
  }

  /** Takes an identifier off the watchlist by an upheld dispute, kept as evidence. */
  private void delist(CaseIdentifier i, Dispute d, FraudCase c, Instant now) {
    i.delistedAt = now;
    i.delistedBy = d.id;
    evidence.rejected(i.type, i.value, deciding(c), Fact.DISPUTE_UPHELD, c.id, now);
  }

  /**
   * The other open disputes of an identifier the upheld one delisted end with it, upheld: nothing
   * is left to contest, and each decided again would retract its alerts again.
   */
  private void decidedWith(Dispute upheld, Long identifierId, Instant now) {
    List<Dispute> open =
        Dispute.list(
            "identifierId = ?1 and status = ?2 and id <> ?3",
            identifierId,
            DisputeViews.Status.OPEN,
            upheld.id);
    for (Dispute other : open) {
      other.status = DisputeViews.Status.UPHELD;
      other.decidedAt = now;
      other.decidedBy = upheld.decidedBy;
      other.decidingUnit = upheld.decidingUnit;
      other.decisionNote = "Decided with dispute " + upheld.id;
    }
  }

  /**
   * The case, locked and read again: a tip joining it meanwhile waits for the decision instead of
   * failing it on the case's version (the caller sent no ETag to be stale).
   */
  private FraudCase locked(FraudCase c) {
    em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
    return c;
  }

  /** The caller's unit is the dispute's deciding unit or above it (else 403). */
  private void requireDecider(Dispute d, FraudCase c) {
    PoliceUnit decider = d.decider(c);
    if (!scope.unit().map(me -> me.covers(decider)).orElse(false)) {
      // A unit below the deciding one sees the case, not the decision: it escalated past it.
      throw new ProblemException(
          403,
          "not-deciding-unit",
          "Forbidden",
          "Dispute "
              + d.id
              + " is for "
              + (decider == null ? "another unit" : decider.code)
              + " to decide: it was not decided in time and escalated");
    }
  }

  /**
   * Ends the review an independent report asked for after an upheld dispute: confirmed, the
   * identifier is listed again (a police confirmation); dismissed, it stays off.
   */
  @Transactional
  public DisputeViews.View review(UUID id, DisputeViews.Review review) {
    Dispute d = Dispute.findById(id);
    if (d == null) {
      throw ProblemException.notFound("Dispute " + id);
    }
    FraudCase c = locked(scope.visible(d.caseId));
    CaseIdentifier identifier = CaseIdentifier.findById(d.identifierId);
    List<CaseIdentifier> decided = decidedBy(d, identifier);
    if (d.status != DisputeViews.Status.UPHELD
        || decided.stream().allMatch(i -> i.reviewRequestedAt == null)) {
      throw ProblemException.conflict("no-review", "No review is open on this dispute");
    }
    // The review is the deciding unit's, as the decision was (SPEC §10): a unit below it must not
    // undo its parent's decision.
    requireDecider(d, c);
    Instant now = clock.now();
    String unit = deciding(c);
    // The review ends for everything the decision took off (a site's domain and pages).
    List<AccountRefV1> relisted = new ArrayList<>();
    for (CaseIdentifier i : decided) {
      boolean asked = i.reviewRequestedAt != null;
      i.reviewRequestedAt = null;
      if (review.confirm()) {
        if (i.delistedAt != null && identifiers.isAllowListed(i.candidate())) {
          // Allow-listed since the dispute: it stays off, now for the allow-list, which lists it
          // again (and alerts its bank) if its entry is removed.
          i.delistedBy = CaseIdentifier.DELISTED_BY_ALLOW_LIST;
        } else {
          if (i.delistedAt != null && i.type == IdentifierType.BANK_ACCOUNT) {
            relisted.add(new AccountRefV1(i.bankBin, i.accountNumber(), i.layer));
          }
          i.delistedAt = null;
        }
        evidence.policeConfirmed(i.type, i.value, unit, c.id, now);
      } else if (asked) {
        evidence.review(i.type, i.value, EvidenceKind.REVIEW_DISMISSED, unit, c.id, now);
      }
    }
    if (!relisted.isEmpty()) {
      // Its bank was told the alerts were retracted when the dispute was upheld: told anew.
      events.publish(
          c,
          CaseEventKind.IDENTIFIER_RELISTED,
          CaseEvents.Extra.accounts(relisted, "Listed again: " + unit + "'s review confirmed it"));
    }
    events.record(
        c,
        review.confirm() ? TimelineKind.REVIEW_CONFIRMED : TimelineKind.REVIEW_DISMISSED,
        scope.actor(),
        null,
        identifier.type + (review.note() == null ? "" : ": " + review.note()),
        now);
    return flushed(c, d, now);
  }

  /**
   * What an upheld dispute took off the watchlist and has not been listed again since: the
   * identifier disputed (also when delisted before this was kept), and the rest of its site.
   */
  static List<CaseIdentifier> decidedBy(Dispute d, CaseIdentifier disputed) {
    List<CaseIdentifier> decided = new ArrayList<>();
    decided.add(disputed);
    CaseIdentifier.<CaseIdentifier>list("delistedBy = ?1 and delistedAt is not null", d.id).stream()
        .filter(i -> !i.id.equals(disputed.id))
        .forEach(decided::add);
    return decided;
  }

  /** The unit that decides: the caller's, else the case's. */
  private String deciding(FraudCase c) {
    return scope.unit().map(u -> u.code).orElse(c.unitCode);
  }

  private DisputeViews.View flushed(FraudCase c, Dispute d, Instant now) {
    c.updatedAt = now;
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ProblemException(
          412, "stale-version", "Precondition Failed", "The case changed meanwhile; try again");
    }
    return DisputeQueries.view(d, c, now);
  }
}
