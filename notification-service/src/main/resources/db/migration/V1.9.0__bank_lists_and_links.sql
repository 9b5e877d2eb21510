-- Issue 15, banks. A tip's case is kept with its reference, so that an account.reported raised after
-- case-service saw the tip names the case, and one raised before it gets a case.linked follow-up.
ALTER TABLE case_state_tip ADD COLUMN case_reference VARCHAR(40);

-- endpoint.disabled is about an endpoint, not an account.
ALTER TABLE alert ALTER COLUMN account_number DROP NOT NULL;

-- An account's alerts, for the lists' account filter.
CREATE INDEX alert_account ON alert (bank_bin, account_number);
