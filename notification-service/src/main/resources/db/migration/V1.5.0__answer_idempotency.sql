-- A bank that retries an answer (a timeout, a lost 202) with the same Idempotency-Key gets the
-- first answer back instead of recording it twice; the hash tells a retry from a reused key.
ALTER TABLE alert_response ADD COLUMN idempotency_key VARCHAR(100);
ALTER TABLE alert_response ADD COLUMN request_hash VARCHAR(64);
CREATE UNIQUE INDEX alert_response_idempotency
    ON alert_response (alert_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
