package io.fraudtip.cases.linking;

import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.Priority;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * A case's totals and priority, computed from its tips, identifiers and sources; for all the cases
 * a batch of tips touched in three statements after one flush.
 */
@ApplicationScoped
public class CaseTotals {
  private final EntityManager em;
  private final Evidence evidence;
  private final CaseConfig config;

  CaseTotals(EntityManager em, Evidence evidence, CaseConfig config) {
    this.em = em;
    this.evidence = evidence;
    this.config = config;
  }

  /**
   * Recomputes the cases' totals and priority.
   *
   * @return each case's tip ids in the order received (what its events carry), read on the way
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<UUID, List<UUID>> recompute(Collection<FraudCase> cases, Instant now) {
    if (cases.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = cases.stream().map(c -> c.id).toList();
    Session session = em.unwrap(Session.class);
    // One flush for the three reads, which need the transaction's tips, identifiers and evidence,
    // instead of an auto-flush (a walk of the whole session) before each.
    session.flush();
    FlushMode mode = session.getHibernateFlushMode();
    session.setHibernateFlushMode(FlushMode.COMMIT);
    Map<UUID, Tips> tips;
    Map<UUID, Object[]> flags;
    Map<UUID, Integer> sources;
    try {
      tips = tips(ids);
      flags = flags(ids);
      sources = evidence.sourcesOfCases(ids);
    } finally {
      session.setHibernateFlushMode(mode);
    }
    Map<UUID, List<UUID>> tipIds = new HashMap<>();
    for (FraudCase c : cases) {
      Tips t = tips.getOrDefault(c.id, new Tips());
      Object[] f = flags.get(c.id);
      c.victims = t.ids.size();
      c.provinces = t.provinces.size();
      c.totalLossVnd = t.lossVnd;
      c.latestTransferAt = t.latestTransferAt;
      c.foreignIdentifier = f != null && ((Number) f[1]).longValue() > 0;
      c.cryptoWallet = f != null && ((Number) f[2]).longValue() > 0;
      // Urgency and routing grow with independent sources, not with tips: one caller repeating a
      // tip is one (a tip without identifiers has no evidence row: a source of its own).
      c.independentSources = Math.min(c.victims, Math.max(1, sources.getOrDefault(c.id, 0)));
      c.priority =
          Priority.of(
              c.totalLossVnd,
              c.independentSources,
              c.latestTransferAt,
              now,
              config.largeLossVnd(),
              config.freezeWindow());
      tipIds.put(c.id, List.copyOf(t.ids));
    }
    return tipIds;
  }

  /** A case's tips as the totals count them. */
  private static final class Tips {
    final List<UUID> ids = new ArrayList<>();
    final Set<String> provinces = new HashSet<>();
    long lossVnd;
    Instant latestTransferAt;

    void add(UUID id, String province, long amount, Instant transferAt) {
      ids.add(id);
      provinces.add(province);
      lossVnd += amount;
      if (transferAt != null
          && (latestTransferAt == null || transferAt.isAfter(latestTransferAt))) {
        latestTransferAt = transferAt;
      }
    }
  }

  /**
   * The cases' tips, one row each rather than grouped: their events carry every tip id anyway, so
   * the totals come from the same rows.
   */
  private Map<UUID, Tips> tips(List<UUID> ids) {
    Map<UUID, Tips> byCase = new HashMap<>();
    rows(em.createNativeQuery(
                "SELECT case_id, tip_id, province_code, amount_lost_vnd, latest_transfer_at"
                    + " FROM case_tip WHERE case_id = ANY (CAST(:ids AS uuid[]))"
                    + " ORDER BY received_at")
            .setParameter("ids", PgArrays.of(ids))
            .unwrap(NativeQuery.class)
            .addScalar("case_id", UUID.class)
            .addScalar("tip_id", UUID.class)
            .addScalar("province_code", String.class)
            .addScalar("amount_lost_vnd", Long.class)
            .addScalar("latest_transfer_at", Instant.class))
        .forEach(
            r ->
                byCase
                    .computeIfAbsent((UUID) r[0], id -> new Tips())
                    .add((UUID) r[1], (String) r[2], ((Number) r[3]).longValue(), (Instant) r[4]));
    return byCase;
  }

  private Map<UUID, Object[]> flags(List<UUID> ids) {
    Map<UUID, Object[]> rows = new HashMap<>();
    rows(em.createNativeQuery(
                "SELECT case_id, sum(CASE WHEN foreign_number THEN 1 ELSE 0 END) AS foreign_numbers,"
                    + " sum(CASE WHEN type = :crypto THEN 1 ELSE 0 END) AS crypto_wallets"
                    + " FROM case_identifier WHERE case_id = ANY (CAST(:ids AS uuid[]))"
                    + " GROUP BY case_id")
            .setParameter("ids", PgArrays.of(ids))
            .setParameter("crypto", IdentifierType.CRYPTO_WALLET.name())
            .unwrap(NativeQuery.class)
            .addScalar("case_id", UUID.class)
            .addScalar("foreign_numbers", Long.class)
            .addScalar("crypto_wallets", Long.class))
        .forEach(r -> rows.put((UUID) r[0], r));
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(NativeQuery<?> query) {
    return (List<Object[]>) query.getResultList();
  }
}
