package io.fraudtip.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the tables a piece of work reads whole. The work runs in a transaction of its own with
 * sequential scans priced out ({@code SET LOCAL enable_seqscan = off}) and every statement planned
 * anew, so PostgreSQL takes one only where no index can answer; the transaction's statistics then
 * count them. Tests that keep a path from reading growing tables whole use it, never a timing.
 */
public final class SequentialScans {
  private SequentialScans() {}

  /**
   * Sequential scans of each of the tables while the work ran.
   *
   * @throws IllegalArgumentException when a table is not in the database
   */
  public static Map<String, Long> during(EntityManager em, List<String> tables, Runnable work) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
              // Each statement planned now, under the setting above: a prepared statement run
              // often enough before (by earlier tests, on this pooled connection) has a cached
              // generic plan, made with sequential scans allowed and small tables, that would
              // otherwise be reused here.
              em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
              // Read before and after: the view also holds earlier transactions of this pooled
              // connection that it has not reported yet (a backend reports when idle, once a second
              // at most).
              Map<String, Long> before = counts(em, tables);
              work.run();
              Map<String, Long> after = counts(em, tables);
              Map<String, Long> scans = new HashMap<>();
              for (String table : tables) {
                // A table the statistics do not know (a misspelt name) must fail, not count 0.
                if (!before.containsKey(table) || !after.containsKey(table)) {
                  throw new IllegalArgumentException("no table " + table + " in this database");
                }
                scans.put(table, after.get(table) - before.get(table));
              }
              return scans;
            });
  }

  private static Map<String, Long> counts(EntityManager em, List<String> tables) {
    Map<String, Long> counts = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT relname, seq_scan FROM pg_stat_xact_user_tables"
                    + " WHERE relname = ANY(CAST(:tables AS text[]))")
            .setParameter("tables", tables.toArray(String[]::new))
            .getResultList()) {
      Object[] r = (Object[]) row;
      counts.put((String) r[0], ((Number) r[1]).longValue());
    }
    return counts;
  }
}
