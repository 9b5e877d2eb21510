package io.fraudtip.notification.service;

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
          + " attempts, total_attempts, next_attempt_at, created_at)"
          + " SELECT id, webhook_id, alert_id, endpoint_id, bank_bin, event_type, state, attempts,"
          + " total_attempts, next_attempt_at, created_at"
          + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz[]),"
          + " CAST(? AS timestamptz[])) AS d(id, webhook_id, alert_id, endpoint_id, bank_bin,"
          + " event_type, state, attempts, total_attempts, next_attempt_at, created_at)";

  private AlertRows() {}

  /** Inserts the alerts, then the deliveries (which name an alert, new or earlier). */
  static void insert(Connection c, List<Alert> alerts, List<Delivery> deliveries)
      throws SQLException {
    if (!alerts.isEmpty()) {
      ArrayRows.execute(
          c,
          INSERT_ALERTS,
          alerts.stream()
              .map(
                  a ->
                      new Object[] {
                        a.id,
                        a.sourceEventId,
                        a.eventType,
                        a.bankBin,
                        a.accountNumber,
                        a.tipId,
                        a.caseId,
                        a.layer,
                        a.sequence,
                        a.advisory,
                        ArrayRows.text(a.createdAt),
                        ArrayRows.text(a.triggeredAt),
                        a.traceparent,
                        a.tracestate,
                        a.payload
                      })
              .toList(),
          "uuid",
          "uuid",
          "text",
          "text",
          "text",
          "uuid",
          "uuid",
          "int4",
          "int8",
          "bool",
          "text",
          "text",
          "text",
          "text",
          "text");
    }
    if (!deliveries.isEmpty()) {
      ArrayRows.execute(
          c,
          INSERT_DELIVERIES,
          deliveries.stream()
              .map(
                  d ->
                      new Object[] {
                        d.id,
                        d.webhookId,
                        d.alertId,
                        d.endpointId,
                        d.bankBin,
                        d.eventType,
                        d.state.name(),
                        d.attempts,
                        d.totalAttempts,
                        ArrayRows.text(d.nextAttemptAt),
                        ArrayRows.text(d.createdAt)
                      })
              .toList(),
          "uuid",
          "text",
          "uuid",
          "uuid",
          "text",
          "text",
          "text",
          "int4",
          "int4",
          "text",
          "text");
    }
  }
}
