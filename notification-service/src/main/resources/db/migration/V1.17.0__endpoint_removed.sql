-- An endpoint its bank (or an operator) removed after it delivered stays for its delivery log, but
-- is gone: no listing shows it, no change revives it, and its pending deliveries are closed.
ALTER TABLE bank_endpoint ADD COLUMN removed_at TIMESTAMPTZ;
