-- Shared by every service: events leave through the outbox, and consumers remember what they
-- have processed so that a redelivered event has no second effect.
CREATE TABLE outbox_event (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    topic         VARCHAR(100) NOT NULL,
    record_key    VARCHAR(100) NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    published_at  TIMESTAMPTZ
);
-- The relay reads only the unsent rows, in order.
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    event_id      UUID         NOT NULL,
    consumer      VARCHAR(100) NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (event_id, consumer)
);
