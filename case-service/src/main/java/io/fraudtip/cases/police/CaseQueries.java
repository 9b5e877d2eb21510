package io.fraudtip.cases.police;

import io.fraudtip.cases.api.CaseFilter;
import io.fraudtip.cases.api.CaseViews.AssignmentView;
import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.CaseViews.CasePage;
import io.fraudtip.cases.api.CaseViews.CaseSummary;
import io.fraudtip.cases.api.CaseViews.IdentifierView;
import io.fraudtip.cases.api.CaseViews.LegalClockItem;
import io.fraudtip.cases.api.CaseViews.TimelineView;
import io.fraudtip.cases.api.CaseViews.TipView;
import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineEntry;
import io.fraudtip.cases.freezes.FreezeViews;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.routing.Assignment;
import io.fraudtip.commons.tx.Snapshot;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read side of the police API. */
@ApplicationScoped
public class CaseQueries {
  private final UnitScope scope;
  private final CaseConfig config;
  private final CaseSearch search;
  private final EntityManager em;

  CaseQueries(UnitScope scope, CaseConfig config, CaseSearch search, EntityManager em) {
    this.scope = scope;
    this.config = config;
    this.search = search;
    this.em = em;
  }

  /**
   * The caller's and its sub-units' cases that match the filter, most urgent first, then oldest.
   *
   * @throws io.fraudtip.commons.problem.ProblemException 400 naming every bad filter parameter
   */
  @Transactional
  public CasePage list(CaseStatus status, Integer priority, CaseFilter filter, int page, int size) {
    var prefix = scope.pathPrefix();
    if (prefix.isEmpty()) {
      // Still a 400 for bad parameters, whoever asks.
      search.narrow(filter, new StringBuilder(), Parameters.with("prefix", ""));
      return new CasePage(List.of(), page, size, 0);
    }
    StringBuilder q =
        new StringBuilder(
            "mergedInto is null and unitCode in"
                + " (select u.code from PoliceUnit u where u.path like :prefix)");
    Parameters params = Parameters.with("prefix", prefix.get() + "%");
    if (status != null) {
      q.append(" and status = :status");
      params.and("status", status);
    }
    if (priority != null) {
      q.append(" and priority = :priority");
      params.and("priority", priority);
    }
    if (!search.narrow(filter, q, params)) {
      return new CasePage(List.of(), page, size, 0);
    }
    q.append(" order by priority, openedAt, id");
    PanacheQuery<FraudCase> query = FraudCase.find(q.toString(), params);
    // Past the rows an int offset reaches (Panache's), a page is empty: there are no such rows.
    List<CaseSummary> items =
        (long) page * size > Integer.MAX_VALUE - size
            ? List.of()
            : query.page(Page.of(page, size)).list().stream().map(CaseQueries::summary).toList();
    return new CasePage(items, page, size, query.count());
  }

  /** One case with everything in it, as it stood at one moment, or 404. */
  @Transactional
  public CaseDetail detail(UUID id) {
    Snapshot.begin(em);
    return detail(scope.visible(id));
  }

  /** The caller's open cases whose legal deadline is near or past. */
  @Transactional
  public List<LegalClockItem> legalClock(Instant now) {
    var prefix = scope.pathPrefix();
    if (prefix.isEmpty()) {
      return List.of();
    }
    List<FraudCase> cases =
        FraudCase.list(
            "mergedInto is null and closedAt is null and legalDueAt <= :limit and unitCode in"
                + " (select u.code from PoliceUnit u where u.path like :prefix)"
                + " order by legalDueAt",
            Parameters.with("limit", now.plus(config.legalWarning()))
                .and("prefix", prefix.get() + "%"));
    return cases.stream()
        .map(
            c ->
                new LegalClockItem(
                    c.id,
                    c.reference,
                    c.unitCode,
                    c.stage,
                    c.openedAt,
                    c.legalDueAt,
                    // Whole days left, rounded down: 30 minutes past the deadline is -1, overdue.
                    Math.floorDiv(Duration.between(now, c.legalDueAt).toSeconds(), 86_400L),
                    c.legalDueAt.isBefore(now),
                    c.complexAt != null,
                    c.legalExtendedAt != null))
        .toList();
  }

  static CaseSummary summary(FraudCase c) {
    return new CaseSummary(
        c.id,
        c.reference,
        c.status,
        c.stage,
        c.priority,
        c.scamType,
        c.unitCode,
        c.ruleId,
        c.victims,
        c.provinces,
        c.totalLossVnd,
        c.latestTransferAt,
        c.openedAt,
        c.ackDueAt,
        c.legalDueAt);
  }

  /** A case the caller may see (checked already), with everything in it. */
  public static CaseDetail detail(FraudCase c) {
    // A merged case shows what it had when it was absorbed: nothing is left in it.
    List<TipView> tips =
        c.stage == CaseStage.MERGED
            ? List.of()
            : CaseTip.ofCase(c.id).stream()
                .map(
                    t ->
                        new TipView(
                            t.tipId,
                            t.receivedAt,
                            t.provinceCode,
                            t.communeCode,
                            t.scamType,
                            t.trust,
                            t.amountLostVnd,
                            read(t.payload)))
                .toList();
    List<IdentifierView> identifiers =
        CaseIdentifier.ofCase(c.id).stream()
            .map(
                i ->
                    new IdentifierView(
                        i.type,
                        i.value,
                        i.bankBin,
                        i.foreignNumber,
                        i.layer,
                        i.reportCount,
                        i.firstReportedAt,
                        i.delistedAt,
                        i.retiredAt,
                        i.reviewRequestedAt,
                        i.enteredBy))
            .toList();
    List<AssignmentView> assignments =
        Assignment.ofCase(c.id).stream()
            .map(
                a ->
                    new AssignmentView(
                        a.unitCode, a.ruleId, a.reason.name(), a.actor, a.assignedAt))
            .toList();
    List<TimelineView> timeline =
        TimelineEntry.ofCase(c.id).stream()
            .map(e -> new TimelineView(e.at, e.kind, e.actor, e.unitCode, e.ruleId, e.detail))
            .toList();
    return new CaseDetail(
        c.id,
        c.reference,
        c.status,
        c.stage,
        c.closure,
        c.unitCode,
        c.ruleId,
        c.priority,
        c.scamType,
        c.provinceCode,
        c.communeCode,
        c.victims,
        c.independentSources,
        c.provinces,
        c.totalLossVnd,
        c.latestTransferAt,
        c.frozenVnd,
        c.restoredVnd,
        c.openedAt,
        c.updatedAt,
        c.assignedAt,
        c.acknowledgedAt,
        c.ackDueAt,
        c.legalDueAt,
        c.closedAt,
        c.complexAt,
        c.legalExtendedAt,
        c.mergedInto,
        c.refersToCaseId,
        c.refersToCaseId == null
            ? null
            : FraudCase.<FraudCase>findByIdOptional(c.refersToCaseId)
                .map(r -> r.reference)
                .orElse(null),
        c.version,
        tips,
        identifiers,
        assignments,
        timeline,
        FreezeViews.ofCase(c.id));
  }

  private static TipReceivedV1 read(String payload) {
    try {
      return Json.events().readValue(payload, TipReceivedV1.class);
    } catch (IOException e) {
      return null;
    }
  }
}
