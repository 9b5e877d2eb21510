package io.fraudtip.cases.core;

import io.fraudtip.commons.db.LostRaces;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a transaction again when it lost a race (a concurrent edit or merge of the same case, a
 * deadlock, a unique key taken meanwhile); anything else goes to the caller, and so does a race
 * still lost after {@link #BUDGET}. A busy case (every tip of a pool merging into it) can make a
 * transaction lose several times in a row: the waits grow, with jitter so that the losers do not
 * meet again, and the budget is time, not a few attempts, so that a lost race never sends a good
 * event to the dead-letter topic.
 */
public final class Retries {
  /** How long a transaction is run again while it keeps losing races. */
  static final Duration BUDGET = Duration.ofSeconds(30);

  private static final long FIRST_WAIT_MS = 10;
  private static final long LONGEST_WAIT_MS = 1_000;

  private Retries() {}

  public static void onConflict(Runnable transaction) {
    onConflict(transaction, BUDGET);
  }

  static void onConflict(Runnable transaction, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    long wait = FIRST_WAIT_MS;
    while (true) {
      try {
        transaction.run();
        return;
      } catch (RuntimeException e) {
        long pause = wait + ThreadLocalRandom.current().nextLong(wait);
        if (!LostRaces.isLostRace(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
          throw e;
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        wait = Math.min(wait * 2, LONGEST_WAIT_MS);
      }
    }
  }
}
