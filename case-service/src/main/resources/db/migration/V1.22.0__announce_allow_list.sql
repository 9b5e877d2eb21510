-- Changes of the allow-list go out on allow-list.v1 from this version on (AllowList), so that
-- notification-service alerts no bank about an allow-listed account. The entries made before are
-- announced once here, through the outbox like every event; the key and payload are those
-- AllowListChangedV1 gives.
WITH entry AS (
    SELECT gen_random_uuid() AS event_id, type, value,
           coalesce(added_at, now()) AS changed_at
    FROM allow_listed_identifier
)
INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at)
SELECT event_id, 'allow-list.v1', left(type || '|' || value, 100),
       'io.fraudtip.allow-list.changed.v1',
       json_build_object(
           'eventId', event_id, 'type', type, 'value', value, 'listed', true,
           'changedAt', to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
       )::text,
       now()
FROM entry
ORDER BY type, value;
