-- Alert deliveries (alert-deliveries.v1), the complex-case legal clock and the allow-list's
-- operator fields.

-- The first successful delivery of each alert to its bank. case_id stays null while the tip the
-- alert came from has not reached this service yet (notification-service reads tips.v1 too, so its
-- delivery can overtake our own consumption of the tip); the tip's arrival fills it in.
CREATE TABLE alert_delivery (
    alert_id            UUID         PRIMARY KEY,
    event_id            UUID         NOT NULL,
    case_id             UUID         REFERENCES fraud_case (id),
    tip_id              UUID,
    webhook_type        VARCHAR(60),
    bank_bin            VARCHAR(10)  NOT NULL,
    account_number      VARCHAR(64)  NOT NULL,
    layer               INT          NOT NULL,
    triggered_at        TIMESTAMPTZ  NOT NULL,
    delivered_at        TIMESTAMPTZ  NOT NULL,
    attempts            INT          NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX alert_delivery_case ON alert_delivery (case_id);
CREATE INDEX alert_delivery_pending_tip ON alert_delivery (tip_id) WHERE case_id IS NULL;
CREATE INDEX alert_delivery_delivered ON alert_delivery (delivered_at);

-- Which alert a bank answered, so that the time to the answer can be measured from the delivery
-- whichever of the two events arrives first. Null for answers stored before this column.
ALTER TABLE bank_response ADD COLUMN alert_id UUID;
CREATE INDEX bank_response_alert ON bank_response (alert_id);

-- Criminal Procedure Code 2015 art. 147: a complex report gets up to two months from receipt,
-- extendable once by two months.
ALTER TABLE fraud_case ADD COLUMN complex_at TIMESTAMPTZ;
ALTER TABLE fraud_case ADD COLUMN legal_extended_at TIMESTAMPTZ;

-- Who put an identifier on the allow-list, when and why (null for the seed rows).
ALTER TABLE allow_listed_identifier ADD COLUMN added_by VARCHAR(100);
ALTER TABLE allow_listed_identifier ADD COLUMN added_at TIMESTAMPTZ;
