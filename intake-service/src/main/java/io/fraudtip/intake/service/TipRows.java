package io.fraudtip.intake.service;

import io.fraudtip.intake.domain.TipStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tips' rows written by SQL with arrays ({@code unnest}), one statement for a whole batch: by the
 * group commit ({@link TipBatchWriter}) and by the case events' consumer ({@link CaseFollower}).
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
    executeUnnest(
        c,
        INSERT_HISTORY,
        history.stream()
            .map(h -> new Object[] {h.tipId(), h.status().name(), text(h.at()), h.note()})
            .toList(),
        "uuid",
        "text",
        "text",
        "text");
  }

  /**
   * Runs a statement whose parameters are arrays, one per column of {@code rows} (SQL types in
   * {@code types}), so that every row goes in one round trip.
   */
  static void executeUnnest(Connection c, String sql, List<Object[]> rows, String... types)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int column = 0; column < types.length; column++) {
        Object[] values = new Object[rows.size()];
        for (int row = 0; row < values.length; row++) {
          values[row] = rows.get(row)[column];
        }
        s.setArray(column + 1, c.createArrayOf(types[column], values));
      }
      s.executeUpdate();
    }
  }

  /** An instant as PostgreSQL reads it for {@code timestamptz} (ISO-8601). */
  static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
