-- Files a police unit attached to a case (citizens' files stay in intake, with their tips). The type
-- is what the bytes are (detected), the SHA-256 lets a court check a copy. Rows follow a merge.
CREATE TABLE case_evidence (
    id            UUID          PRIMARY KEY,
    case_id       UUID          NOT NULL REFERENCES fraud_case (id),
    name          VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    uploader      VARCHAR(10)   NOT NULL,
    unit_code     VARCHAR(40)   NOT NULL,
    subject       VARCHAR(200)  NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL,
    content       BYTEA         NOT NULL
);
CREATE INDEX case_evidence_case ON case_evidence (case_id, uploaded_at);
