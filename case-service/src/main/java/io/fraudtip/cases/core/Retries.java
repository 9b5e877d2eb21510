package io.fraudtip.cases.core;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Runs a transaction again when it lost a race (a concurrent edit of the same case, a unique key
 * taken meanwhile); anything else, or a race lost too often, goes to the caller.
 */
public final class Retries {
  private static final int ATTEMPTS = 5;
  private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01", "55P03");

  private Retries() {}

  public static void onConflict(Runnable transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.run();
        return;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isRace(e)) {
          throw e;
        }
        try {
          Thread.sleep(10L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  static boolean isRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException
          || t instanceof PessimisticLockException
          || t instanceof org.hibernate.StaleStateException) {
        return true;
      }
      if (t instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
