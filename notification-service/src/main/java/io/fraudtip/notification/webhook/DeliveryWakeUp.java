package io.fraudtip.notification.webhook;

import io.fraudtip.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The signal between the transactions that schedule deliveries and the dispatcher. A new delivery
 * is handed over in memory once its transaction has committed ({@link DeliveryHandOff}), so that it
 * leaves without a trip to the database; anything else that made deliveries due (a replay, a slot
 * freed on a full endpoint) asks the dispatcher to claim them from the database now instead of at
 * the next poll.
 */
@ApplicationScoped
public class DeliveryWakeUp {
  private final Semaphore signal = new Semaphore(0);
  private final AtomicBoolean claimWanted = new AtomicBoolean();
  private final Queue<ClaimedDelivery> handedOver = new ConcurrentLinkedQueue<>();
  private final AfterCommit afterCommit;
  private boolean taking;

  DeliveryWakeUp(AfterCommit afterCommit) {
    this.afterCommit = afterCommit;
  }

  /** Asks the dispatcher to claim due deliveries from the database now. */
  public void wake() {
    claimWanted.set(true);
    signal.release();
  }

  /**
   * Asks the dispatcher to send the deliveries waiting in memory for a slot that has just freed,
   * without a claim.
   */
  void sendWaiting() {
    signal.release();
  }

  /** Wakes the dispatcher once the caller's transaction has committed (once per transaction). */
  public void wakeAfterCommit() {
    afterCommit.run(DeliveryWakeUp.class, this::wake);
  }

  /** Whether the dispatcher of this instance runs and takes deliveries handed over. */
  synchronized boolean taking() {
    return taking;
  }

  /**
   * The dispatcher starts (true) or stops taking deliveries handed over. Those not taken yet are
   * forgotten: their leases make them due again, as for requests in flight when it stops.
   */
  synchronized void taking(boolean taking) {
    this.taking = taking;
    handedOver.clear();
    signal.release();
  }

  /**
   * Hands committed, leased deliveries to the dispatcher.
   *
   * @return false when it has stopped meanwhile: the deliveries come due when their leases end
   */
  synchronized boolean handOver(List<ClaimedDelivery> deliveries) {
    if (!taking) {
      return false;
    }
    handedOver.addAll(deliveries);
    signal.release();
    return true;
  }

  /** The deliveries handed over since the last call. */
  List<ClaimedDelivery> takeHandedOver() {
    List<ClaimedDelivery> taken = new ArrayList<>();
    for (ClaimedDelivery d; (d = handedOver.poll()) != null; ) {
      taken.add(d);
    }
    return taken;
  }

  /**
   * Waits for a signal or the timeout; then forgets the signals that came meanwhile.
   *
   * @return whether the dispatcher should claim from the database: it was asked to, or the wait
   *     timed out (the poll)
   */
  public boolean await(long timeoutMs) throws InterruptedException {
    boolean signalled = signal.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS);
    signal.drainPermits();
    return claimWanted.getAndSet(false) || !signalled;
  }
}
