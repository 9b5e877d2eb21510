package io.fraudtip.cases.freezes;

import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Holds past their expiry end as EXPIRED, each once, in the timeline and as HOLD_EXPIRED to the
 * holding bank ({@code hold.expired}). Safe with several instances: one statement takes the due
 * holds with {@code FOR UPDATE SKIP LOCKED} and marks them, so two runs never take the same hold.
 */
@ApplicationScoped
public class HoldExpiry {
  private static final Logger LOG = Logger.getLogger(HoldExpiry.class);
  static final int BATCH = 100;

  private final EntityManager em;
  private final HoldChanges changes;
  private final Clock clock;

  HoldExpiry(EntityManager em, HoldChanges changes, Clock clock) {
    this.em = em;
    this.changes = changes;
    this.clock = clock;
  }

  @Scheduled(
      every = "${fraudtip.freezes.expiry-check-interval:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    try {
      int expired;
      do {
        expired = expireDue(clock.now());
      } while (expired == BATCH);
    } catch (RuntimeException e) {
      LOG.warnf("Hold expiries not checked: %s", e.getMessage());
    }
  }

  /**
   * Expires one batch of running holds whose expiry has passed.
   *
   * @return how many it expired
   */
  @Transactional
  public int expireDue(Instant now) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "UPDATE account_freeze SET state = 'EXPIRED', ended_at = ?1, ended_by = ?2"
                    + " WHERE id IN (SELECT id FROM account_freeze"
                    + " WHERE state = 'HELD' AND hold_expires_at <= ?1"
                    + " ORDER BY hold_expires_at LIMIT ?3 FOR UPDATE SKIP LOCKED)"
                    + " RETURNING id")
            .setParameter(1, now)
            .setParameter(2, CaseEvents.SYSTEM)
            .setParameter(3, BATCH)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    Map<UUID, List<AccountFreeze>> byCase = new LinkedHashMap<>();
    for (AccountFreeze h :
        AccountFreeze.<AccountFreeze>list(
            "id in ?1 order by holdExpiresAt",
            ids.stream()
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
                .toList())) {
      byCase.computeIfAbsent(h.caseId, c -> new java.util.ArrayList<>()).add(h);
    }
    byCase.forEach(
        (caseId, holds) ->
            changes.announce(
                FraudCase.findById(caseId),
                HoldChanges.Change.EXPIRED,
                CaseEvents.SYSTEM,
                holds,
                null,
                " expired (its expiry passed without an extension)",
                "Hold expired",
                now));
    return ids.size();
  }
}
