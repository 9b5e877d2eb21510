-- A delivery's webhook-id is made from its id (Delivery.webhookIdOf), so it is unique because the
-- primary key is. Its own unique index was read by no query and cost an entry at the delivery's
-- insert and at each update of its state (never a HOT update: the due index's predicate changes),
-- so four a tip at the bank's first answer. A check keeps the form, and with it the uniqueness;
-- NOT VALID so that the rows written before (by the same method) are not read under a lock.
ALTER TABLE delivery DROP CONSTRAINT delivery_webhook_id_key;
ALTER TABLE delivery ADD CONSTRAINT delivery_webhook_id_of_id
    CHECK (webhook_id = 'msg_' || replace(id::text, '-', '')) NOT VALID;
