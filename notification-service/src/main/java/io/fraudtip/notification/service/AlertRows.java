package io.fraudtip.notification.service;

import static io.fraudtip.commons.sql.ArrayRows.column;
import static io.fraudtip.commons.sql.ArrayRows.instant;

import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.Delivery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A batch's new alerts and deliveries written by SQL with arrays ({@link ArrayRows}), one statement
 * a table, where Hibernate's persist and flush of each row were about a third of the tips
 * consumer's time (a profile of notification-service at 200 tips/s).
 */
final class AlertRows {
  private static final String INSERT_ALERTS =
      "INSERT INTO alert (id, source_event_id, event_type, bank_bin, account_number, tip_id,"
          + " case_id, layer, sequence, advisory, created_at, triggered_at, traceparent,"
          + " tracestate, payload)"
          + " SELECT id, source_event_id, event_type, bank_bin, account_number, tip_id, case_id,"
          + " layer, sequence, advisory, created_at, triggered_at, traceparent, tracestate,"
          + " payload FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz[]),"
          + " CAST(? AS timestamptz[]), ?, ?, ?) AS a(id, source_event_id, event_type, bank_bin,"
          + " account_number, tip_id, case_id, layer, sequence, advisory, created_at,"
          + " triggered_at, traceparent, tracestate, payload)";

  private static final String INSERT_DELIVERIES =
      "INSERT INTO delivery (id, webhook_id, alert_id, endpoint_id, bank_bin, event_type, state,"
          + " attempts, total_attempts, next_attempt_at, created_at, lease, leased)"
          + " SELECT id, webhook_id, alert_id, endpoint_id, bank_bin, event_type, state, attempts,"
          + " total_attempts, next_attempt_at, created_at, lease, leased"
          + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz[]),"
          + " CAST(? AS timestamptz[]), ?, ?) AS d(id, webhook_id, alert_id, endpoint_id, bank_bin,"
          + " event_type, state, attempts, total_attempts, next_attempt_at, created_at, lease,"
          + " leased)";

  private AlertRows() {}

  /** Inserts the alerts, then the deliveries (which name an alert, new or earlier). */
  static void insert(Connection c, List<Alert> alerts, List<Delivery> deliveries)
      throws SQLException {
    ArrayRows.execute(
        c,
        INSERT_ALERTS,
        alerts,
        column("uuid", (Alert a) -> a.id),
        column("uuid", (Alert a) -> a.sourceEventId),
        column("text", (Alert a) -> a.eventType),
        column("text", (Alert a) -> a.bankBin),
        column("text", (Alert a) -> a.accountNumber),
        column("uuid", (Alert a) -> a.tipId),
        column("uuid", (Alert a) -> a.caseId),
        column("int4", (Alert a) -> a.layer),
        column("int8", (Alert a) -> a.sequence),
        column("bool", (Alert a) -> a.advisory),
        instant((Alert a) -> a.createdAt),
        instant((Alert a) -> a.triggeredAt),
        column("text", (Alert a) -> a.traceparent),
        column("text", (Alert a) -> a.tracestate),
        column("text", (Alert a) -> a.payload));
    ArrayRows.execute(
        c,
        INSERT_DELIVERIES,
        deliveries,
        column("uuid", (Delivery d) -> d.id),
        column("text", (Delivery d) -> d.webhookId),
        column("uuid", (Delivery d) -> d.alertId),
        column("uuid", (Delivery d) -> d.endpointId),
        column("text", (Delivery d) -> d.bankBin),
        column("text", (Delivery d) -> d.eventType),
        column("text", (Delivery d) -> d.state.name()),
        column("int4", (Delivery d) -> d.attempts),
        column("int4", (Delivery d) -> d.totalAttempts),
        instant((Delivery d) -> d.nextAttemptAt),
        instant((Delivery d) -> d.createdAt),
        column("int4", (Delivery d) -> d.lease),
        column("bool", (Delivery d) -> d.leased));
  }
}
