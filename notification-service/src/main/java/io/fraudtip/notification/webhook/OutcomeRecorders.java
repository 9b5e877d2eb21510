package io.fraudtip.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The recorder threads: each takes the answers waiting, and those that come within a short linger,
 * and records them in one transaction, so that many attempts share a commit. If the shared
 * transaction fails, each answer is recorded on its own; one that still fails is left to its lease,
 * and the attempt is made again.
 */
@ApplicationScoped
class OutcomeRecorders {
  private static final Logger LOG = Logger.getLogger(OutcomeRecorders.class);
  private static final int MAX_RECORDED_AT_ONCE = 64;

  private final DeliveryOutcomes outcomes;
  private final BlockingQueue<DeliveryOutcomes.Result> results = new LinkedBlockingQueue<>();
  private volatile boolean running;
  private volatile long lingerNanos;
  private List<Thread> recorders = List.of();

  OutcomeRecorders(DeliveryOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  /**
   * Starts {@code count} recorders, with no answer carried over; each waits up to {@code linger}
   * after a first answer for more.
   */
  void start(int count, Duration linger) {
    results.clear();
    lingerNanos = linger.toNanos();
    running = true;
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Thread t = new Thread(this::recordResults, "webhook-recorder-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    recorders = threads;
  }

  /** Lets the recorders finish the answers waiting; they stop once none is left. */
  void finish() {
    running = false;
  }

  /** Waits for the recorders to finish until {@code until} (epoch millis). */
  void await(long until) throws InterruptedException {
    for (Thread t : recorders) {
      t.join(Math.max(1, until - System.currentTimeMillis()));
    }
  }

  /** Stops the recorders still running; what they had not recorded is left to its lease. */
  void interrupt() {
    recorders.forEach(Thread::interrupt);
  }

  /** Queues an attempt's answer to be recorded. */
  void add(DeliveryOutcomes.Result result) {
    results.add(result);
  }

  /** Adds the answers waiting and those that come within the linger, up to the batch's bound. */
  private void gather(List<DeliveryOutcomes.Result> batch) throws InterruptedException {
    long until = System.nanoTime() + lingerNanos;
    results.drainTo(batch, MAX_RECORDED_AT_ONCE - batch.size());
    while (batch.size() < MAX_RECORDED_AT_ONCE && running) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return;
      }
      DeliveryOutcomes.Result next = results.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      results.drainTo(batch, MAX_RECORDED_AT_ONCE - batch.size());
    }
  }

  private void recordResults() {
    List<DeliveryOutcomes.Result> batch = new ArrayList<>();
    while (running || !results.isEmpty()) {
      try {
        DeliveryOutcomes.Result first = results.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.clear();
        batch.add(first);
        gather(batch);
        try {
          outcomes.recordAll(batch);
        } catch (RuntimeException together) {
          if (batch.size() == 1) {
            LOG.warnf(
                "Could not record an attempt of delivery %s: %s",
                first.deliveryId(), together.getMessage());
            continue;
          }
          for (DeliveryOutcomes.Result r : batch) {
            try {
              outcomes.recordAll(List.of(r));
            } catch (RuntimeException e) {
              LOG.warnf(
                  "Could not record an attempt of delivery %s: %s", r.deliveryId(), e.getMessage());
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
