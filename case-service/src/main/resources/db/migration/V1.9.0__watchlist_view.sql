-- When each evidence row was written, by the database's clock at insert (not the evidence's own
-- time `at`, which may be older): the watchlist's in-memory view of listed identifiers polls the
-- rows written since its last poll, by any instance or set-based writer. Not mapped by Hibernate:
-- the default fills it on every insert.
ALTER TABLE identifier_evidence ADD COLUMN recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp();
CREATE INDEX identifier_evidence_recorded ON identifier_evidence (recorded_at);
