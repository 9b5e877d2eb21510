-- service-commons' OutboxEvent takes pooled ids (blocks of 50) instead of IDENTITY, so that the
-- rows one transaction writes go to the database as one JDBC batch (intake's group commit, issue
-- 13). The column default stays, so plain SQL inserts keep working and never collide with a block.
ALTER SEQUENCE outbox_event_id_seq INCREMENT BY 50;
