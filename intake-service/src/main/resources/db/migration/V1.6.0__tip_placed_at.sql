-- When a tip was placed in the case it names: the time (occurredAt) of the cases.v1 event that
-- placed it. Events of one case come in order, of two cases not: after a merge, a late event of
-- the absorbed case must not move the tip back to it.
ALTER TABLE tip ADD COLUMN case_placed_at TIMESTAMPTZ;
