-- A bank's webhook endpoints (SPEC §6). The secret signs deliveries; during a rotation the previous
-- one signs too until previous_secret_until.
CREATE TABLE bank_endpoint (
    id                      UUID          PRIMARY KEY,
    bank_bin                VARCHAR(8)    NOT NULL,
    url                     VARCHAR(2000) NOT NULL,
    description             VARCHAR(200),
    event_types             VARCHAR(200)  NOT NULL,
    active                  BOOLEAN       NOT NULL,
    disabled_reason         VARCHAR(40),
    disabled_at             TIMESTAMPTZ,
    secret                  VARCHAR(200)  NOT NULL,
    previous_secret         VARCHAR(200),
    previous_secret_until   TIMESTAMPTZ,
    failing_since           TIMESTAMPTZ,
    last_success_at         TIMESTAMPTZ,
    created_at              TIMESTAMPTZ   NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX bank_endpoint_bank ON bank_endpoint (bank_bin);

-- Per reported account: how many tips named it and the sequence of alerts about it, so that a
-- receiver can drop an alert older than one it already has.
CREATE TABLE account_state (
    bank_bin        VARCHAR(8)   NOT NULL,
    account_number  VARCHAR(40)  NOT NULL,
    report_count    INT          NOT NULL,
    sequence        BIGINT       NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (bank_bin, account_number)
);

-- One alert per (source event, type, bank account): what a bank is told about one of its accounts.
CREATE TABLE alert (
    id               UUID         PRIMARY KEY,
    source_event_id  UUID         NOT NULL,
    event_type       VARCHAR(40)  NOT NULL,
    bank_bin         VARCHAR(8)   NOT NULL,
    account_number   VARCHAR(40)  NOT NULL,
    tip_id           UUID,
    case_id          UUID,
    layer            INT          NOT NULL DEFAULT 1,
    sequence         BIGINT       NOT NULL,
    advisory         BOOLEAN      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    payload          TEXT         NOT NULL,
    UNIQUE (source_event_id, event_type, bank_bin, account_number)
);
CREATE INDEX alert_bank ON alert (bank_bin, created_at);
CREATE INDEX alert_tip ON alert (tip_id);

-- One delivery per (alert, endpoint); its webhook_id stays the same across retries and replays.
-- Attempts are scheduled here (next_attempt_at) so that a restart loses none.
CREATE TABLE delivery (
    id               UUID         PRIMARY KEY,
    webhook_id       VARCHAR(40)  NOT NULL UNIQUE,
    alert_id         UUID         NOT NULL REFERENCES alert (id),
    endpoint_id      UUID         NOT NULL REFERENCES bank_endpoint (id),
    bank_bin         VARCHAR(8)   NOT NULL,
    event_type       VARCHAR(40)  NOT NULL,
    state            VARCHAR(12)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    total_attempts   INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status      INT,
    last_error       VARCHAR(500),
    created_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ,
    UNIQUE (alert_id, endpoint_id)
);
-- The dispatcher reads only the pending rows, per endpoint, soonest first.
CREATE INDEX delivery_due ON delivery (endpoint_id, next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX delivery_endpoint ON delivery (endpoint_id, created_at);
CREATE INDEX delivery_bank ON delivery (bank_bin, created_at);

-- The delivery log: every attempt, readable by the bank and operators.
CREATE TABLE delivery_attempt (
    id             BIGSERIAL     PRIMARY KEY,
    delivery_id    UUID          NOT NULL REFERENCES delivery (id),
    attempt        INT           NOT NULL,
    attempted_at   TIMESTAMPTZ   NOT NULL,
    latency_ms     BIGINT        NOT NULL,
    status_code    INT,
    outcome        VARCHAR(20)   NOT NULL,
    response_body  VARCHAR(1000),
    error          VARCHAR(500)
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, id);

-- What the operators must know about (an endpoint disabled...), beside the log line.
CREATE TABLE operator_notice (
    id           UUID          PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    bank_bin     VARCHAR(8),
    endpoint_id  UUID,
    message      VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX operator_notice_time ON operator_notice (created_at);

-- A bank's answers to an alert; each is also published on alert-responses.v1.
CREATE TABLE alert_response (
    id                   UUID         PRIMARY KEY,
    alert_id             UUID         NOT NULL REFERENCES alert (id),
    outcome              VARCHAR(30)  NOT NULL,
    frozen_amount_vnd    BIGINT       NOT NULL DEFAULT 0,
    restored_amount_vnd  BIGINT       NOT NULL DEFAULT 0,
    responded_by         VARCHAR(100) NOT NULL,
    responded_at         TIMESTAMPTZ  NOT NULL,
    payload              TEXT         NOT NULL
);
CREATE INDEX alert_response_alert ON alert_response (alert_id);
