package io.fraudtip.commons.tx;

import jakarta.persistence.EntityManager;

/**
 * Makes the caller's transaction read one snapshot of the database (REPEATABLE READ) instead of
 * what has committed by each statement (READ COMMITTED, the default). A view assembled from several
 * reads needs it: a case's totals come from its row and its tips from theirs, and a batch of tips
 * committed between the two would show a case counting 19 victims beside 20 tips; so would a
 * delivery counting two attempts beside three, or a tip's status ahead of its history.
 */
public final class Snapshot {
  private Snapshot() {}

  /**
   * Must come before the transaction's first statement (PostgreSQL refuses it after one, so a
   * misplaced call fails at once rather than reading skewed).
   */
  public static void begin(EntityManager em) {
    TransactionSettings.apply(em, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  }
}
