package io.fraudtip.commons.db;

import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;

/**
 * The single column of a native query, read without a result class. Hibernate caches a native
 * query's plan under a key that includes its result mapping, and the mapping of a scalar result
 * class ({@code UUID.class}, {@code String.class}) never equals another: every call added an entry
 * under the same hash, and every lookup walked all of them. A benchmark profile found two thirds of
 * notification-service's delivery recorder in that walk. Without a result class the key is equal
 * from one call to the next, and the plan is reused.
 */
public final class ScalarRows {
  private ScalarRows() {}

  /** The rows of a query selecting one uuid column. */
  public static List<UUID> uuids(Query query) {
    return query.getResultList().stream()
        .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
        .toList();
  }

  /** The rows of a query selecting one text column. */
  public static List<String> strings(Query query) {
    return query.getResultList().stream().map(String::valueOf).toList();
  }
}
