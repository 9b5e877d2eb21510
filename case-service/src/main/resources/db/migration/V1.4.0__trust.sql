-- The trust model (SPEC §10): what is known of each identifier, row by row, so that the watchlist,
-- the priority and the review of disputed identifiers count independent sources, not tips.

-- One row per piece of evidence on one identifier: a report (with its tip's pseudonymous source), a
-- police or bank confirmation, a bank's trace, a rejection (case closed unfounded, dispute upheld),
-- a review asked for or ended. Never updated except to follow a merged case; never deleted (a
-- rejection counts the reports before it as rejected).
CREATE TABLE identifier_evidence (
    id                  BIGSERIAL    PRIMARY KEY,
    type                VARCHAR(20)  NOT NULL,
    value               VARCHAR(400) NOT NULL,
    kind                VARCHAR(20)  NOT NULL,
    at                  TIMESTAMPTZ  NOT NULL,
    case_id             UUID         REFERENCES fraud_case (id),
    tip_id              UUID,
    reporter_key        VARCHAR(64),
    client_key          VARCHAR(64),
    address_key         VARCHAR(64),
    verified            BOOLEAN      NOT NULL DEFAULT FALSE,
    with_transfers      BOOLEAN      NOT NULL DEFAULT FALSE,
    actor               VARCHAR(100),
    layer               INT,
    note                VARCHAR(40)
);
CREATE INDEX identifier_evidence_key ON identifier_evidence (type, value, at);
CREATE INDEX identifier_evidence_case ON identifier_evidence (case_id);

-- Closed means closed: the identifiers of a case closed as unfounded are retired (they stay in the
-- case, link nothing and list nothing); a new tip naming them opens a new case that refers to it.
ALTER TABLE case_identifier ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE case_identifier DROP CONSTRAINT case_identifier_type_value_key;
CREATE UNIQUE INDEX case_identifier_live ON case_identifier (type, value) WHERE retired_at IS NULL;
CREATE INDEX case_identifier_retired ON case_identifier (type, value) WHERE retired_at IS NOT NULL;
ALTER TABLE fraud_case ADD COLUMN refers_to_case_id UUID REFERENCES fraud_case (id);

-- An identifier delisted by an upheld dispute that a new independent report names again: open
-- review for the deciding unit, until it confirms (relists) or dismisses.
ALTER TABLE case_identifier ADD COLUMN review_requested_at TIMESTAMPTZ;

-- Evidence of what was stored before: each tip's identifiers and paid accounts (no source known:
-- each old tip counts as a source of its own), confirmations, traces and rejections.
INSERT INTO identifier_evidence (type, value, kind, at, case_id, tip_id, with_transfers)
SELECT DISTINCT ON (t.tip_id, x.type, x.value)
       x.type, x.value, 'REPORT', t.received_at, t.case_id, t.tip_id, x.with_transfers
FROM case_tip t
CROSS JOIN LATERAL (
    SELECT e ->> 'type' AS type, e ->> 'value' AS value,
           jsonb_array_length(coalesce(t.payload::jsonb -> 'transfers', '[]'::jsonb)) > 0
               AS with_transfers
    FROM jsonb_array_elements(coalesce(t.payload::jsonb -> 'identifiers', '[]'::jsonb)) e
    UNION ALL
    SELECT 'BANK_ACCOUNT', (tr ->> 'bankBin') || ':' || (tr ->> 'accountNumber'), TRUE
    FROM jsonb_array_elements(coalesce(t.payload::jsonb -> 'transfers', '[]'::jsonb)) tr
) x
WHERE EXISTS (SELECT 1 FROM case_identifier i WHERE i.type = x.type AND i.value = x.value)
ORDER BY t.tip_id, x.type, x.value, x.with_transfers DESC;

INSERT INTO identifier_evidence (type, value, kind, at, case_id, actor, layer)
SELECT i.type, i.value, 'TRACED', i.first_reported_at, i.case_id, NULL, i.layer
FROM case_identifier i WHERE i.layer > 1;

INSERT INTO identifier_evidence (type, value, kind, at, case_id, actor, note)
SELECT i.type, i.value, CASE c.closure WHEN 'CONFIRMED' THEN 'POLICE_CONFIRMED' ELSE 'REJECTED' END,
       c.closed_at, c.id, c.unit_code, CASE c.closure WHEN 'UNFOUNDED' THEN 'UNFOUNDED' END
FROM case_identifier i JOIN fraud_case c ON c.id = i.case_id
WHERE c.closure IS NOT NULL AND c.closed_at IS NOT NULL AND i.delisted_at IS NULL;

INSERT INTO identifier_evidence (type, value, kind, at, case_id, actor, note)
SELECT i.type, i.value, 'REJECTED', d.decided_at, d.case_id, c.unit_code, 'DISPUTE_UPHELD'
FROM dispute d JOIN case_identifier i ON i.id = d.identifier_id JOIN fraud_case c ON c.id = d.case_id
WHERE d.status = 'UPHELD' AND d.decided_at IS NOT NULL;

UPDATE case_identifier i SET retired_at = coalesce(c.closed_at, now())
FROM fraud_case c WHERE c.id = i.case_id AND c.closure = 'UNFOUNDED';
