package io.fraudtip.notification.webhook;

import io.fraudtip.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The signal between the transactions that schedule deliveries and the dispatcher: released after
 * each commit that made a delivery due, so that an alert leaves within milliseconds instead of at
 * the next poll.
 */
@ApplicationScoped
public class DeliveryWakeUp {
  private final Semaphore signal = new Semaphore(0);
  private final AfterCommit afterCommit;

  DeliveryWakeUp(AfterCommit afterCommit) {
    this.afterCommit = afterCommit;
  }

  /** Asks the dispatcher to look for due deliveries now. */
  public void wake() {
    signal.release();
  }

  /** Wakes the dispatcher once the caller's transaction has committed (once per transaction). */
  public void wakeAfterCommit() {
    afterCommit.run(DeliveryWakeUp.class, this::wake);
  }

  /** Waits for a wake-up or the timeout; then forgets the wake-ups that came meanwhile. */
  public void await(long timeoutMs) throws InterruptedException {
    signal.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS);
    signal.drainPermits();
  }
}
