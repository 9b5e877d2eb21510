-- Case-service schema: police units (a tree) and routing rules as data, the allow-list, cases with
-- their tips, identifiers, assignments and timeline, bank answers and disputes.

CREATE TABLE police_unit (
    code            VARCHAR(40)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    level           VARCHAR(20)  NOT NULL,
    parent_code     VARCHAR(40)  REFERENCES police_unit (code),
    -- Materialised path, e.g. '/BCA/CAT-66/PA05-66/': a unit sees the cases of every unit whose
    -- path starts with its own.
    path            VARCHAR(400) NOT NULL,
    province_code   VARCHAR(2),
    commune_code    VARCHAR(5),
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX police_unit_path ON police_unit (path varchar_pattern_ops);

CREATE TABLE routing_rule (
    id                  VARCHAR(40)  PRIMARY KEY,
    position            INT          NOT NULL,
    description         VARCHAR(300) NOT NULL,
    -- Conditions; a null condition matches anything.
    scam_types          VARCHAR(400),
    min_total_loss_vnd  BIGINT,
    max_total_loss_vnd  BIGINT,
    min_victims         INT,
    min_provinces       INT,
    foreign_identifier  BOOLEAN,
    crypto_wallet       BOOLEAN,
    province_code       VARCHAR(2),
    commune_code        VARCHAR(5),
    -- A unit code, or a template naming the case's place: 'PA05-{province}', 'CAX-{commune}'.
    target_unit         VARCHAR(60)  NOT NULL,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX routing_rule_position ON routing_rule (position) WHERE active;

CREATE TABLE allow_listed_identifier (
    type            VARCHAR(20)  NOT NULL,
    value           VARCHAR(400) NOT NULL,
    note            VARCHAR(200),
    PRIMARY KEY (type, value)
);

CREATE TABLE fraud_case (
    id                  UUID         PRIMARY KEY,
    reference           VARCHAR(40)  NOT NULL UNIQUE,
    stage               VARCHAR(20)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    closure             VARCHAR(20),
    unit_code           VARCHAR(40)  REFERENCES police_unit (code),
    rule_id             VARCHAR(40),
    priority            INT          NOT NULL,
    scam_type           VARCHAR(40)  NOT NULL,
    province_code       VARCHAR(2)   NOT NULL,
    commune_code        VARCHAR(5),
    victims             INT          NOT NULL,
    provinces           INT          NOT NULL,
    total_loss_vnd      BIGINT       NOT NULL,
    latest_transfer_at  TIMESTAMPTZ,
    foreign_identifier  BOOLEAN      NOT NULL,
    crypto_wallet       BOOLEAN      NOT NULL,
    frozen_vnd          BIGINT       NOT NULL DEFAULT 0,
    restored_vnd        BIGINT       NOT NULL DEFAULT 0,
    merged_into         UUID         REFERENCES fraud_case (id),
    opened_at           TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    assigned_at         TIMESTAMPTZ,
    acknowledged_at     TIMESTAMPTZ,
    ack_due_at          TIMESTAMPTZ,
    legal_due_at        TIMESTAMPTZ  NOT NULL,
    closed_at           TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX fraud_case_unit ON fraud_case (unit_code, priority, opened_at) WHERE merged_into IS NULL;
CREATE INDEX fraud_case_ack_due ON fraud_case (ack_due_at) WHERE ack_due_at IS NOT NULL;
CREATE INDEX fraud_case_legal_due ON fraud_case (legal_due_at) WHERE closed_at IS NULL;

CREATE TABLE case_tip (
    tip_id              UUID         PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES fraud_case (id),
    received_at         TIMESTAMPTZ  NOT NULL,
    province_code       VARCHAR(2)   NOT NULL,
    commune_code        VARCHAR(5),
    scam_type           VARCHAR(40)  NOT NULL,
    trust               VARCHAR(40)  NOT NULL,
    amount_lost_vnd     BIGINT       NOT NULL,
    latest_transfer_at  TIMESTAMPTZ,
    payload             TEXT         NOT NULL
);
CREATE INDEX case_tip_case ON case_tip (case_id);
CREATE INDEX case_tip_received ON case_tip (received_at);

-- One identifier belongs to one case: the unique key is what links tips and what the watchlist
-- looks up.
CREATE TABLE case_identifier (
    id                  BIGSERIAL    PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES fraud_case (id),
    type                VARCHAR(20)  NOT NULL,
    value               VARCHAR(400) NOT NULL,
    bank_bin            VARCHAR(10),
    foreign_number      BOOLEAN      NOT NULL DEFAULT FALSE,
    layer               INT          NOT NULL DEFAULT 1,
    report_count        INT          NOT NULL DEFAULT 0,
    identified_reports  INT          NOT NULL DEFAULT 0,
    first_reported_at   TIMESTAMPTZ  NOT NULL,
    last_reported_at    TIMESTAMPTZ  NOT NULL,
    delisted_at         TIMESTAMPTZ,
    UNIQUE (type, value)
);
CREATE INDEX case_identifier_case ON case_identifier (case_id);

CREATE TABLE case_assignment (
    id                  BIGSERIAL    PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES fraud_case (id),
    unit_code           VARCHAR(40)  NOT NULL,
    rule_id             VARCHAR(40),
    reason              VARCHAR(20)  NOT NULL,
    actor               VARCHAR(100) NOT NULL,
    assigned_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_assignment_case ON case_assignment (case_id);

CREATE TABLE case_timeline (
    id                  BIGSERIAL     PRIMARY KEY,
    case_id             UUID          NOT NULL REFERENCES fraud_case (id),
    at                  TIMESTAMPTZ   NOT NULL,
    kind                VARCHAR(40)   NOT NULL,
    actor               VARCHAR(100)  NOT NULL,
    unit_code           VARCHAR(40),
    rule_id             VARCHAR(40),
    detail              VARCHAR(4000)
);
CREATE INDEX case_timeline_case ON case_timeline (case_id, id);

CREATE TABLE bank_response (
    response_id         UUID         PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES fraud_case (id),
    bank_bin            VARCHAR(10)  NOT NULL,
    account_number      VARCHAR(64)  NOT NULL,
    layer               INT          NOT NULL,
    outcome             VARCHAR(20)  NOT NULL,
    frozen_vnd          BIGINT       NOT NULL,
    restored_vnd        BIGINT       NOT NULL,
    responded_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bank_response_case ON bank_response (case_id);

CREATE TABLE dispute (
    id                  UUID          PRIMARY KEY,
    case_id             UUID          NOT NULL REFERENCES fraud_case (id),
    identifier_id       BIGINT        NOT NULL REFERENCES case_identifier (id),
    filed_by            VARCHAR(40)   NOT NULL,
    bank_bin            VARCHAR(10),
    reason              VARCHAR(2000) NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    filed_at            TIMESTAMPTZ   NOT NULL,
    decided_at          TIMESTAMPTZ,
    decided_by          VARCHAR(100),
    decision_note       VARCHAR(2000)
);
CREATE INDEX dispute_case ON dispute (case_id);
