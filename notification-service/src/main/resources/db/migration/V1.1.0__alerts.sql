-- One alert per (source event, bank account): what a bank is told about one of its accounts.
CREATE TABLE alert (
    id              UUID         PRIMARY KEY,
    event_type      VARCHAR(40)  NOT NULL,
    bank_bin        VARCHAR(8)   NOT NULL,
    account_number  VARCHAR(40)  NOT NULL,
    tip_id          UUID,
    case_id         UUID,
    layer           INT          NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ  NOT NULL,
    payload         TEXT         NOT NULL,
    UNIQUE (event_type, tip_id, bank_bin, account_number)
);
CREATE INDEX alert_bank ON alert (bank_bin, created_at);

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
