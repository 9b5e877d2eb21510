-- When the cause of an alert happened (the tip's receipt, or the case event's time) and when its
-- bank first answered 2xx: the first success publishes alert-deliveries.v1 once, whatever the
-- number of endpoints, retries or replays. Alerts raised before this column have no trigger time.
ALTER TABLE alert ADD COLUMN triggered_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN delivered_at TIMESTAMPTZ;
