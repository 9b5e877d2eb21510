-- A citizen's tip as accepted. Reporter personal data lives only in reporter_sealed (encrypted).
CREATE TABLE tip (
    id                UUID         PRIMARY KEY,
    tracking_code     VARCHAR(16)  NOT NULL UNIQUE,
    status            VARCHAR(20)  NOT NULL,
    channel           VARCHAR(20)  NOT NULL,
    trust_level       VARCHAR(30)  NOT NULL,
    scam_type         VARCHAR(40)  NOT NULL,
    province_code     VARCHAR(2)   NOT NULL,
    commune_code      VARCHAR(5),
    occurred_at       TIMESTAMPTZ  NOT NULL,
    amount_lost_vnd   BIGINT       NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    case_reference    VARCHAR(40),
    -- The normalised tip as published on tips.v1 (no reporter data).
    event_payload     TEXT         NOT NULL,
    reporter_sealed   BYTEA,
    version           BIGINT       NOT NULL DEFAULT 0
);

-- What the citizen sees of a tip's life: public statuses and notes only.
CREATE TABLE tip_history (
    id          BIGSERIAL    PRIMARY KEY,
    tip_id      UUID         NOT NULL REFERENCES tip (id),
    status      VARCHAR(20)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    note        VARCHAR(200)
);
CREATE INDEX tip_history_tip ON tip_history (tip_id, at);

-- The first answer to a POST with an Idempotency-Key, written in the tip's transaction; rows older
-- than fraudtip.intake.idempotency.expiry are forgotten.
CREATE TABLE idempotency_key (
    idem_key    VARCHAR(100) PRIMARY KEY,
    body_hash   VARCHAR(64)  NOT NULL,
    tip_id      UUID         NOT NULL REFERENCES tip (id),
    response    TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
