package io.fraudtip.cases.trust;

import io.fraudtip.cases.config.TrustConfig;
import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.TipSourceV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * What features tell the trust model: each call records one piece of evidence on an identifier, in
 * the caller's transaction. The watchlist, the priority and the review of disputed identifiers read
 * it back through {@link TrustModel}.
 */
@ApplicationScoped
public class Evidence {
  /** {@link #reports}' rows, ids from the column's default (each a block of its own). */
  private static final String INSERT_REPORTS =
      "INSERT INTO identifier_evidence (type, value, kind, at, case_id, tip_id, reporter_key,"
          + " client_key, address_key, verified, with_transfers)"
          + " SELECT r.type, r.value, '"
          + EvidenceKind.REPORT.name()
          + "', r.at, r.case_id, r.tip_id, r.reporter_key, r.client_key, r.address_key,"
          + " r.verified, r.with_transfers"
          + " FROM unnest(?, ?, CAST(? AS timestamptz[]), ?, ?, ?, ?, ?, ?, ?)"
          + " AS r(type, value, at, case_id, tip_id, reporter_key, client_key, address_key,"
          + " verified, with_transfers)";

  private final TrustConfig config;
  private final Event<EvidenceAdded> added;
  private final EntityManager em;

  Evidence(TrustConfig config, Event<EvidenceAdded> added, EntityManager em) {
    this.config = config;
    this.added = added;
    this.em = em;
  }

  /**
   * A tip named the identifier (or a unit entered it: no tip).
   *
   * @param source the tip's source keys; null for an old event (a source of its own)
   * @param withTransfers whether the tip gave transfer details to this identifier
   */
  public record Report(
      IdentifierType type,
      String value,
      UUID tipId,
      UUID caseId,
      Instant at,
      TipSourceV1 source,
      boolean withTransfers) {}

