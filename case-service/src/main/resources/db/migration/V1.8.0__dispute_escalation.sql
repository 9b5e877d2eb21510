-- Disputes escalate (SPEC §10, "The holder is told why"): a dispute its deciding unit lets pass its
-- deadline goes to the parent unit with a new deadline; the top unit keeps it, flagged overdue.
-- Routing counts independent sources, not tips (issue 12): one caller repeating a tip is one victim.

-- deciding_unit: null while the case's unit decides (it follows the case's transfers and merges);
-- set by an escalation. escalations/escalated_from/escalated_at: the last escalation and how many
-- (each one is also a line of the case's timeline). overdue_at: the top unit let the deadline pass.
ALTER TABLE dispute
    ADD COLUMN deciding_unit  VARCHAR(40)  REFERENCES police_unit (code),
    ADD COLUMN decide_by      TIMESTAMPTZ,
    ADD COLUMN escalations    INT          NOT NULL DEFAULT 0,
    ADD COLUMN escalated_from VARCHAR(40),
    ADD COLUMN escalated_at   TIMESTAMPTZ,
    ADD COLUMN overdue_at     TIMESTAMPTZ;

-- Open disputes filed before: the deadline they were told (the default decision time, 7 days).
UPDATE dispute SET decide_by = filed_at + INTERVAL '7 days' WHERE status = 'OPEN';

-- The escalation job looks for open disputes past their deadline.
CREATE INDEX dispute_open_due ON dispute (decide_by) WHERE status = 'OPEN' AND overdue_at IS NULL;

-- Independent sources of a case's reports, as the trust model counts them (TipLinking.recompute):
-- what routing's minVictims compares with. Cases stored before count their tips until their next
-- tip recomputes them (only a new tip re-routes a case).
ALTER TABLE fraud_case ADD COLUMN independent_sources INT NOT NULL DEFAULT 0;
UPDATE fraud_case SET independent_sources = victims;
