package io.fraudtip.cases.routing;

import io.fraudtip.cases.config.RoutingConfig;
import io.fraudtip.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.jpa.HibernateHints;

/**
 * The routing rules, the police units and the allow-list, held in memory: every tip reads them, and
 * they change rarely. Whatever rows exist are loaded. Every change to their tables bumps {@code
 * reference_version} in its transaction (a trigger, whoever writes), so one primary-key read tells
 * whether the copy is current: {@link #fresh} asks every time (the tip path, where an entry
 * allow-listed a moment ago must be seen), {@link #recent} at most every {@link
 * RoutingConfig#refreshInterval}. A change made here is seen at once ({@link #changed}).
 *
 * <p>The rows are detached, read-only entities: callers read them, never change them.
 */
@ApplicationScoped
public class RoutingTables {
  private static final Object CHANGED = new Object();
  private static final Object OWN_COPY = new Object();

  private final EntityManager em;
  private final TransactionSynchronizationRegistry transactions;
  private final AfterCommit afterCommit;
  private final long intervalNanos;
  private volatile Tables tables;
  private volatile long checkedAt;

  RoutingTables(
      EntityManager em,
      TransactionSynchronizationRegistry transactions,
      AfterCommit afterCommit,
      RoutingConfig config) {
    this.em = em;
    this.transactions = transactions;
    this.afterCommit = afterCommit;
    this.intervalNanos = config.refreshInterval().toNanos();
  }

  /**
   * One version of the data.
   *
   * @param rules the active rules, in position order
   * @param units every unit, by code
   * @param allowListed allow-listed identifiers as {@code TYPE|value}
   */
  public record Tables(
      long version,
      List<RoutingRule> rules,
      Map<String, PoliceUnit> units,
      Set<String> allowListed) {
    /** The unit with this code, or empty. */
    public Optional<PoliceUnit> unit(String code) {
      return code == null ? Optional.empty() : Optional.ofNullable(units.get(code));
    }
  }

  /** The data as this transaction sees it (one primary-key read, a reload if it changed). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Tables fresh() {
    long started = System.nanoTime();
    long version = version();
    if (transactions.getResource(CHANGED) != null) {
      // Changed by this very transaction, not committed: its own copy, read after its changes
      // and never shared (nor detached: the transaction may be changing these very rows).
      Tables own = (Tables) transactions.getResource(OWN_COPY);
      if (own == null) {
        own = load(version, false);
        transactions.putResource(OWN_COPY, own);
      }
      return own;
    }
    Tables t = tables;
    if (t == null || t.version() != version) {
      t = load(version, true);
      tables = t;
    }
    checkedAt = started;
    return t;
  }

  /** The data, checked against the database at most every refresh interval. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Tables recent() {
    Tables t = tables;
    if (t != null
        && transactions.getResource(CHANGED) == null
        && System.nanoTime() - checkedAt < intervalNanos) {
      return t;
    }
    return fresh();
  }

  /**
   * Says that the caller's transaction changes rules, units or the allow-list (call before the
   * change): it reads them from the database, after its changes, and this instance drops its copy
   * once it commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed() {
    transactions.putResource(CHANGED, Boolean.TRUE);
    afterCommit.run(RoutingTables.class, () -> tables = null);
  }

  private long version() {
    return ((Number)
            em.createNativeQuery("SELECT version FROM reference_version WHERE id = 1")
                // No flush first: only a transaction that called changed() writes what moves the
                // version, and it reads its own copy; the tip path's batches flush once, later.
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult())
        .longValue();
  }

  @SuppressWarnings("unchecked")
  private Tables load(long version, boolean keep) {
    List<RoutingRule> rules =
        em.createQuery(
                "from RoutingRule where active = true order by position, id", RoutingRule.class)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultList();
    List<PoliceUnit> units =
        em.createQuery("from PoliceUnit", PoliceUnit.class)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultList();
    Map<String, PoliceUnit> byCode = new LinkedHashMap<>();
    for (PoliceUnit u : units) {
      byCode.put(u.code, u);
    }
    if (keep) {
      // Detached, so that they neither weigh on this transaction's flushes nor follow its session.
      rules.forEach(em::detach);
      units.forEach(em::detach);
    }
    List<String> allowed =
        em.createNativeQuery("SELECT type || '|' || value FROM allow_listed_identifier")
            .getResultList();
    return new Tables(version, List.copyOf(rules), Map.copyOf(byCode), Set.copyOf(allowed));
  }
}
