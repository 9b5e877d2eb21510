-- Cases and the tips they hold. Routing, identifiers and the timeline come in later migrations.
CREATE TABLE fraud_case (
    id              UUID         PRIMARY KEY,
    reference       VARCHAR(40)  NOT NULL UNIQUE,
    status          VARCHAR(20)  NOT NULL,
    unit_code       VARCHAR(40),
    opened_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE case_tip (
    tip_id          UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES fraud_case (id),
    received_at     TIMESTAMPTZ  NOT NULL,
    province_code   VARCHAR(2)   NOT NULL,
    amount_lost_vnd BIGINT       NOT NULL,
    payload         TEXT         NOT NULL
);
CREATE INDEX case_tip_case ON case_tip (case_id);
