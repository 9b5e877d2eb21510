-- A rotation during another's grace keeps both earlier secrets signing, each until its own grace
-- ends: the bank may verify with either (the one before the first rotation, or the first's).
ALTER TABLE bank_endpoint ADD COLUMN older_secret_sealed VARCHAR(400);
ALTER TABLE bank_endpoint ADD COLUMN older_secret_until TIMESTAMPTZ;
