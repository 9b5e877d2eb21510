-- One current answer per alert (SPEC §10), in each of two lines: what the bank did with the money
-- (every outcome but RESTORED) and what it returned (RESTORED). A new answer supersedes the current
-- one of its line; earlier rows stay as history (the timeline keeps every answer). Case totals and
-- statistics count current answers only, so that the same answer sent again counts once. Answers
-- stored before alert ids were kept (alert_id null) stay current.
ALTER TABLE bank_response ADD COLUMN superseded_by UUID;
ALTER TABLE bank_response ADD COLUMN superseded_at TIMESTAMPTZ;
UPDATE bank_response r
   SET superseded_at = later.responded_at, superseded_by = later.response_id
  FROM bank_response later
 WHERE later.alert_id = r.alert_id
   AND (later.outcome = 'RESTORED') = (r.outcome = 'RESTORED')
   AND (later.responded_at, later.response_id) > (r.responded_at, r.response_id)
   AND NOT EXISTS (
       SELECT 1 FROM bank_response mid
        WHERE mid.alert_id = r.alert_id
          AND (mid.outcome = 'RESTORED') = (r.outcome = 'RESTORED')
          AND (mid.responded_at, mid.response_id) > (r.responded_at, r.response_id)
          AND (mid.responded_at, mid.response_id) < (later.responded_at, later.response_id));
-- A held amount counts only where the outcome holds money, a restored one only for RESTORED.
UPDATE bank_response SET frozen_vnd = 0 WHERE outcome NOT IN ('FROZEN', 'PARTLY_FROZEN');
UPDATE bank_response SET restored_vnd = 0 WHERE outcome <> 'RESTORED';
CREATE INDEX bank_response_current ON bank_response (alert_id) WHERE superseded_at IS NULL;
-- Totals inflated by answers sent more than once are recounted from the current answers.
UPDATE fraud_case c
   SET frozen_vnd = t.frozen, restored_vnd = t.restored
  FROM (SELECT case_id, sum(frozen_vnd) AS frozen, sum(restored_vnd) AS restored
          FROM bank_response WHERE superseded_at IS NULL GROUP BY case_id) t
 WHERE t.case_id = c.id;
