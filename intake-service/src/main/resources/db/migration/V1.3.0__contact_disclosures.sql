-- Each reporter contact intake disclosed to case-service, keyed by case-service's access-log id
-- (contact_read there): a read id is served once, and the two logs can be checked against each
-- other. No personal data here.
CREATE TABLE contact_disclosure (
    read_id         UUID          PRIMARY KEY,
    tip_id          UUID          NOT NULL REFERENCES tip (id),
    case_reference  VARCHAR(40)   NOT NULL,
    unit_code       VARCHAR(40)   NOT NULL,
    officer         VARCHAR(200)  NOT NULL,
    disclosed_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX contact_disclosure_tip ON contact_disclosure (tip_id, disclosed_at);
