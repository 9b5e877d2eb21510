-- The W3C trace context of the Kafka record that raised an alert (its traceparent and tracestate
-- headers), so that every attempt to deliver the alert, retries and replays included, continues
-- that trace. Null when the record carried none (tracing off upstream).
ALTER TABLE alert ADD COLUMN traceparent VARCHAR(128);
ALTER TABLE alert ADD COLUMN tracestate VARCHAR(512);
