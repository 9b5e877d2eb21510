package io.fraudtip.cases.service;

import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.domain.AlertDelivery;
import io.fraudtip.cases.domain.BankResponse;
import io.fraudtip.cases.domain.CaseIdentifier;
import io.fraudtip.cases.domain.CaseStage;
import io.fraudtip.cases.domain.CaseTip;
import io.fraudtip.cases.domain.Dispute;
import io.fraudtip.cases.domain.FraudCase;
import io.fraudtip.cases.domain.PoliceUnit;
import io.fraudtip.cases.domain.Priority;
import io.fraudtip.cases.service.Identifiers.Candidate;
import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns tips into cases: a tip joins the case that holds any of its identifiers, cases its
 * identifiers span merge, totals and priority follow, and the case is routed.
 */
@ApplicationScoped
public class CaseService {
  static final String TIPS_CONSUMER = "case-service.tips";

  private final ProcessedEvents processed;
  private final Identifiers identifiers;
  private final Routing routing;
  private final CaseEvents events;
  private final CaseConfig config;
  private final EntityManager em;
  private final AlertDeliveries deliveries;
  private final LegalClock legalClock;

  CaseService(
      ProcessedEvents processed,
      Identifiers identifiers,
      Routing routing,
      CaseEvents events,
      CaseConfig config,
      EntityManager em,
      AlertDeliveries deliveries,
      LegalClock legalClock) {
    this.deliveries = deliveries;
    this.legalClock = legalClock;
    this.processed = processed;
    this.identifiers = identifiers;
    this.routing = routing;
    this.events = events;
    this.config = config;
    this.em = em;
  }

