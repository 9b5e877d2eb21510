package io.fraudtip.cases.linking;

import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.Priority;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.disputes.DisputeReviews;
import io.fraudtip.cases.linking.CaseMerger.Merge;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.linking.Identifiers.Linkable;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns tips into cases: a tip joins the case that holds any of its identifiers, cases its
 * identifiers span merge (see {@link CaseMerger}), totals and priority follow, and the case is
 * routed.
 */
@ApplicationScoped
public class TipLinking {
  private static final String TIPS_CONSUMER = "case-service.tips";

  private final ProcessedEvents processed;
  private final Identifiers identifiers;
  private final CaseMerger merger;
  private final Routing routing;
  private final CaseEvents events;
  private final CaseConfig config;
  private final EntityManager em;
  private final Clock clock;
  private final Event<TipLinked> tipLinked;
  private final Evidence evidence;
  private final DisputeReviews reviews;

  TipLinking(
      ProcessedEvents processed,
      Identifiers identifiers,
      CaseMerger merger,
      Routing routing,
      CaseEvents events,
      CaseConfig config,
      EntityManager em,
      Clock clock,
      Event<TipLinked> tipLinked,
      Evidence evidence,
      DisputeReviews reviews) {
    this.processed = processed;
    this.identifiers = identifiers;
    this.merger = merger;
    this.routing = routing;
    this.events = events;
    this.config = config;
    this.em = em;
    this.clock = clock;
    this.tipLinked = tipLinked;
    this.evidence = evidence;
    this.reviews = reviews;
  }

  /**
   * The case a tip joined, and how it came to it.
   *
   * @param refersTo a case closed as unfounded that held some of the tip's identifiers, or null
   */
  private record Joined(
      FraudCase target, boolean opened, List<UUID> merged, boolean wasClosed, FraudCase refersTo) {}

  /** Takes a tip into a case, once per event id and once per tip. */
  @Transactional
  public void onTip(UUID eventId, TipReceivedV1 tip) {
    if (tip == null || tip.tipId() == null || tip.provinceCode() == null) {
      throw new IllegalArgumentException("tip without id or province");
    }
    if (!processed.firstTime(eventId, TIPS_CONSUMER) || !lockNewTip(tip.tipId())) {
      return;
    }
    Instant now = clock.now();
    Linkable linkable = identifiers.linkable(Identifiers.of(tip));
    Joined joined = join(tip, linkable, now);
    CaseTip caseTip = keep(tip, joined.target(), now);
    tipLinked.fire(new TipLinked(tip.tipId(), joined.target()));
    // Before the tip's own evidence: a review depends on what was known before it.
    boolean reopened = reviews.afterReport(tip, linkable, joined.target(), caseTip.receivedAt, now);
    countReports(tip, linkable, joined.target(), caseTip);
    addToTimeline(tip, joined.wasClosed() && !reopened, joined.refersTo(), joined.target(), now);
    announce(joined, reopened, now);
  }

  /**
   * Adds identifiers traced to a case (money moved on), merging the cases they already belong to.
   *
   * @return the case that holds them all afterwards
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public FraudCase attach(FraudCase into, List<Candidate> candidates, Instant reportedAt) {
    Instant now = clock.now();
    Linkable linkable = identifiers.linkable(candidates);
    Set<UUID> ids = new LinkedHashSet<>();
    ids.add(into.id);
    ids.addAll(linkable.caseIds());
    FraudCase target = into;
    if (ids.size() > 1) {
      Merge merge = merger.merge(merger.lock(ids), now);
      target = merge.survivor();
      recompute(target, now);
      events.publish(
          target,
          CaseEventKind.MERGED,
          CaseEvents.Extra.merged(merge.absorbed(), "Cases merged by a money trail"));
      routing.rerouteUpwards(target, now);
    }
    for (Candidate c : linkable.candidates()) {
      if (!linkable.existing().containsKey(c.key())) {
        addIdentifier(target, c, reportedAt, 0, 0);
      }
    }
    return target;
  }

  /** Recomputes a case's totals and priority from its tips and identifiers. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recompute(FraudCase c, Instant now) {
    Object[] totals =
        em.createQuery(
                "select count(t), count(distinct t.provinceCode), coalesce(sum(t.amountLostVnd), 0),"
                    + " max(t.latestTransferAt) from CaseTip t where t.caseId = :id",
                Object[].class)
            .setParameter("id", c.id)
            .getSingleResult();
    c.victims = ((Number) totals[0]).intValue();
    c.provinces = ((Number) totals[1]).intValue();
    c.totalLossVnd = ((Number) totals[2]).longValue();
    c.latestTransferAt = (Instant) totals[3];
    c.foreignIdentifier = CaseIdentifier.count("caseId = ?1 and foreignNumber = true", c.id) > 0;
    c.cryptoWallet =
        CaseIdentifier.count("caseId = ?1 and type = ?2", c.id, IdentifierType.CRYPTO_WALLET) > 0;
    // Urgency and routing grow with independent sources, not with tips: one caller repeating a
    // tip is one (a tip without identifiers has no evidence row: a source of its own).
    c.independentSources = Math.min(c.victims, Math.max(1, evidence.sourcesOfCase(c.id)));
    c.priority =
        Priority.of(
            c.totalLossVnd,
            c.independentSources,
            c.latestTransferAt,
            now,
            config.largeLossVnd(),
            config.freezeWindow());
  }

  /**
   * Serialises the work on the tip (see {@link Identifiers#lockTip}).
   *
   * @return whether the tip is not in a case yet
   */
  private boolean lockNewTip(UUID tipId) {
    identifiers.lockTip(tipId);
    return CaseTip.findById(tipId) == null;
  }

