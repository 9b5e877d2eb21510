-- The relay deletes published rows once they are older than the retention, every minute: without
-- an index on published_at that delete read the whole table each time (a day of events at the
-- retention's default), a cost that grew with every event (found by the soak's table statistics).
-- Repeatable, and idempotent, so that it is one file for every service whatever its versions.
CREATE INDEX IF NOT EXISTS outbox_event_published ON outbox_event (published_at)
    WHERE published_at IS NOT NULL;
