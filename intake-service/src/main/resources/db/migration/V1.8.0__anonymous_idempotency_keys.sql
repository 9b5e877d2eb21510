-- An anonymous caller's Idempotency-Key was stored as sent, so it could take the form a named
-- client's key is stored in ("c:" and a digest of the client and its key): an anonymous caller who
-- worked out a police unit's next key could make that unit's tip answer 422, or read a client's
-- receipt. Anonymous keys now live under "a:"; the keys kept so far move there, but for those of
-- the named clients' form, which were theirs (or a squatter's, and expire).
ALTER TABLE idempotency_key ALTER COLUMN idem_key TYPE VARCHAR(102);
UPDATE idempotency_key SET idem_key = 'a:' || idem_key WHERE idem_key !~ '^c:[0-9a-f]{64}$';
