package io.fraudtip.commons.db;

import io.fraudtip.commons.failure.Causes;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a transaction failed because it lost a race with another (a concurrent edit of the same
 * row, a deadlock, a unique key taken meanwhile, a lock not available): nothing of it was
 * committed, and the same work run again may well succeed.
 */
public final class LostRaces {
  /** Serialization failure, deadlock, lock not available: a race, whatever the statement. */
  private static final Set<String> LOCK_STATES = Set.of("40001", "40P01", "55P03");

  /** The lock races and a unique violation (a key another transaction took first). */
  private static final Set<String> RACE_STATES =
      Stream.concat(LOCK_STATES.stream(), Stream.of("23505"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> KEY_TAKEN = Set.of("23505");

  private static final Set<String> REFERENCE_GONE = Set.of("23503");

  /** How deep failures suppressed within suppressed ones are followed (an end to a loop). */
  private static final int MAX_SUPPRESSED_DEPTH = 8;

  private LostRaces() {}

  /**
   * A lost race: an optimistic or pessimistic lock failure (Hibernate's StaleStateException too, as
   * a versioned row's lock or refresh that finds it changed), or a race's SQL state (a unique key
   * among them), anywhere in the causes or among the exceptions suppressed on the way (a failed
   * commit's rollback exception carries the flush's failure that way).
   */
  public static boolean isLostRace(Throwable e) {
    return matches(e, RACE_STATES, 0);
  }

  /**
   * A race on locks only (deadlock, serialization failure, lock not available, a versioned row
   * changed meanwhile): unlike a unique key taken, never the request's own doing.
   */
  public static boolean isLockRace(Throwable e) {
    return matches(e, LOCK_STATES, 0);
  }

  /**
   * A unique key another transaction took first (two requests creating the same record at once):
   * the request that lost may be told so, as it would have been a moment later.
   */
  public static boolean isKeyTaken(Throwable e) {
    return matches(e, KEY_TAKEN, 0);
  }

  /**
   * A foreign key broken by another transaction at the same moment (a row deleted while this one
   * referred to it, or referred to while this one deleted it): the request that lost may be told
   * so, and the same request a moment later gets its own answer.
   */
  public static boolean isReferenceRace(Throwable e) {
    return matches(e, REFERENCE_GONE, 0);
  }

  /**
   * A value the database refuses (class 22, data exception: too long for its column, a NUL in text,
   * out of range): the request's own, which no retry mends.
   */
  public static boolean isRefusedValue(Throwable e) {
    return Causes.anyMatch(
        e,
        t ->
            t instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22"));
  }

  /**
   * The chain of causes, and the suppressed failures of each (a rollback's carries the flush's).
   */
  private static boolean matches(Throwable e, Set<String> states, int depth) {
    return depth < MAX_SUPPRESSED_DEPTH
        && Causes.anyMatch(
            e,
            t ->
                raceHere(t, states)
                    || Arrays.stream(t.getSuppressed())
                        .anyMatch(suppressed -> matches(suppressed, states, depth + 1)));
  }

  private static boolean raceHere(Throwable t, Set<String> states) {
    return t instanceof OptimisticLockException
        || t instanceof PessimisticLockException
        || t instanceof org.hibernate.StaleStateException
        // A pool's own SQLException (no connection in time) has no state; Set.of refuses null.
        || (t instanceof SQLException sql
            && sql.getSQLState() != null
            && states.contains(sql.getSQLState()));
  }
}
