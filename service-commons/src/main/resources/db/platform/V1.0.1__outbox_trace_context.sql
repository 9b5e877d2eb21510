-- The W3C trace context (traceparent, tracestate) of the transaction that wrote an outbox row, so
-- that the relay, publishing later on its own thread, continues the request's trace into Kafka.
-- Null when tracing is off.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN trace_state  VARCHAR(512);
