-- The access log of police reads of a reporter's contact (SPEC §7): who (unit and token subject),
-- when, which case and tip, why; written before intake is asked, so that a failed attempt is
-- logged too (outcome REQUESTED until intake answers). Operators read it through
-- /api/v1/admin/contact-reads. No personal data here: the contact itself is never stored.
CREATE TABLE contact_read (
    id              UUID          PRIMARY KEY,
    case_id         UUID          NOT NULL REFERENCES fraud_case (id),
    case_reference  VARCHAR(40)   NOT NULL,
    tip_id          UUID          NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    purpose         VARCHAR(20)   NOT NULL,
    read_at         TIMESTAMPTZ   NOT NULL,
    outcome         VARCHAR(20)   NOT NULL,
    outcome_at      TIMESTAMPTZ
);
CREATE INDEX contact_read_case ON contact_read (case_id, read_at);
CREATE INDEX contact_read_unit ON contact_read (unit_code, read_at);
CREATE INDEX contact_read_at ON contact_read (read_at);
