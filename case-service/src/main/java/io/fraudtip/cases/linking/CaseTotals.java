package io.fraudtip.cases.linking;

import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.Priority;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case's totals and priority, computed from its tips, identifiers and sources; for all the cases
 * a batch of tips touched in three statements.
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

  /** Recomputes the cases' totals and priority. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recompute(Collection<FraudCase> cases, Instant now) {
    if (cases.isEmpty()) {
      return;
    }
    List<UUID> ids = cases.stream().map(c -> c.id).toList();
    Map<UUID, Object[]> tips =
        byCase(
            "select t.caseId, count(t), count(distinct t.provinceCode),"
                + " coalesce(sum(t.amountLostVnd), 0), max(t.latestTransferAt)"
                + " from CaseTip t where t.caseId in :ids group by t.caseId",
            ids);
    Map<UUID, Object[]> flags =
        byCase(
            "select i.caseId, sum(case when i.foreignNumber = true then 1 else 0 end),"
                + " sum(case when i.type = :crypto then 1 else 0 end)"
                + " from CaseIdentifier i where i.caseId in :ids group by i.caseId",
            ids);
    Map<UUID, Integer> sources = evidence.sourcesOfCases(ids);
    for (FraudCase c : cases) {
      Object[] t = tips.get(c.id);
      Object[] f = flags.get(c.id);
      c.victims = t == null ? 0 : ((Number) t[1]).intValue();
      c.provinces = t == null ? 0 : ((Number) t[2]).intValue();
      c.totalLossVnd = t == null ? 0 : ((Number) t[3]).longValue();
      c.latestTransferAt = t == null ? null : (Instant) t[4];
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
    }
  }

  private Map<UUID, Object[]> byCase(String query, List<UUID> ids) {
    var q = em.createQuery(query, Object[].class).setParameter("ids", ids);
    if (query.contains(":crypto")) {
      q.setParameter("crypto", IdentifierType.CRYPTO_WALLET);
    }
    Map<UUID, Object[]> rows = new HashMap<>();
    for (Object[] row : q.getResultList()) {
      rows.put((UUID) row[0], row);
    }
    return rows;
  }
}
