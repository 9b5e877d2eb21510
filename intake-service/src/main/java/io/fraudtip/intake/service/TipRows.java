package io.fraudtip.intake.service;

import static io.fraudtip.commons.sql.ArrayRows.column;
import static io.fraudtip.commons.sql.ArrayRows.instant;

import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.intake.domain.TipStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Steps of tips' public history written by SQL with arrays ({@link ArrayRows}), one statement for a
 * whole batch: by the group commit ({@link TipBatchWriter}) and by the case events' consumer
 * ({@link CaseFollower}).
 */
final class TipRows {
  // WITH ORDINALITY: the steps' ids (the column's default) follow the order they happened in.
  private static final String INSERT_HISTORY =
      "INSERT INTO tip_history (tip_id, status, at, note)"
          + " SELECT tip_id, status, at, note"
          + " FROM unnest(?, ?, CAST(? AS timestamptz[]), ?) WITH ORDINALITY"
          + " AS h(tip_id, status, at, note, n) ORDER BY n";

  private TipRows() {}

  /** A new step of a tip's public history. */
  record HistoryStep(UUID tipId, TipStatus status, Instant at, String note) {}

  static void insertHistory(Connection c, List<HistoryStep> history) throws SQLException {
    ArrayRows.execute(
        c,
        INSERT_HISTORY,
        history,
        column("uuid", HistoryStep::tipId),
        column("text", h -> h.status().name()),
        instant(HistoryStep::at),
        column("text", HistoryStep::note));
  }
}
