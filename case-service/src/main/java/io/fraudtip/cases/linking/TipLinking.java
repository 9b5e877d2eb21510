package io.fraudtip.cases.linking;

import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.disputes.DisputeReviews;
import io.fraudtip.cases.linking.CaseMerger.Merge;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.linking.Identifiers.Linkable;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.tx.MixedWrites;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns tips into cases, a batch at a time: a tip joins the case that holds any of its identifiers,
 * cases its identifiers span merge (see {@link CaseMerger}), totals and priority follow, and the
 * case is routed. What can be done once for the batch is: the dedupe on event ids, the locks on its
 * tips and identifiers, the allow-list, the lookup of identifier rows and the locking of their
 * cases, the totals, and one event per case ({@link Announcements}).
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
  private final Event<TipsLinked> tipsLinked;
  private final Evidence evidence;
  private final DisputeReviews reviews;
  private final CaseTotals totals;
  private final Announcements announcements;

  TipLinking(
      ProcessedEvents processed,
      Identifiers identifiers,
      CaseMerger merger,
      Routing routing,
      CaseEvents events,
      CaseConfig config,
      EntityManager em,
      Clock clock,
      Event<TipsLinked> tipsLinked,
      Evidence evidence,
      DisputeReviews reviews,
      CaseTotals totals,
      Announcements announcements) {
    this.processed = processed;
    this.identifiers = identifiers;
    this.merger = merger;
    this.routing = routing;
    this.events = events;
    this.config = config;
    this.em = em;
    this.clock = clock;
    this.tipsLinked = tipsLinked;
    this.evidence = evidence;
    this.reviews = reviews;
    this.totals = totals;
    this.announcements = announcements;
  }

  /** Takes a tip into a case, once per event id and once per tip. */
  @Transactional
  public void onTip(UUID eventId, TipReceivedV1 tip) {
    onTips(List.of(TipEvent.of(eventId, tip)));
  }

  /**
   * Takes a batch of tips into cases in one transaction, in order, each once per event id and once
   * per tip.
   *
   * @throws IllegalArgumentException when a tip has no id or province (the batch is then retried
   *     one by one, and that tip goes to the dead-letter topic alone)
   */
  @Transactional
  public void onTips(List<TipEvent> batch) {
    for (TipEvent e : batch) {
      TipReceivedV1 tip = e.tip();
      if (tip == null || tip.tipId() == null || tip.provinceCode() == null) {
        throw new IllegalArgumentException("tip without id or province");
      }
    }
    Set<UUID> fresh =
        processed.firstTimes(batch.stream().map(TipEvent::eventId).toList(), TIPS_CONSUMER);
    Map<UUID, TipEvent> byTip = new LinkedHashMap<>();
    Map<UUID, List<Candidate>> named = new HashMap<>();
    Set<Candidate> all = new LinkedHashSet<>();
    for (TipEvent e : batch) {
      if (fresh.contains(e.eventId()) && byTip.putIfAbsent(e.tip().tipId(), e) == null) {
        List<Candidate> candidates = Identifiers.of(e.tip());
        named.put(e.tip().tipId(), candidates);
        all.addAll(candidates);
      }
    }
    if (byTip.isEmpty()) {
      return;
    }
    // Its lines are written at once, after the announcements (nothing in the batch reads them).
    events.holdLines();
    // Locked before the allow-list and the rows are read, so that both are as they stand now.
    identifiers.lock(byTip.keySet(), all);
    byTip.keySet().removeAll(inCases(byTip.keySet()));
    Set<String> allowList = identifiers.allowList();
    List<Candidate> linking = Identifiers.without(List.copyOf(all), allowList);
    // The cases before their rows: a merge, a closure or a dispute changes a case's rows under
    // the case's lock alone, and a row read before that lock could be written back as it was
    // (a merged case's identifier moved back to it with the tip's count).
    List<FraudCase> locked = merger.lock(identifiers.caseIdsOf(linking));
    Identifiers.Rows rows = identifiers.rows(linking);
    LinkingView view = new LinkingView(rows.live(), rows.retired(), locked);
    Instant now = clock.now();
    // Each tip adds a line to its case's timeline: the cases' counts of such lines in one query.
    events.countOutsiderLines(locked.stream().map(c -> c.id).toList(), now);
    TouchedCases touched = new TouchedCases();
    BatchRows held = new BatchRows(em, evidence);
    Map<UUID, FraudCase> targets = new HashMap<>();
    for (TipEvent e : byTip.values()) {
      try (Scope scope = e.trace().makeCurrent()) {
        List<Candidate> candidates = Identifiers.without(named.get(e.tip().tipId()), allowList);
        targets.put(e.tip().tipId(), link(e, view.linkable(candidates), view, touched, held, now));
      }
    }
    // The totals read the batch's tips and evidence.
    held.write();
    // Each tip's case now: a new case is not stored yet, so the merges are followed in the batch.
    targets.replaceAll((tip, c) -> view.live(c));
    tipsLinked.fire(new TipsLinked(targets));
    announcements.announce(touched, now);
    events.writeHeldLines();
    // The batch's new cases go in last, each once with its totals, unit and priority. Persisted
    // when opened, each was inserted at the batch's first flush and updated at the next ones: a
    // row with five indexes written twice or more. Their tips, identifiers and lines refer to
    // them by a plain column, checked at commit (V1.15.0), and nothing in the batch reads a new
    // case's row: the batch holds them (LinkingView, TouchedCases).
    touched.openedCases().forEach(c -> c.persist());
    MixedWrites.flush(em);
  }

  /** Ids among these of tips in a case already (a tip delivered again under a new event id). */
  private Set<UUID> inCases(Collection<UUID> tipIds) {
    @SuppressWarnings("unchecked")
    List<UUID> found =
        em.createNativeQuery(
                "SELECT tip_id FROM case_tip WHERE tip_id = ANY (CAST(:ids AS uuid[]))")
            .setParameter("ids", PgArrays.of(tipIds))
            .getResultList();
    return new HashSet<>(found);
  }

  /**
   * One tip into its case: joined or opened, kept, counted, in the timeline; that case. The rows
   * held are written before anything reads or moves them.
   */
  private FraudCase link(
      TipEvent e,
      Linkable linkable,
      LinkingView view,
      TouchedCases touched,
      BatchRows held,
      Instant now) {
    TipReceivedV1 tip = e.tip();
    List<FraudCase> holding = view.casesOf(linkable);
    List<FraudCase> cases = joining(holding);
    FraudCase refersTo = view.retiredCase(linkable).orElse(null);
    FraudCase target;
    if (cases.isEmpty()) {
      target = TipRows.newCase(tip, now, config.legalDeadline());
      // Closed means closed: the unfounded case keeps its closure; the new one points at it.
      target.refersToCaseId = refersTo == null ? null : refersTo.id;
      events.openedHere(target);
      view.opened(target);
      touched.opened(target, e.trace());
    } else {
      if (cases.size() > 1) {
        held.write();
      }
      Merge merge = merger.merge(cases, now);
      target = merge.survivor();
      touched.joined(target, merge.absorbed(), e.trace());
    }
    boolean closed = target.stage == CaseStage.CLOSED;
    CaseTip caseTip = TipRows.kept(tip, e.json(), target, now);
    held.tip(caseTip);
    // Before the tip's own evidence: a review depends on what was known before it.
    if (DisputeReviews.mayReview(linkable)) {
      held.write();
    }
    boolean reopened = reviews.afterReport(tip, linkable, target, caseTip.receivedAt, now);
    if (reopened) {
      touched.reopened(target);
    }
    countReports(tip, linkable, target, caseTip, view, held);
    addToTimeline(tip, closed && !reopened, refersTo, target, now);
    for (FraudCase left : holding) {
      if (!cases.contains(left)) {
        leftClosed(tip, left, target, now);
      }
    }
    return target;
  }

  /**
   * The cases a tip joins among those that hold its identifiers: the open ones, merged; else the
   * first closed one, alone. A case closed as confirmed is reopened by its unit only (SPEC §10), so
   * a tip never merges it into another case (under another unit, perhaps) nor another into it: its
   * identifiers stay with it and count the tip.
   */
  private static List<FraudCase> joining(List<FraudCase> holding) {
    List<FraudCase> open = holding.stream().filter(c -> c.stage.isOpen()).toList();
    return !open.isEmpty() || holding.isEmpty() ? open : List.of(holding.get(0));
  }

  /** Both timelines say that a tip naming a closed case's identifiers joined another case. */
  private void leftClosed(TipReceivedV1 tip, FraudCase closed, FraudCase target, Instant now) {
    events.record(
        closed,
        TimelineKind.NOTE,
        CaseEvents.SYSTEM,
        null,
        "Tip "
            + tip.tipId()
            + " names identifiers of this closed case and joined "
            + target.reference
            + "; this case stays closed until its unit reopens it",
        now);
    events.record(
        target,
        TimelineKind.REFERS_TO,
        CaseEvents.SYSTEM,
        null,
        "Names identifiers of " + closed.reference + ", closed as " + closed.closure,
        now);
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
      // As for a tip: a closed case is reopened by its unit only, never merged away by a trail;
      // the account it holds stays with it, and both timelines say where the money went. Locked
      // once: the live cases, split into those that merge and those that stay closed.
      List<FraudCase> merging = new ArrayList<>();
      for (FraudCase k : merger.lock(ids)) {
        if (k.stage.isOpen() || k.id.equals(into.id)) {
          merging.add(k);
        } else {
          tracedInto(into, k, now);
        }
      }
      if (merging.size() > 1) {
        target = mergedByTrail(merging, now);
      }
    }
    for (Candidate c : linkable.candidates()) {
      if (!linkable.existing().containsKey(c.key())) {
        TipRows.addIdentifier(target, c, reportedAt, 0, 0);
      }
    }
    return target;
  }

  /** Merges the open cases a money trail spans and announces the survivor. */
  private FraudCase mergedByTrail(List<FraudCase> merging, Instant now) {
    Merge merge = merger.merge(merging, now);
    FraudCase target = merge.survivor();
    List<UUID> tipIds = totals.recompute(List.of(target), now).get(target.id);
    events.publish(
        target,
        CaseEventKind.MERGED,
        CaseEvents.Extra.merged(merge.absorbed(), "Cases merged by a money trail"),
        tipIds);
    routing.rerouteUpwards(target, now);
    return target;
  }

  /** Both timelines say that money of an open case was traced to a closed case's account. */
  private void tracedInto(FraudCase open, FraudCase closed, Instant now) {
    events.record(
        open,
        TimelineKind.REFERS_TO,
        CaseEvents.SYSTEM,
        null,
        "Money traced to an account of " + closed.reference + ", closed as " + closed.closure,
        now);
    events.record(
        closed,
        TimelineKind.NOTE,
        CaseEvents.SYSTEM,
        null,
        "Money of "
            + open.reference
            + " was traced to an account of this closed case; it stays closed until its unit"
            + " reopens it",
        now);
  }

  /**
   * Each of the tip's identifiers counts one more report and gets the tip as evidence, with its
   * source (SPEC §10); new ones join the case. A delisted identifier still links and counts: what
   * it means for the watchlist is the trust model's to say.
   */
  private static void countReports(
      TipReceivedV1 tip,
      Linkable linkable,
      FraudCase target,
      CaseTip caseTip,
      LinkingView view,
      BatchRows held) {
    boolean identified =
        caseTip.trust == TrustLevel.IDENTIFIED
            || caseTip.trust == TrustLevel.IDENTIFIED_WITH_TRANSFERS;
    for (Candidate c : linkable.candidates()) {
      held.report(
          new Evidence.Report(
              c.type(),
              c.value(),
              tip.tipId(),
              target.id,
              caseTip.receivedAt,
              tip.source(),
              TipRows.withTransfers(tip, c)));
      CaseIdentifier row = linkable.existing().get(c.key());
      if (row == null) {
        view.added(TipRows.addIdentifier(target, c, caseTip.receivedAt, identified ? 1 : 0, 1));
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

  /** The tip in the case's timeline; the totals, priority and time of change follow. */
  private void addToTimeline(
      TipReceivedV1 tip, boolean closed, FraudCase refersTo, FraudCase target, Instant now) {
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
  }
}
