package io.fraudtip.intake.service;

import io.fraudtip.commons.metrics.PlatformMetrics;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.intake.config.IntakeConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Group commit of accepted tips: one thread takes the checked tips in micro-batches ({@code
 * fraudtip.intake.group-commit.*}: N tips or a few milliseconds, whichever first; at once for a tip
 * that came alone) and writes each batch in one transaction with one durable commit, so that tips
 * under load share the commit's flush to disk. A request is answered only once its batch committed.
 * A batch the database refuses as a whole is written again tip by tip, so that one bad tip fails
 * alone. On shutdown the tips already taken are committed; later ones are refused with 503, none is
 * dropped unanswered.
 */
@ApplicationScoped
public class TipCommitter {
  private static final Logger LOG = Logger.getLogger(TipCommitter.class);
  private static final long IDLE_POLL_MS = 200;
  private static final long SHUTDOWN_WAIT_MS = 10_000;

  private final TipBatchWriter writer;
  private final PlatformMetrics metrics;
  private final IntakeConfig.GroupCommit config;
  private final BlockingQueue<PendingTip> queue;
  private final Set<String> committing = ConcurrentHashMap.newKeySet();
  private final CompanyWait companyWait;
  private final Counter batches;
  private final DistributionSummary batchSizes;
  private volatile boolean closing;
  private Thread worker;

  TipCommitter(
      TipBatchWriter writer, PlatformMetrics metrics, IntakeConfig config, MeterRegistry registry) {
    this.writer = writer;
    this.metrics = metrics;
    this.config = config.groupCommit();
    this.queue = new ArrayBlockingQueue<>(this.config.maxPending());
    this.companyWait =
        new CompanyWait(
            this.config.maxWait().toNanos(), this.config.aloneAfter().toNanos(), System.nanoTime());
    this.batches =
        Counter.builder("tips.commit.batches")
            .description("Transactions that wrote accepted tips (a batch, or one tip of a retry)")
            .register(registry);
    this.batchSizes =
        DistributionSummary.builder("tips.commit.batch.size")
            .description("Tips taken per group commit")
            .register(registry);
  }

  void onStart(@Observes StartupEvent event) {
    worker = new Thread(this::run, "tip-group-commit");
    worker.setDaemon(true);
    worker.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    closing = true;
    if (worker != null) {
      worker.join(SHUTDOWN_WAIT_MS);
    }
    // Whatever the committer could not take before it stopped is answered, not dropped.
    List<PendingTip> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(t -> t.answer().completeExceptionally(unavailable(t.locale())));
  }

  /** Queues a checked tip for the next batch; the answer completes once that batch committed. */
  CompletableFuture<TipService.Submitted> submit(PendingTip tip) {
    if (closing || !queue.offer(tip)) {
      throw unavailable(tip.locale());
    }
    if (closing && !worker.isAlive() && queue.remove(tip)) {
      throw unavailable(tip.locale()); // came in after the committer's last batch
    }
    return tip.answer();
  }

  /** Whether a request with this key is in a transaction being written right now. */
  boolean isCommitting(String idempotencyKey) {
    return committing.contains(idempotencyKey);
  }

  private void run() {
    while (true) {
      List<PendingTip> batch;
      try {
        batch = nextBatch();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (batch.isEmpty()) {
        if (closing && queue.isEmpty()) {
          return;
        }
        continue;
      }
      try {
        commit(batch);
      } catch (RuntimeException e) {
        LOG.error("Group commit failed unexpectedly", e);
        batch.forEach(t -> t.answer().completeExceptionally(e));
      }
    }
  }

  /**
   * The next batch: waits for a first tip, then for more until the batch is full or due; a first
   * tip that came alone takes only those already queued.
   */
  private List<PendingTip> nextBatch() throws InterruptedException {
    List<PendingTip> batch = new ArrayList<>();
    PendingTip first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    long taken = System.nanoTime();
    long due = taken + companyWait.forFirstTip(taken);
    while (batch.size() < config.maxTips()) {
      queue.drainTo(batch, config.maxTips() - batch.size());
      long left = due - System.nanoTime();
      if (batch.size() >= config.maxTips() || left <= 0 || closing) {
        break;
      }
      PendingTip next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    if (batch.size() > 1) {
      companyWait.tookTip(System.nanoTime());
    }
    return batch;
  }

  private void commit(List<PendingTip> batch) {
    batchSizes.record(batch.size());
    List<TipBatchWriter.Written> written;
    for (PendingTip t : batch) {
      if (t.idempotencyKey() != null) {
        committing.add(t.idempotencyKey());
      }
    }
    try {
      written = write(batch);
    } catch (RuntimeException e) {
      // The class only: the database's message may quote a row.
      LOG.warnf(
          "A batch of %d tips was refused (%s); writing them one by one",
          batch.size(), e.getClass().getSimpleName());
      written = new ArrayList<>(batch.size());
      for (PendingTip t : batch) {
        try {
          written.addAll(write(List.of(t)));
        } catch (RuntimeException alone) {
          written.add(new TipBatchWriter.Written(t, null, alone));
        }
      }
    } finally {
      for (PendingTip t : batch) {
        if (t.idempotencyKey() != null) {
          committing.remove(t.idempotencyKey());
        }
      }
    }
    for (TipBatchWriter.Written w : written) {
      answer(w);
    }
  }

  private List<TipBatchWriter.Written> write(List<PendingTip> tips) {
    List<TipBatchWriter.Written> written =
        QuarkusTransaction.requiringNew().call(() -> writer.write(tips, Timestamps.now()));
    batches.increment();
    return written;
  }

  private void answer(TipBatchWriter.Written w) {
    PendingTip t = w.tip();
    if (w.failure() != null) {
      t.answer().completeExceptionally(w.failure());
      return;
    }
    if (w.stored()) {
      metrics.tipAccepted(t.event().channel().name());
      // No personal data here: ids, kinds and counts only.
      LOG.debugf(
          "Accepted tip %s (%s, %s, %d identifiers, %d transfers)",
          t.tip().id,
          t.event().scamType(),
          t.event().trust(),
          t.event().identifiers().size(),
          t.event().transfers().size());
    }
    t.answer().complete(w.submitted());
  }

  private static ProblemException unavailable(Locale locale) {
    return new ProblemException(
        503,
        "unavailable",
        ProblemMessages.message(locale, "problem.unavailable.title"),
        ProblemMessages.message(locale, "problem.unavailable.detail"));
  }
}
