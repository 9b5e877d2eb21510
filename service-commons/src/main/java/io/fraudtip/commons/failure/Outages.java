package io.fraudtip.commons.failure;

import java.net.SocketException;
import java.sql.SQLException;

/**
 * Failures of the infrastructure rather than of the work: the same work may succeed once the
 * database is back. Consumers run such work again in place; the REST layer answers 503 with
 * Retry-After rather than 500.
 */
public final class Outages {
  private Outages() {}

  /**
   * Whether a failure is an outage: a lost or refused database connection (SQL states 08xxx, 57P0x,
   * 53300), a connection pool that found none in time, a socket error, or the persistence unit
   * closed by a shutdown.
   */
  public static boolean isOutage(Throwable failure) {
    return Causes.anyMatch(failure, Outages::outageHere);
  }

  private static boolean outageHere(Throwable t) {
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null
          && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
        return true;
      }
      String message = sql.getMessage();
      if (message != null && message.contains("Acquisition timeout")) {
        return true;
      }
    }
    if (t instanceof SocketException) {
      return true;
    }
    // An instance shutting down closes its persistence unit under the work: the work is not at
    // fault, and done again (another instance, a retry) it may succeed.
    return t instanceof IllegalStateException
        && t.getMessage() != null
        && (t.getMessage().contains("EntityManagerFactory is closed")
            || t.getMessage().contains("Session/EntityManager is closed"));
  }
}
