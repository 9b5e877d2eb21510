package io.fraudtip.notification.service;

import io.fraudtip.commons.sql.PgArrays;
import jakarta.persistence.EntityManager;
import java.util.Collection;

/**
 * Per-bank advisory locks that order raising an alert against an endpoint becoming active. A
 * transaction raising alerts holds its banks' locks shared from before it reads their active
 * endpoints until it commits; an endpoint's activation takes its bank's lock exclusively before it
 * looks for the alerts no endpoint took ({@link AlertBacklog}). So an alert is either raised after
 * the activation committed (and sees the endpoint) or committed before the activation looks (and is
 * in its backlog): never neither. Raisers do not wait for each other.
 *
 * <p>Raisers take the shared locks on the way of the statement that counts their accounts' alerts
 * ({@link AccountCounters}), the one before they read the endpoints: a statement of their own cost
 * a round trip per raising transaction. Not on the way of the endpoints' read itself: a statement
 * reads what was committed when it started, before it waited for the lock, so it could miss an
 * endpoint activated while it waited.
 */
final class BankLocks {
  /** Namespace of the two-key advisory locks. */
  private static final int NAMESPACE = 16;

  private BankLocks() {}

  /** Holds the banks' locks shared until the transaction ends. */
  static void shared(EntityManager em, Collection<String> bankBins) {
    if (bankBins.isEmpty()) {
      return;
    }
    em.createNativeQuery("SELECT " + sharedCount("CAST(:bins AS text[])"))
        .setParameter("bins", PgArrays.of(bankBins))
        .getSingleResult();
  }

  /**
   * A condition, always true, that holds the banks' locks shared until the transaction ends: for
   * the WHERE clause of a statement that takes them on its way. Uncorrelated, it is evaluated once,
   * before the statement's first row.
   *
   * @param bankBins an SQL expression of type text[] (repeats allowed)
   */
  static String sharedOnTheWay(String bankBins) {
    return sharedCount(bankBins) + " >= 0";
  }

  /** A scalar subquery taking the locks in one order, so that two lockers never deadlock. */
  private static String sharedCount(String bankBins) {
    return "(SELECT count(pg_advisory_xact_lock_shared("
        + NAMESPACE
        + ", k)) FROM (SELECT DISTINCT hashtext(lock_bin) AS k FROM unnest("
        + bankBins
        + ") AS x(lock_bin) ORDER BY k) s)";
  }

  /** Holds the bank's lock exclusively until the transaction ends. */
  static void exclusive(EntityManager em, String bankBin) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(:ns, hashtext(:bin))")
        .setParameter("ns", NAMESPACE)
        .setParameter("bin", bankBin)
        .getSingleResult();
  }
}
