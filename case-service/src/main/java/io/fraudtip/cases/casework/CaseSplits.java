package io.fraudtip.cases.casework;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.CaseWorkRequests.NewCase;
import io.fraudtip.cases.api.CaseWorkRequests.Split;
import io.fraudtip.cases.api.CaseWorkRequests.SplitCase;
import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.LegalClock;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.disputes.Dispute;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.CaseMerger;
import io.fraudtip.cases.linking.CaseTotals;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.linking.TipRows;
import io.fraudtip.cases.police.CaseChanges;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.cases.trust.IdentifierEvidence;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.TipReceivedV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A unit splits tips out of its case into a new case, routed by the rules like a new case.
 *
 * <p>What moves: the named tips (each in the case; some of its tips, never all), their evidence
 * rows (so that sources are counted where the tips are), and the identifiers <em>only</em> they
 * name. An identifier that tips on both sides name stays with the original case: an identifier is
 * held by one case only (it is what links tips), and the original keeps the older claim.
 * Identifiers no tip names (accounts traced by banks' answers, identifiers a unit entered) stay
 * too, with bank answers, freeze requests and holds, evidence files and the contact-read log: they
 * were recorded in the original case. Disputes of a moved identifier move with it, to be decided by
 * the unit that holds it. The new case takes its place, scam type and legal deadline from its
 * earliest tip, as a case a tip opens; it is not complex whatever the original was.
 *
 * <p>Events: the new case's SPLIT (in place of OPENED, with its routing), so that intake shows each
 * moved tip its new case and notification-service moves the tips' alerts to it; then the original's
 * STATUS_CHANGED with the tips it keeps.
 */
@ApplicationScoped
public class CaseSplits {
  private final CaseChanges changes;
  private final CaseWork work;
  private final CaseMerger merger;
  private final CaseTotals totals;
  private final Routing routing;
  private final CaseEvents events;
  private final LegalClock legalClock;
  private final CaseConfig config;

  CaseSplits(
      CaseChanges changes,
      CaseWork work,
      CaseMerger merger,
      CaseTotals totals,
      Routing routing,
      CaseEvents events,
      LegalClock legalClock,
      CaseConfig config) {
    this.changes = changes;
    this.work = work;
    this.merger = merger;
    this.totals = totals;
    this.routing = routing;
    this.events = events;
    this.legalClock = legalClock;
    this.config = config;
  }

  /** Splits the named tips of case {@code id} out into a new case. */
  @Transactional
  public Split split(UUID id, String ifMatch, SplitCase request, Locale locale) {
    FraudCase[] created = new FraudCase[1];
    CaseDetail original =
        changes.apply(id, ifMatch, (c, now) -> created[0] = split(c, request, locale, now));
    FraudCase n = created[0];
    return new Split(
        original,
        new NewCase(
            n.id,
            n.reference,
            n.stage,
            n.unitCode,
            n.ruleId,
            CaseTip.idsOfCase(n.id),
            CaseIdentifier.ofCase(n.id).stream().map(i -> i.type + " " + i.value).toList()));
  }

  private FraudCase split(FraudCase c, SplitCase request, Locale locale, Instant now) {
    CaseWork.requireOpen(c);
    work.lockIdentifiersOf(List.of(c.id));
    work.claim(c);
    merger.lock(List.of(c.id));
    List<CaseTip> tips = CaseTip.ofCase(c.id);
    List<CaseTip> moving = moving(tips, request.tipIds(), locale);
    if (moving.size() == tips.size()) {
      throw ProblemException.conflict(
          "split-all-tips",
          "A split leaves at least one tip in the case: name some of its "
              + tips.size()
              + " tips, not all");
    }
    String unit = work.unit(c);
    Set<UUID> movingIds = new HashSet<>(moving.stream().map(t -> t.tipId).toList());
    Set<String> leaving = new HashSet<>();
    Set<String> staying = new HashSet<>();
    for (CaseTip t : tips) {
      (movingIds.contains(t.tipId) ? leaving : staying).addAll(keys(t));
    }

    FraudCase n = TipRows.open(read(moving.get(0)), now, config.legalDeadline());
    moving.forEach(t -> t.caseId = n.id);
    List<Long> moved = new ArrayList<>();
    for (CaseIdentifier i : CaseIdentifier.ofCase(c.id)) {
      String key = Candidate.key(i.type, i.value);
      if (leaving.contains(key) && !staying.contains(key)) {
        i.caseId = n.id;
        moved.add(i.id);
      }
    }
    if (!moved.isEmpty()) {
      // A dispute of a moved identifier is decided by the unit of the case that holds it.
      Dispute.<Dispute>list("caseId = ?1 and identifierId in ?2", c.id, moved)
          .forEach(d -> d.caseId = n.id);
    }
    // Row by row, not a bulk update: flushed after the new case's insert, which they refer to.
    IdentifierEvidence.<IdentifierEvidence>list(
            "caseId = ?1 and tipId in ?2", c.id, List.copyOf(movingIds))
        .forEach(e -> e.caseId = n.id);
    // The original's first report may have left with the tips.
    c.legalDueAt = legalClock.due(c);

    String reason = request.reason();
    events.record(
        c,
        TimelineKind.SPLIT,
        work.actor(),
        null,
        moving.size() + " tip(s) split by hand into " + n.reference + " by " + unit + ": " + reason,
        now);
    events.record(
        n,
        TimelineKind.SPLIT,
        work.actor(),
        null,
        "Split by hand from "
            + c.reference
            + " by "
            + unit
            + ": "
            + reason
            + " ("
            + tipList(moving)
            + ")",
        now);
    totals.recompute(List.of(c, n), now);
    String rule = routing.routeNew(n, now).orElse(null);
    events.publish(
        n,
        CaseEventKind.SPLIT,
        new CaseEvents.Extra(
            rule, List.of(), List.of(), null, "Split by hand from " + c.reference));
    events.publish(
        c,
        CaseEventKind.STATUS_CHANGED,
        CaseEvents.Extra.note(moving.size() + " tip(s) split by hand into " + n.reference));
    return n;
  }

  /** The named tips, each once, earliest first; 400 naming each one the case does not hold. */
  private static List<CaseTip> moving(List<CaseTip> tips, List<UUID> named, Locale locale) {
    Violations v = new Violations(locale);
    Set<UUID> wanted = new LinkedHashSet<>();
    for (int i = 0; i < named.size(); i++) {
      UUID tipId = named.get(i);
      if (tips.stream().noneMatch(t -> t.tipId.equals(tipId))) {
        v.add("tipIds[" + i + "]", "tip.notInCase", Map.of("tipId", tipId));
      }
      wanted.add(tipId);
    }
    v.throwIfAny();
    List<CaseTip> moving = new ArrayList<>();
    tips.stream().filter(t -> wanted.contains(t.tipId)).forEach(moving::add);
    moving.sort(Comparator.comparing((CaseTip t) -> t.receivedAt).thenComparing(t -> t.tipId));
    return moving;
  }

  /** The identifiers a tip names, as the keys its linking used. */
  private static Set<String> keys(CaseTip t) {
    Set<String> keys = new HashSet<>();
    Identifiers.of(read(t)).forEach(k -> keys.add(k.key()));
    return keys;
  }

  private static TipReceivedV1 read(CaseTip t) {
    try {
      return Json.events().readValue(t.payload, TipReceivedV1.class);
    } catch (IOException e) {
      throw new IllegalStateException("tip " + t.tipId + " is stored unreadable", e);
    }
  }

  private static String tipList(List<CaseTip> tips) {
    return tips.size()
        + " tip(s): "
        + String.join(", ", tips.stream().map(t -> t.tipId.toString()).toList());
  }
}
