-- An anonymous caller's Idempotency-Key was stored as sent, so it could take the form a named
-- client's key is stored in ("c:" and a digest of the client and its key): an anonymous caller who
-- worked out a police unit's next key could make that unit's tip answer 422, or read a client's
-- receipt. Anonymous keys now live under "a:"; the keys kept so far move there, but for those of
-- the named clients' form, which were theirs (or a squatter's, and expire).
ALTER TABLE idempotency_key ALTER COLUMN idem_key TYPE VARCHAR(102);
-- In two steps, through a space (no key holds one): renamed in one, "k" would meet a kept "a:k"
-- before that one had moved on, and the primary key is checked row by row.
UPDATE idempotency_key SET idem_key = ' ' || idem_key WHERE idem_key !~ '^c:[0-9a-f]{64}$';
UPDATE idempotency_key SET idem_key = 'a:' || substr(idem_key, 2) WHERE idem_key LIKE ' %';
