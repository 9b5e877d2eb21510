package io.fraudtip.notification.service;

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
import java.util.stream.Collectors;

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

  private Map<BankAccount, Deque<Counters>> count(List<BankAccount> named, boolean reports) {
    Map<BankAccount, Integer> times =
        new TreeMap<>(
            Comparator.comparing(BankAccount::bankBin).thenComparing(BankAccount::accountNumber));
    named.forEach(a -> times.merge(a, 1, Integer::sum));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "INSERT INTO account_state (bank_bin, account_number, report_count, sequence,"
                    + " updated_at)"
                    + " SELECT b, n, c * :reports, c, now() FROM unnest(CAST(:bins AS varchar[]),"
                    + " CAST(:numbers AS varchar[]), CAST(:times AS int[])) AS t(b, n, c)"
                    + " WHERE "
                    + BankLocks.sharedOnTheWay("CAST(:bins AS text[])")
                    + " ON CONFLICT (bank_bin, account_number) DO UPDATE SET"
                    + " report_count = account_state.report_count + EXCLUDED.report_count,"
                    + " sequence = account_state.sequence + EXCLUDED.sequence, updated_at = now()"
                    + " RETURNING bank_bin, account_number, report_count, sequence")
            .setParameter("reports", reports ? 1 : 0)
            .setParameter(
                "bins", pgArray(times.keySet().stream().map(BankAccount::bankBin).toList()))
            .setParameter(
                "numbers",
                pgArray(times.keySet().stream().map(BankAccount::accountNumber).toList()))
            .setParameter(
                "times",
                times.values().stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(",", "{", "}")))
            .getResultList();
    Map<BankAccount, Deque<Counters>> counters = new HashMap<>();
    for (Object[] row : rows) {
      BankAccount account = new BankAccount((String) row[0], (String) row[1]);
      int k = times.get(account);
      long reportCount = ((Number) row[2]).longValue();
      long sequence = ((Number) row[3]).longValue();
      Deque<Counters> each = new ArrayDeque<>();
      for (int i = k - 1; i >= 0; i--) {
        each.add(new Counters(reports ? reportCount - i : reportCount, sequence - i));
      }
      counters.put(account, each);
    }
    return counters;
  }

  /** A PostgreSQL array literal of strings, each quoted. */
  static String pgArray(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }
}