  /** Takes a tip into a case, once per event id and once per tip. */
  @Transactional
  public void onTip(UUID eventId, TipReceivedV1 tip) {
    if (tip == null || tip.tipId() == null || tip.provinceCode() == null) {
      throw new IllegalArgumentException("tip without id or province");
    }
    if (!processed.firstTime(eventId, TIPS_CONSUMER)) {
      return;
    }
    identifiers.lockTip(tip.tipId());
    if (CaseTip.findById(tip.tipId()) != null) {
      return;
    }
    Instant now = now();
    // Locked before the allow-list is read, so that an identifier allow-listed meanwhile is seen.
    List<Candidate> named = Identifiers.of(tip);
    identifiers.lock(named);
    List<Candidate> linking = identifiers.withoutAllowListed(named);
    Map<String, CaseIdentifier> existing = identifiers.existing(linking);

    List<FraudCase> cases =
        lockCases(
            existing.values().stream()
                .filter(i -> i.delistedAt == null)
                .map(i -> i.caseId)
                .toList());
    boolean opened = cases.isEmpty();
    FraudCase target;
    List<UUID> merged = List.of();
    if (opened) {
      target = open(tip, now);
    } else {
      target = survivor(cases);
      merged = merge(target, cases, now);
    }
    boolean wasClosed = target.stage == CaseStage.CLOSED;

    CaseTip caseTip = new CaseTip();
    caseTip.tipId = tip.tipId();
    caseTip.caseId = target.id;
    caseTip.receivedAt = tip.receivedAt() == null ? now : tip.receivedAt();
    caseTip.provinceCode = tip.provinceCode();
    caseTip.communeCode = tip.communeCode();
    caseTip.scamType =
        tip.scamType() == null ? io.fraudtip.contracts.tips.ScamType.OTHER : tip.scamType();
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
    deliveries.attachPending(tip.tipId(), target);

    boolean identified =
        caseTip.trust == TrustLevel.IDENTIFIED
            || caseTip.trust == TrustLevel.IDENTIFIED_WITH_TRANSFERS;
    for (Candidate c : linking) {
      CaseIdentifier row = existing.get(c.key());
      if (row == null) {
        addIdentifier(target, c, caseTip.receivedAt, identified ? 1 : 0, 1);
      } else if (row.delistedAt == null) {
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

    target.updatedAt = now;
    events.record(
        target,
        "TIP_ADDED",
        Routing.SYSTEM,
        null,
        "Tip " + tip.tipId() + " from province " + tip.provinceCode(),
        now);
    if (wasClosed) {
      // A new victim reopens a closed case with the unit that closed it.
      target.closure = null;
      target.closedAt = null;
    }
    recompute(target, now);

    if (opened) {
      events.record(target, "OPENED", Routing.SYSTEM, null, null, now);
      events.publish(target, CaseEventKind.OPENED, CaseEvents.Extra.NONE);
      routing.routeNew(target, now);
      return;
    }
    boolean published = false;
    if (!merged.isEmpty()) {
      events.publish(
          target,
          CaseEventKind.MERGED,
          new CaseEvents.Extra(
              null, merged, List.of(), null, "Cases merged by a shared identifier"));
      published = true;
    }
    if (wasClosed) {
      PoliceUnit unit = PoliceUnit.findById(target.unitCode);
      routing.assign(
          target,
          unit,
          target.ruleId,
          io.fraudtip.cases.domain.Assignment.Reason.ROUTED,
          Routing.SYSTEM,
          now);
      events.publish(
          target, CaseEventKind.STATUS_CHANGED, CaseEvents.Extra.note("Reopened by a new tip"));
      published = true;
    }
    published |= routing.rerouteUpwards(target, now);
    if (!published) {
      // The new tip must learn its case's status: every event carries all tip ids.
      events.publish(target, CaseEventKind.STATUS_CHANGED, CaseEvents.Extra.note("Tip added"));
    }
  }

  /**
   * Adds identifiers traced to a case (money moved on), merging the cases they already belong to.
   *
   * @return the case that holds them all afterwards
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public FraudCase attach(FraudCase into, List<Candidate> candidates, Instant reportedAt) {
    Instant now = now();
    identifiers.lock(candidates);
    List<Candidate> linking = identifiers.withoutAllowListed(candidates);
    Map<String, CaseIdentifier> existing = identifiers.existing(linking);
    Set<UUID> ids = new LinkedHashSet<>();
    ids.add(into.id);
    existing.values().stream().filter(i -> i.delistedAt == null).forEach(i -> ids.add(i.caseId));
    FraudCase target = into;
    if (ids.size() > 1) {
      List<FraudCase> cases = lockCases(ids);
      target = survivor(cases);
      List<UUID> merged = merge(target, cases, now);
      recompute(target, now);
      events.publish(
          target,
          CaseEventKind.MERGED,
          new CaseEvents.Extra(null, merged, List.of(), null, "Cases merged by a money trail"));
      routing.rerouteUpwards(target, now);
    }
    for (Candidate c : linking) {
      if (!existing.containsKey(c.key())) {
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
    c.priority =
        Priority.of(
            c.totalLossVnd,
            c.victims,
            c.latestTransferAt,
            now,
            config.largeLossVnd(),
            config.freezeWindow());
  }

  /** The case a case was merged into, followed to the end. */
  public static FraudCase current(FraudCase c) {
    FraudCase at = c;
    int hops = 0;
    while (at != null && at.mergedInto != null && hops++ < 100) {
      at = FraudCase.findById(at.mergedInto);
    }
    return at;
  }

  private FraudCase open(TipReceivedV1 tip, Instant now) {
    FraudCase c = new FraudCase();
    c.id = UUID.randomUUID();
    c.reference = "VN-" + c.id.toString().substring(0, 8).toUpperCase();
    c.stage = CaseStage.RECEIVED;
    c.status = c.stage.status();
    c.scamType =
        tip.scamType() == null ? io.fraudtip.contracts.tips.ScamType.OTHER : tip.scamType();
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

  /** Locks the cases (in id order, so two linkers never wait on each other in a cycle). */
  private List<FraudCase> lockCases(Collection<UUID> ids) {
    List<FraudCase> cases = new ArrayList<>();
    ids.stream()
        .distinct()
        .sorted()
        .forEach(
            id -> {
              FraudCase c = FraudCase.findById(id, LockModeType.PESSIMISTIC_WRITE);
              FraudCase live = current(c);
              if (live != null && cases.stream().noneMatch(k -> k.id.equals(live.id))) {
                cases.add(live);
              }
            });
    return cases;
  }

  /**
   * The case that absorbs the others: the one held by the highest unit (so that a merge never moves
   * tips down), then the oldest.
   */
  private static FraudCase survivor(List<FraudCase> cases) {
    return cases.stream()
        .min(
            Comparator.comparing((FraudCase c) -> !c.stage.isOpen())
                .thenComparingInt(CaseService::unitRank)
                .thenComparing(c -> c.openedAt)
                .thenComparing(c -> c.id))
        .orElseThrow();
  }

  private static int unitRank(FraudCase c) {
    if (c.unitCode == null) {
      return Integer.MAX_VALUE;
    }
    PoliceUnit u = PoliceUnit.findById(c.unitCode);
    return u == null ? Integer.MAX_VALUE : u.level.rank();
  }

  /** Moves the tips, identifiers, bank answers and disputes of the others into the survivor. */
  private List<UUID> merge(FraudCase target, List<FraudCase> cases, Instant now) {
    List<UUID> merged = new ArrayList<>();
    List<FraudCase> absorbed = new ArrayList<>();
    for (FraudCase other : cases) {
      if (other.id.equals(target.id)) {
        continue;
      }
      CaseTip.<CaseTip>list("caseId", other.id).forEach(t -> t.caseId = target.id);
      CaseIdentifier.<CaseIdentifier>list("caseId", other.id).forEach(i -> i.caseId = target.id);
      BankResponse.<BankResponse>list("caseId", other.id).forEach(b -> b.caseId = target.id);
      AlertDelivery.<AlertDelivery>list("caseId", other.id).forEach(d -> d.caseId = target.id);
      Dispute.<Dispute>list("caseId", other.id).forEach(d -> d.caseId = target.id);
      target.frozenVnd += other.frozenVnd;
      target.restoredVnd += other.restoredVnd;
      if (other.legalDueAt.isBefore(target.legalDueAt)) {
        target.legalDueAt = other.legalDueAt;
      }
      other.moveTo(CaseStage.MERGED);
      other.mergedInto = target.id;
      other.ackDueAt = null;
      other.updatedAt = now;
      events.record(other, "MERGED", Routing.SYSTEM, null, "Merged into " + target.reference, now);
      events.record(target, "MERGED", Routing.SYSTEM, null, "Absorbed " + other.reference, now);
      merged.add(other.id);
      absorbed.add(other);
    }
    if (!absorbed.isEmpty()) {
      legalClock.afterMerge(target, absorbed);
    }
    target.updatedAt = now;
    return merged;
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
