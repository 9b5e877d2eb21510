package io.fraudtip.commons.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs an action once the caller's transaction has committed (once per transaction and key). */
@ApplicationScoped
public class AfterCommit {
  private final TransactionSynchronizationRegistry transactions;

  AfterCommit(TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
  }

  public void run(Object key, Runnable action) {
    if (transactions.getResource(key) != null) {
      return;
    }
    transactions.putResource(key, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