  /** The case the tip joins: a new one, or the survivor of the cases its identifiers are in. */
  private Joined join(TipReceivedV1 tip, Linkable linkable, Instant now) {
    List<FraudCase> cases = merger.lock(linkable.caseIds());
    FraudCase refersTo = identifiers.retiredCase(linkable).orElse(null);
    if (cases.isEmpty()) {
      FraudCase opened = open(tip, now);
      // Closed means closed: the unfounded case keeps its closure; the new one points at it.
      opened.refersToCaseId = refersTo == null ? null : refersTo.id;
      return new Joined(opened, true, List.of(), false, refersTo);
    }
    Merge merge = merger.merge(cases, now);
    FraudCase target = merge.survivor();
    return new Joined(target, false, merge.absorbed(), target.stage == CaseStage.CLOSED, refersTo);
  }

  private FraudCase open(TipReceivedV1 tip, Instant now) {
    FraudCase c = new FraudCase();
    c.id = UUID.randomUUID();
    c.reference = "VN-" + c.id.toString().substring(0, 8).toUpperCase();
    c.stage = CaseStage.RECEIVED;
    c.status = c.stage.status();
    c.scamType = scamTypeOf(tip);
    c.provinceCode = tip.provinceCode();
    c.communeCode = tip.communeCode();
    c.priority = Priority.LOWEST;
    c.openedAt = now;
    c.updatedAt = now;
    Instant received = tip.receivedAt() == null ? now : tip.receivedAt();
    c.legalDueAt = received.plus(config.legalDeadline());
    c.persist();
    return c;
  }

  private static ScamType scamTypeOf(TipReceivedV1 tip) {
    return tip.scamType() == null ? ScamType.OTHER : tip.scamType();
  }

  /** Stores the tip in its case, with the facts the totals are computed from. */
  private static CaseTip keep(TipReceivedV1 tip, FraudCase target, Instant now) {
    CaseTip caseTip = new CaseTip();
    caseTip.tipId = tip.tipId();
    caseTip.caseId = target.id;
    caseTip.receivedAt = tip.receivedAt() == null ? now : tip.receivedAt();
    caseTip.provinceCode = tip.provinceCode();
    caseTip.communeCode = tip.communeCode();
    caseTip.scamType = scamTypeOf(tip);
    caseTip.trust = tip.trust() == null ? TrustLevel.ANONYMOUS : tip.trust();
    caseTip.amountLostVnd = Math.max(0, tip.amountLostVnd());
    caseTip.latestTransferAt =
        tip.transfers() == null
            ? null
            : tip.transfers().stream()
                .filter(Objects::nonNull)
                .map(TransferV1::at)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    caseTip.payload = Json.write(tip);
    caseTip.persist();
    return caseTip;
  }

