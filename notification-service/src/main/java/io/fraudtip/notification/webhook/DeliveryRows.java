package io.fraudtip.notification.webhook;

import static io.fraudtip.commons.sql.ArrayRows.column;
import static io.fraudtip.commons.sql.ArrayRows.instant;

import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.notification.domain.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The rows that record a batch of attempts' answers, set-based: the deliveries locked and read in
 * one statement, their attempts inserted in one and their new state written in one, whatever the
 * batch's size (one statement per row was most of a recorder's cost under load).
 */
@ApplicationScoped
class DeliveryRows {
  private final EntityManager em;

  DeliveryRows(EntityManager em) {
    this.em = em;
  }

  /** A delivery as an attempt's answer changes it. */
  static final class Row {
    final UUID id;
    final UUID alertId;
    final String eventType;
    final Instant createdAt;
    DeliveryState state;
    int attempts;
    int totalAttempts;
    Instant nextAttemptAt;
    Instant lastAttemptAt;
    Integer lastStatus;
    String lastError;
    Instant completedAt;
    int lease;
    boolean leased;

    Row(
        UUID id,
        UUID alertId,
        String eventType,
        Instant createdAt,
        DeliveryState state,
        int attempts,
        int total) {
      this.id = id;
      this.state = state;
      this.alertId = alertId;
      this.eventType = eventType;
      this.createdAt = createdAt;
      this.attempts = attempts;
      this.totalAttempts = total;
    }
  }

  /** One line of the delivery log. */
  record Attempt(
      UUID deliveryId,
      int attempt,
      Instant attemptedAt,
      long latencyMs,
      Integer statusCode,
      String outcome,
      String responseBody,
      String error) {}

  /**
   * Locks and reads the deliveries, in id order (two recorders locking overlapping sets wait for
   * each other instead of deadlocking); a delivery no longer there is left out.
   */
  Map<UUID, Row> lock(Collection<UUID> ids) {
    Map<UUID, Row> rows = new LinkedHashMap<>();
    work(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, alert_id, event_type, created_at, state, attempts, total_attempts,"
                      + " next_attempt_at, last_attempt_at, last_status, last_error, completed_at,"
                      + " lease, leased FROM delivery WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            s.setArray(1, c.createArrayOf("uuid", ids.stream().distinct().toArray()));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                Row row =
                    new Row(
                        id,
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        DeliveryState.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getInt(7));
                // Written back as they are when an answer leaves them (a late one).
                row.nextAttemptAt = at(rs, 8);
                row.lastAttemptAt = at(rs, 9);
                row.lastStatus = rs.getObject(10, Integer.class);
                row.lastError = rs.getString(11);
                row.completedAt = at(rs, 12);
                row.lease = rs.getInt(13);
                row.leased = rs.getBoolean(14);
                rows.put(id, row);
              }
            }
          }
        });
    return rows;
  }

  /** Inserts the attempts, in their order, and writes the deliveries' new state. */
  void write(Collection<Row> deliveries, List<Attempt> attempts) {
    work(
        c -> {
          // WITH ORDINALITY keeps the log's ids in the order the answers were recorded.
          ArrayRows.execute(
              c,
              "INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, latency_ms,"
                  + " status_code, outcome, response_body, error)"
                  + " SELECT d, a, at, l, s, o, b, e FROM unnest(?, ?, CAST(? AS timestamptz[]),"
                  + " ?, ?, ?, ?, ?) WITH ORDINALITY AS v(d, a, at, l, s, o, b, e, n) ORDER BY n",
              attempts,
              column("uuid", Attempt::deliveryId),
              column("int4", Attempt::attempt),
              instant(Attempt::attemptedAt),
              column("int8", Attempt::latencyMs),
              column("int4", Attempt::statusCode),
              column("text", Attempt::outcome),
              column("text", Attempt::responseBody),
              column("text", Attempt::error));
          ArrayRows.execute(
              c,
              "UPDATE delivery SET state = v.state, attempts = v.attempts,"
                  + " total_attempts = v.total, next_attempt_at = v.next, last_attempt_at = v.last,"
                  + " last_status = v.status, last_error = v.error, completed_at = v.completed,"
                  + " leased = v.leased"
                  + " FROM unnest(?, ?, ?, ?, CAST(? AS timestamptz[]), CAST(? AS timestamptz[]),"
                  + " ?, ?, CAST(? AS timestamptz[]), ?)"
                  + " AS v(id, state, attempts, total, next, last, status, error, completed, leased)"
                  + " WHERE delivery.id = v.id",
              List.copyOf(deliveries),
              column("uuid", (Row r) -> r.id),
              column("text", (Row r) -> r.state.name()),
              column("int4", (Row r) -> r.attempts),
              column("int4", (Row r) -> r.totalAttempts),
              instant((Row r) -> r.nextAttemptAt),
              instant((Row r) -> r.lastAttemptAt),
              column("int4", (Row r) -> r.lastStatus),
              column("text", (Row r) -> r.lastError),
              instant((Row r) -> r.completedAt),
              column("bool", (Row r) -> r.leased));
        });
  }

  private static Instant at(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void work(Work work) {
    em.unwrap(Session.class).doWork(work::run);
  }
}
