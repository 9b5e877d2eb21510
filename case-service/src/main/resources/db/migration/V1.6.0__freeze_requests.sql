-- Freezes come from police only (SPEC §10): a unit's freeze request, with an optional standing
-- order to follow the money trail; each account it asked to freeze with its bounded hold; and the
-- accounts banks' answers traced, with what reached them, so that a later hold names the amount.

CREATE TABLE freeze_request (
    id                  UUID          PRIMARY KEY,
    case_id             UUID          NOT NULL REFERENCES fraud_case (id),
    unit_code           VARCHAR(40)   NOT NULL,
    requested_by        VARCHAR(200)  NOT NULL,
    requested_at        TIMESTAMPTZ   NOT NULL,
    note                VARCHAR(2000),
    -- The standing order: while trail_until is ahead, accounts traced up to max_layer are asked
    -- to freeze under this request.
    follow_trail        BOOLEAN       NOT NULL,
    max_layer           INT,
    trail_until         TIMESTAMPTZ
);
CREATE INDEX freeze_request_case ON freeze_request (case_id);

CREATE TABLE account_freeze (
    id                  UUID          PRIMARY KEY,
    request_id          UUID          NOT NULL REFERENCES freeze_request (id),
    case_id             UUID          NOT NULL REFERENCES fraud_case (id),
    bank_bin            VARCHAR(10)   NOT NULL,
    account_number      VARCHAR(64)   NOT NULL,
    layer               INT           NOT NULL,
    by_standing_order   BOOLEAN       NOT NULL,
    -- What reached the account as far as the case knows; null when it does not.
    hold_amount_vnd     BIGINT,
    hold_expires_at     TIMESTAMPTZ   NOT NULL,
    requested_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX account_freeze_request ON account_freeze (request_id);
CREATE INDEX account_freeze_case ON account_freeze (case_id);

CREATE TABLE account_trace (
    id                  UUID          PRIMARY KEY,
    case_id             UUID          NOT NULL REFERENCES fraud_case (id),
    bank_bin            VARCHAR(10)   NOT NULL,
    account_number      VARCHAR(64)   NOT NULL,
    layer               INT           NOT NULL,
    traced_by_bin       VARCHAR(10)   NOT NULL,
    amount_vnd          BIGINT        NOT NULL,
    traced_at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX account_trace_case ON account_trace (case_id);
