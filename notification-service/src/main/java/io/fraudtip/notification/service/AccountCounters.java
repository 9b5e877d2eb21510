package io.fraudtip.notification.service;

import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.banks.BankAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each account's counters in account_state: the alert sequence a bank orders alerts by (a lower one
 * than already processed is dropped), and the number of tips naming the account. Counting is the
 * step before an alert's bank's endpoints are read, so the same statement takes the banks' locks
 * ({@link BankLocks}) that the read needs held before it.
 */
@ApplicationScoped
class AccountCounters {
  private final EntityManager em;

  AccountCounters(EntityManager em) {
    this.em = em;
  }

  /** An account's counters after an alert. */
  record Counters(long reportCount, long sequence) {}

  /**
   * Bumps the counters of every account a batch of tips names, in one statement: each account once,
   * by the number of times it is named, in a fixed order (so that concurrent batches lock rows in
   * the same order). Returns, per account, the counters of each naming in turn. The accounts'
   * banks' locks are held shared from then on ({@link BankLocks}), taken before the rows'.
   */
  Map<BankAccount, Deque<Counters>> countReports(List<BankAccount> named) {
    return count(named, true);
  }

  /**
   * Bumps the alert sequence of every account a case event names, in one statement, as {@link
   * #countReports} does (the report counts stay).
   */
  Map<BankAccount, Deque<Counters>> countAlerts(List<BankAccount> named) {
    return count(named, false);
  }

  /** An account named by an alert, and whether the naming is one more report of it. */
  record Naming(BankAccount account, boolean report) {}

  /**
   * Bumps the counters of every account the alerts of a batch name, some as reports and some not,
   * in one statement, as {@link #countReports} does. Returns, per account, the counters of each
   * naming in the order given.
   */
  Map<BankAccount, Deque<Counters>> count(List<Naming> namings) {
    Map<BankAccount, int[]> times =
        new TreeMap<>(
            Comparator.comparing(BankAccount::bankBin).thenComparing(BankAccount::accountNumber));
    namings.forEach(
        n -> {
          int[] t = times.computeIfAbsent(n.account(), a -> new int[2]);
          t[0]++;
          t[1] += n.report() ? 1 : 0;
        });
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "INSERT INTO account_state (bank_bin, account_number, report_count, sequence,"
                    + " updated_at)"
                    + " SELECT b, n, r, c, now() FROM unnest(CAST(:bins AS varchar[]),"
                    + " CAST(:numbers AS varchar[]), CAST(:times AS int[]),"
                    + " CAST(:reports AS int[])) AS t(b, n, c, r)"
                    + " WHERE "
                    + BankLocks.sharedOnTheWay("CAST(:bins AS text[])")
                    + " ON CONFLICT (bank_bin, account_number) DO UPDATE SET"
                    + " report_count = account_state.report_count + EXCLUDED.report_count,"
                    + " sequence = account_state.sequence + EXCLUDED.sequence, updated_at = now()"
                    + " RETURNING bank_bin, account_number, report_count, sequence")
            .setParameter(
                "bins", PgArrays.of(times.keySet().stream().map(BankAccount::bankBin).toList()))
            .setParameter(
                "numbers",
                PgArrays.of(times.keySet().stream().map(BankAccount::accountNumber).toList()))
            .setParameter("times", PgArrays.of(times.values().stream().map(t -> t[0]).toList()))
            .setParameter("reports", PgArrays.of(times.values().stream().map(t -> t[1]).toList()))
            .getResultList();
    Map<BankAccount, long[]> after = new HashMap<>();
    for (Object[] row : rows) {
      after.put(
          new BankAccount((String) row[0], (String) row[1]),
          new long[] {((Number) row[2]).longValue(), ((Number) row[3]).longValue()});
    }
    // Hand the counters out from the last naming back: each takes what was left before it.
    Map<BankAccount, Deque<Counters>> counters = new HashMap<>();
    for (int i = namings.size() - 1; i >= 0; i--) {
      Naming n = namings.get(i);
      long[] left = after.get(n.account());
      counters
          .computeIfAbsent(n.account(), a -> new ArrayDeque<>())
          .addFirst(new Counters(left[0], left[1]));
      left[1]--;
      if (n.report()) {
        left[0]--;
      }
    }
    return counters;
  }

  private Map<BankAccount, Deque<Counters>> count(List<BankAccount> named, boolean reports) {
    return count(named.stream().map(a -> new Naming(a, reports)).toList());
  }
}