  /**
   * Records reports in one statement, where each would take Hibernate's persist and its share of
   * the flush (a batch of tips makes two or three a tip); one {@link EvidenceAdded} an identifier.
   * The rows skip the persistence context: a query in the same transaction sees them, {@code find}
   * does not.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reports(List<Report> reports) {
    if (reports.isEmpty()) {
      return;
    }
    Set<EvidenceAdded> identifiers = new LinkedHashSet<>();
    reports.forEach(r -> identifiers.add(new EvidenceAdded(r.type(), r.value())));
    identifiers.forEach(added::fire);
    em.unwrap(Session.class)
        .doWork(
            c ->
                ArrayRows.execute(
                    c,
                    INSERT_REPORTS,
                    reports,
                    ArrayRows.column("text", (Report r) -> r.type().name()),
                    ArrayRows.column("text", Report::value),
                    ArrayRows.instant(Report::at),
                    ArrayRows.column("uuid", Report::caseId),
                    ArrayRows.column("uuid", Report::tipId),
                    ArrayRows.column("text", (Report r) -> source(r, TipSourceV1::reporter)),
                    ArrayRows.column("text", (Report r) -> source(r, TipSourceV1::client)),
                    ArrayRows.column("text", (Report r) -> source(r, TipSourceV1::address)),
                    ArrayRows.column(
                        "bool", (Report r) -> r.source() != null && r.source().verified()),
                    ArrayRows.column("bool", Report::withTransfers)));
  }

  private static String source(Report r, Function<TipSourceV1, String> key) {
    return r.source() == null ? null : key.apply(r.source());
  }

  /** A police unit confirmed it (a freeze request naming it, or its case closed CONFIRMED). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void policeConfirmed(
      IdentifierType type, String value, String unitCode, UUID caseId, Instant at) {
    IdentifierEvidence e = row(type, value, EvidenceKind.POLICE_CONFIRMED, caseId, at);
    e.actor = unitCode;
    e.persist();
  }

  /** The holding bank confirmed the account (FROZEN, PARTLY_FROZEN or MOVED_ON). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void bankConfirmed(
      String account, String bankBin, String outcome, UUID caseId, Instant at) {
    IdentifierEvidence e =
        row(IdentifierType.BANK_ACCOUNT, account, EvidenceKind.BANK_CONFIRMED, caseId, at);
    e.actor = bankBin;
    e.note = outcome;
    e.persist();
  }

  /**
   * The bank answered that it holds no such account: the confirmations it gave on the account
   * before stop counting (a later confirmation counts again).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void bankRetracted(String account, String bankBin, UUID caseId, Instant at) {
    IdentifierEvidence e =
        row(IdentifierType.BANK_ACCOUNT, account, EvidenceKind.BANK_RETRACTED, caseId, at);
    e.actor = bankBin;
    e.persist();
  }

  /** A bank's answer traced the money on to this account. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void traced(String account, String tracingBankBin, int layer, UUID caseId, Instant at) {
    IdentifierEvidence e =
        row(IdentifierType.BANK_ACCOUNT, account, EvidenceKind.TRACED, caseId, at);
    e.actor = tracingBankBin;
    e.layer = layer;
    e.persist();
  }

  /**
   * Police rejected it; the reports before count as rejected from now on.
   *
   * @param why {@link Fact#UNFOUNDED} or {@link Fact#DISPUTE_UPHELD}
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void rejected(
      IdentifierType type, String value, String unitCode, String why, UUID caseId, Instant at) {
    IdentifierEvidence e = row(type, value, EvidenceKind.REJECTED, caseId, at);
    e.actor = unitCode;
    e.note = why;
    e.persist();
  }

  /** A review was asked of the deciding unit ({@code REVIEW_REQUESTED}) or ended by dismissal. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void review(
      IdentifierType type,
      String value,
      EvidenceKind kind,
      String unitCode,
      UUID caseId,
      Instant at) {
    IdentifierEvidence e = row(type, value, kind, caseId, at);
    e.actor = unitCode;
    e.persist();
  }

  /** The identifier's evidence within the longest window. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Fact> of(IdentifierType type, String value, Instant now) {
    return IdentifierEvidence.<IdentifierEvidence>list(
            "type = ?1 and value = ?2 and at > ?3 order by at, id",
            type,
            value,
            now.minus(config.maxAge()))
        .stream()
        .map(e -> e.fact(null))
        .toList();
  }

  /**
   * Independent sources among the reports of a case's tips (by source). Sources are reporters: a
   * unit's entry of an identifier (a report without a tip, {@code police:<unit>}) is evidence on
   * the identifier, not a victim of the case.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int sourcesOfCase(UUID caseId) {
    return sourcesOfCases(List.of(caseId)).get(caseId);
  }

  /** {@link #sourcesOfCase} of several cases, read in one query (a batch of tips). */
  @Transactional(Transactional.TxType.MANDATORY)
  public java.util.Map<UUID, Integer> sourcesOfCases(java.util.Collection<UUID> caseIds) {
    java.util.Map<UUID, List<IdentifierEvidence>> byCase = new java.util.HashMap<>();
    if (caseIds.isEmpty()) {
      return java.util.Map.of();
    }
    @SuppressWarnings("unchecked")
    List<IdentifierEvidence> rows =
        IdentifierEvidence.getEntityManager()
            .createNativeQuery(
                "SELECT * FROM identifier_evidence WHERE case_id = ANY (CAST(:cases AS uuid[]))"
                    + " AND kind = :kind AND tip_id IS NOT NULL ORDER BY at, id",
                IdentifierEvidence.class)
            .setParameter("cases", PgArrays.of(caseIds))
            .setParameter("kind", EvidenceKind.REPORT.name())
            .getResultList();
    rows.forEach(e -> byCase.computeIfAbsent(e.caseId, k -> new java.util.ArrayList<>()).add(e));
    java.util.Map<UUID, Integer> sources = new java.util.HashMap<>();
    for (UUID id : caseIds) {
      // One fact per tip: a tip's identifiers all carry its source.
      List<Fact> reports =
          byCase.getOrDefault(id, List.of()).stream()
              .filter(distinctTip())
              .map(e -> e.fact(null))
              .toList();
      sources.put(id, Sources.group(reports, config.sameSourceWindow()).size());
    }
    return sources;
  }

  private static java.util.function.Predicate<IdentifierEvidence> distinctTip() {
    java.util.Set<UUID> seen = new java.util.HashSet<>();
    return e -> seen.add(e.tipId);
  }

  private IdentifierEvidence row(
      IdentifierType type, String value, EvidenceKind kind, UUID caseId, Instant at) {
    added.fire(new EvidenceAdded(type, value));
    IdentifierEvidence e = new IdentifierEvidence();
    e.type = type;
    e.value = value;
    e.kind = kind;
    e.caseId = caseId;
    e.at = at;
    return e;
  }
}
