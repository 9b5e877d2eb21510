-- One current answer per alert (SPEC §10), in each of two lines: what the bank did with the money
-- (every outcome but RESTORED) and what it returned (RESTORED). A new answer supersedes the current
-- one of its line; the earlier rows stay, marked, as the answers' history.
ALTER TABLE alert_response ADD COLUMN superseded_by UUID;
ALTER TABLE alert_response ADD COLUMN superseded_at TIMESTAMPTZ;
UPDATE alert_response r
   SET superseded_at = later.responded_at, superseded_by = later.id
  FROM alert_response later
 WHERE later.alert_id = r.alert_id
   AND (later.outcome = 'RESTORED') = (r.outcome = 'RESTORED')
   AND (later.responded_at, later.id) > (r.responded_at, r.id)
   AND NOT EXISTS (
       SELECT 1 FROM alert_response mid
        WHERE mid.alert_id = r.alert_id
          AND (mid.outcome = 'RESTORED') = (r.outcome = 'RESTORED')
          AND (mid.responded_at, mid.id) > (r.responded_at, r.id)
          AND (mid.responded_at, mid.id) < (later.responded_at, later.id));
CREATE UNIQUE INDEX alert_response_current
    ON alert_response (alert_id, (outcome = 'RESTORED')) WHERE superseded_at IS NULL;

-- What this service knows of a case from cases.v1, to refuse answers on the alerts of a closed case
-- (either closure) or on a retracted account. An alert raised from a tip names no case: its tip is
-- mapped to the case that holds it when the case is closed or an account of it retracted.
CREATE TABLE case_state (
    case_id         UUID         PRIMARY KEY,
    case_reference  VARCHAR(40),
    closed_at       TIMESTAMPTZ,
    closure         VARCHAR(20),
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE TABLE case_state_tip (
    tip_id   UUID  PRIMARY KEY,
    case_id  UUID  NOT NULL
);
CREATE TABLE retracted_account (
    case_id         UUID         NOT NULL,
    bank_bin        VARCHAR(8)   NOT NULL,
    account_number  VARCHAR(40)  NOT NULL,
    retracted_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, bank_bin, account_number)
);