  /**
   * Each of the tip's identifiers counts one more report and gets the tip as evidence, with its
   * source (SPEC §10); new ones join the case. A delisted identifier still links and counts: what
   * it means for the watchlist is the trust model's to say.
   */
  private void countReports(
      TipReceivedV1 tip, Linkable linkable, FraudCase target, CaseTip caseTip) {
    boolean identified =
        caseTip.trust == TrustLevel.IDENTIFIED
            || caseTip.trust == TrustLevel.IDENTIFIED_WITH_TRANSFERS;
    for (Candidate c : linkable.candidates()) {
      evidence.report(
          c.type(),
          c.value(),
          tip.tipId(),
          target.id,
          caseTip.receivedAt,
          tip.source(),
          withTransfers(tip, c));
      CaseIdentifier row = linkable.existing().get(c.key());
      if (row == null) {
        addIdentifier(target, c, caseTip.receivedAt, identified ? 1 : 0, 1);
      } else {
        row.reportCount++;
        row.identifiedReports += identified ? 1 : 0;
        if (caseTip.receivedAt.isBefore(row.firstReportedAt)) {
          row.firstReportedAt = caseTip.receivedAt;
        }
        if (caseTip.receivedAt.isAfter(row.lastReportedAt)) {
          row.lastReportedAt = caseTip.receivedAt;
        }
        row.foreignNumber |= c.foreign();
      }
    }
  }

  /** The tip in the case's timeline; the totals and priority follow. */
  private void addToTimeline(
      TipReceivedV1 tip, boolean closed, FraudCase refersTo, FraudCase target, Instant now) {
    target.updatedAt = now;
    events.record(
        target,
        TimelineKind.TIP_ADDED,
        CaseEvents.SYSTEM,
        null,
        "Tip " + tip.tipId() + " from province " + tip.provinceCode(),
        now);
    if (closed) {
      // A case closed as confirmed stays closed; its unit may reopen it (the unfounded ones hold
      // no live identifier, so no tip reaches them).
      events.record(
          target,
          TimelineKind.NOTE,
          CaseEvents.SYSTEM,
          null,
          "A new tip joined the closed case; it stays closed until its unit reopens it",
          now);
    }
    if (refersTo != null) {
      events.record(
          target,
          TimelineKind.REFERS_TO,
          CaseEvents.SYSTEM,
          null,
          "Names identifiers of " + refersTo.reference + ", closed as unfounded",
          now);
    }
    recompute(target, now);
  }

  /** Publishes what became of the case; at least one event, so that the tip learns its status. */
  private void announce(Joined joined, boolean reopened, Instant now) {
    FraudCase target = joined.target();
    if (joined.opened()) {
      events.record(target, TimelineKind.OPENED, CaseEvents.SYSTEM, null, null, now);
      // One event per new case (not OPENED then ASSIGNED): every consumer reads it once.
      String rule = routing.routeNew(target, now).orElse(null);
      events.publish(
          target,
          CaseEventKind.OPENED,
          rule == null ? CaseEvents.Extra.NONE : CaseEvents.Extra.rule(rule));
      return;
    }
    boolean published = false;
    if (!joined.merged().isEmpty()) {
      events.publish(
          target,
          CaseEventKind.MERGED,
          CaseEvents.Extra.merged(joined.merged(), "Cases merged by a shared identifier"));
      published = true;
    }
    published |= reopened;
    published |= routing.rerouteUpwards(target, now);
    if (!published) {
      // The new tip must learn its case's status: every event carries all tip ids.
      events.publish(target, CaseEventKind.STATUS_CHANGED, CaseEvents.Extra.note("Tip added"));
    }
  }

  /**
   * Whether the tip gave transfer details to this identifier: a transfer to that very account, or,
   * for identifiers that are not accounts, any transfer.
   */
  private static boolean withTransfers(TipReceivedV1 tip, Candidate c) {
    if (tip.transfers() == null || tip.transfers().isEmpty()) {
      return false;
    }
    if (c.type() != IdentifierType.BANK_ACCOUNT) {
      return true;
    }
    return tip.transfers().stream()
        .filter(t -> t != null && t.bankBin() != null && t.accountNumber() != null)
        .anyMatch(t -> Candidate.account(t.bankBin(), t.accountNumber(), 1).key().equals(c.key()));
  }

  private void addIdentifier(
      FraudCase c, Candidate candidate, Instant at, int identified, int reports) {
    CaseIdentifier row = new CaseIdentifier();
    row.caseId = c.id;
    row.type = candidate.type();
    row.value = candidate.value();
    row.bankBin = candidate.bankBin();
    row.foreignNumber = candidate.foreign();
    row.layer = candidate.layer();
    row.reportCount = reports;
    row.identifiedReports = identified;
    row.firstReportedAt = at;
    row.lastReportedAt = at;
    row.persist();
  }
}
