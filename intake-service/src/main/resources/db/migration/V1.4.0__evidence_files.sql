-- Files a reporter attached to their tip with its tracking code (screenshots, transfer receipts,
-- PDFs). The type is what the bytes are (detected), never what the upload claimed; the SHA-256 lets
-- a prosecutor check that a copy is the file that was received.
CREATE TABLE evidence_file (
    id            UUID          PRIMARY KEY,
    tip_id        UUID          NOT NULL REFERENCES tip (id),
    name          VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    uploader      VARCHAR(10)   NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL,
    content       BYTEA         NOT NULL
);
CREATE INDEX evidence_file_tip ON evidence_file (tip_id, uploaded_at);
