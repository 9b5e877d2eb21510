-- An alert's first 2xx, in a narrow row of its own instead of a column of the alert: setting the
-- column rewrote the whole alert (its payload) with an entry in each of its five indexes, for every
-- delivered alert (measured on 2026-12-01: 85,545 WAL records for 14,659 alerts in a minute; the
-- pages the alerts were just written to had no room for the new version). The row's
-- primary key is also what makes the first success publish alert-deliveries.v1 once: the insert
-- that finds a row already there does nothing. No foreign key: rows are written only by the
-- statement that reads them from their alerts, and the check would lock each alert row.
CREATE TABLE alert_delivered (
    alert_id      UUID         PRIMARY KEY,
    delivered_at  TIMESTAMPTZ  NOT NULL
);
INSERT INTO alert_delivered (alert_id, delivered_at)
    SELECT id, delivered_at FROM alert WHERE delivered_at IS NOT NULL;
ALTER TABLE alert DROP COLUMN delivered_at;
