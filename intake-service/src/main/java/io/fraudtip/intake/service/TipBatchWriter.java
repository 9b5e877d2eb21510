package io.fraudtip.intake.service;

import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Topics;
import io.fraudtip.intake.domain.TipHistoryEntry;
import io.fraudtip.intake.domain.TipStatus;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one batch of checked tips in the caller's transaction: the Idempotency-Keys of the whole
 * batch are locked and looked up in one statement each, then the new rows are inserted table by
 * table (so that Hibernate sends each table's rows as one JDBC batch, parents first). A tip whose
 * key decides its answer (a replay, 409, 422) fails or answers alone; the rest of the batch is
 * written.
 */
@ApplicationScoped
class TipBatchWriter {
  private final EntityManager em;
  private final IdempotencyKeys idempotency;
  private final Outbox outbox;

  TipBatchWriter(EntityManager em, IdempotencyKeys idempotency, Outbox outbox) {
    this.em = em;
    this.idempotency = idempotency;
    this.outbox = outbox;
  }

  /** A tip's answer once its batch commits: a receipt (new or replayed) or its own failure. */
  record Written(PendingTip tip, TipService.Submitted submitted, RuntimeException failure) {
    boolean stored() {
      return submitted != null && !submitted.replayed();
    }
  }

  /**
   * Writes the batch.
   *
   * @return one answer per tip, in the batch's order; valid only once the transaction commits
   */
  @Transactional(Transactional.TxType.MANDATORY)
  List<Written> write(List<PendingTip> batch, Instant now) {
    Set<String> keys = new LinkedHashSet<>();
    for (PendingTip t : batch) {
      if (t.idempotencyKey() != null) {
        keys.add(t.idempotencyKey());
      }
    }
    Set<String> busy = idempotency.lockAll(keys);
    keys.removeAll(busy);
    Map<String, IdempotencyKeys.Answer> answers = idempotency.answersOf(keys, now);
    List<Written> written = new ArrayList<>(batch.size());
    List<PendingTip> fresh = new ArrayList<>(batch.size());
    for (PendingTip t : batch) {
      String key = t.idempotencyKey();
      if (key != null && busy.contains(key)) {
        written.add(new Written(t, null, IdempotencyKeys.inFlight(t.locale())));
        continue;
      }
      IdempotencyKeys.Answer first = key == null ? null : answers.get(key);
      if (first != null) {
        // A key used earlier, or by an earlier tip of this very batch: today's replay rule.
        written.add(
            first.bodyHash().equals(t.bodyHash())
                ? new Written(t, new TipService.Submitted(first.receipt(), true), null)
                : new Written(t, null, IdempotencyKeys.mismatch(t.locale())));
        continue;
      }
      if (key != null) {
        answers.put(key, new IdempotencyKeys.Answer(t.bodyHash(), t.receipt()));
      }
      fresh.add(t);
      written.add(new Written(t, new TipService.Submitted(t.receipt(), false), null));
    }
    insert(fresh);
    return written;
  }

  private void insert(List<PendingTip> fresh) {
    for (PendingTip t : fresh) {
      t.tip().persist();
    }
    for (PendingTip t : fresh) {
      TipHistoryEntry.of(t.tip().id, TipStatus.RECEIVED, t.tip().receivedAt, "Tip received")
          .persist();
    }
    for (PendingTip t : fresh) {
      // The outbox row keeps the trace of the request that sent the tip, not the committer's.
      try (Scope ignored = t.trace().makeCurrent()) {
        outbox.publish(
            Topics.TIPS_V1,
            t.tip().id.toString(),
            CloudEvents.TYPE_TIP_RECEIVED,
            UUID.randomUUID(),
            t.event());
      }
    }
    for (PendingTip t : fresh) {
      if (t.idempotencyKey() != null) {
        idempotency.remember(t.idempotencyKey(), t.bodyHash(), t.receipt(), t.tip().receivedAt);
      }
    }
    // Constraint violations surface here, inside the batch's transaction.
    em.flush();
  }
}
