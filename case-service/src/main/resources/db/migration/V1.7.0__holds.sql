-- Holds are bounded (SPEC §10): each hold a freeze request asked for runs until it expires, is
-- extended by the unit with a stated reason, or is lifted (by the unit, or by the platform when the
-- case is closed as unfounded or a dispute delists the account). Every extension is kept.

ALTER TABLE account_freeze
    -- HELD until it ends as LIFTED or EXPIRED (once: the expiry job takes only HELD rows).
    ADD COLUMN state                  VARCHAR(10)   NOT NULL DEFAULT 'HELD',
    ADD COLUMN extension_count        INT           NOT NULL DEFAULT 0,
    ADD COLUMN last_extension_reason  VARCHAR(500),
    ADD COLUMN last_extended_by       VARCHAR(200),
    ADD COLUMN last_extended_at       TIMESTAMPTZ,
    -- When and why the hold ended (LIFTED, EXPIRED), and who ended it ('system' for the platform).
    ADD COLUMN ended_at               TIMESTAMPTZ,
    ADD COLUMN ended_by               VARCHAR(200),
    ADD COLUMN end_reason             VARCHAR(500);

-- The expiry job's scan: running holds by expiry.
CREATE INDEX account_freeze_held_expiry ON account_freeze (hold_expires_at) WHERE state = 'HELD';

CREATE TABLE hold_extension (
    id                  UUID          PRIMARY KEY,
    freeze_id           UUID          NOT NULL REFERENCES account_freeze (id),
    unit_code           VARCHAR(40)   NOT NULL,
    extended_by         VARCHAR(200)  NOT NULL,
    extended_at         TIMESTAMPTZ   NOT NULL,
    reason              VARCHAR(500)  NOT NULL,
    previous_expires_at TIMESTAMPTZ   NOT NULL,
    new_expires_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX hold_extension_freeze ON hold_extension (freeze_id);
