package io.fraudtip.notification.service;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Per-bank advisory locks that order raising an alert against an endpoint becoming active. A
 * transaction raising alerts holds its banks' locks shared from before it reads their active
 * endpoints until it commits; an endpoint's activation takes its bank's lock exclusively before it
 * looks for the alerts no endpoint took ({@link AlertBacklog}). So an alert is either raised after
 * the activation committed (and sees the endpoint) or committed before the activation looks (and is
 * in its backlog): never neither. Raisers do not wait for each other.
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
    em.createNativeQuery(
            "SELECT count(pg_advisory_xact_lock_shared(:ns, k)) FROM (SELECT DISTINCT"
                + " hashtext(b) AS k FROM unnest(CAST(:bins AS text[])) b ORDER BY k) s")
        .setParameter("ns", NAMESPACE)
        .setParameter(
            "bins",
            bankBins.stream()
                .map(b -> '"' + b.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}")))
        .getSingleResult();
  }

  /** Holds the bank's lock exclusively until the transaction ends. */
  static void exclusive(EntityManager em, String bankBin) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(:ns, hashtext(:bin))")
        .setParameter("ns", NAMESPACE)
        .setParameter("bin", bankBin)
        .getSingleResult();
  }
}
