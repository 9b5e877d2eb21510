package io.fraudtip.intake.service;

import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Topics;
import io.fraudtip.intake.domain.Tip;
import io.fraudtip.intake.domain.TipStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Writes one batch of checked tips in the caller's transaction: the Idempotency-Keys of the whole
 * batch are locked and looked up in one statement each, then the new rows are inserted table by
 * table, one statement a table, parents first. A tip whose key decides its answer (a replay, 409,
 * 422) fails or answers alone; the rest of the batch is written.
 *
 * <p>The tips, their first history steps and their outbox rows go in as arrays ({@code unnest}),
 * not through Hibernate: the group commit is one thread, so its work per tip bounds intake, and a
 * profile at 200 tips/s found Hibernate's persist and flush in four fifths of its insert time.
 */
@ApplicationScoped
class TipBatchWriter {
  private static final String INSERT_TIPS =
      "INSERT INTO tip (id, tracking_code, status, channel, trust_level, scam_type, province_code,"
          + " commune_code, occurred_at, amount_lost_vnd, received_at, updated_at, case_reference,"
          + " event_payload, reporter_sealed, version)"
          + " SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS bigint[]),"
          + " CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS text[]),"
          + " CAST(? AS text[]), CAST(? AS bytea[]), CAST(? AS bigint[]))";

  /** The element type of each array {@link #INSERT_TIPS} binds, in its columns' order. */
  private static final String[] TIP_TYPES = {
    "uuid", "text", "text", "text", "text", "text", "text", "text", "text", "bigint", "text",
    "text", "text", "text", "bytea", "bigint"
  };

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
    if (!fresh.isEmpty()) {
      em.unwrap(Session.class)
          .doWork(
              c -> {
                insertTips(c, fresh);
                TipRows.insertHistory(
                    c,
                    fresh.stream()
                        .map(
                            t ->
                                new TipRows.HistoryStep(
                                    t.tip().id,
                                    TipStatus.RECEIVED,
                                    t.tip().receivedAt,
                                    TipStatus.RECEIVED.publicNote()))
                        .toList());
              });
      // The outbox row keeps the trace of the request that sent the tip, not the committer's,
      // and its payload is the tip's event as stored with it (the same JSON).
      outbox.publishAll(
          fresh.stream()
              .map(
                  t ->
                      new Outbox.Message(
                          Topics.TIPS_V1,
                          t.tip().id.toString(),
                          CloudEvents.TYPE_TIP_RECEIVED,
                          Ids.next(),
                          t.tip().eventPayload,
                          t.trace()))
              .toList());
    }
    for (PendingTip t : fresh) {
      if (t.idempotencyKey() != null) {
        idempotency.remember(t.idempotencyKey(), t.bodyHash(), t.receipt(), t.tip().receivedAt);
      }
    }
    // Constraint violations surface here, inside the batch's transaction.
    em.flush();
  }

  private static void insertTips(Connection c, List<PendingTip> fresh) throws SQLException {
    int n = fresh.size();
    Object[][] columns = new Object[TIP_TYPES.length][n];
    // Bytes: the driver sends a byte[][] as bytea[].
    columns[14] = new byte[n][];
    for (int i = 0; i < n; i++) {
      Tip t = fresh.get(i).tip();
      columns[0][i] = t.id;
      columns[1][i] = t.trackingCode;
      columns[2][i] = t.status.name();
      columns[3][i] = t.channel.name();
      columns[4][i] = t.trustLevel.name();
      columns[5][i] = t.scamType.name();
      columns[6][i] = t.provinceCode;
      columns[7][i] = t.communeCode;
      columns[8][i] = ArrayRows.text(t.occurredAt);
      columns[9][i] = t.amountLostVnd;
      columns[10][i] = ArrayRows.text(t.receivedAt);
      columns[11][i] = ArrayRows.text(t.updatedAt);
      columns[12][i] = t.caseReference;
      columns[13][i] = t.eventPayload;
      columns[14][i] = t.reporterSealed;
      columns[15][i] = t.version;
    }
    try (PreparedStatement s = c.prepareStatement(INSERT_TIPS)) {
      for (int column = 0; column < TIP_TYPES.length; column++) {
        s.setArray(column + 1, c.createArrayOf(TIP_TYPES[column], columns[column]));
      }
      s.executeUpdate();
    }
  }
}
