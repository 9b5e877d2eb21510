-- When a tip was placed in the case case_state_tip names: the time (occurredAt) of the cases.v1
-- event that put it there. Events of different cases come in any order (SPEC §4: they are on
-- different partitions), so an older event of a case a merge absorbed, read after the merge, must
-- not move the tip back: a tip moves only for an event at least as recent as the one that placed
-- it. Rows written before this column have none and move as before.
ALTER TABLE case_state_tip ADD COLUMN placed_at TIMESTAMPTZ;
