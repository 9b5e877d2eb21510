-- Group commit: a batch of tips is inserted with JDBC batches, which IDENTITY ids prevent (Hibernate
-- must read each generated id back, one statement per row). The serial columns' sequences hand out
-- blocks of 50 instead (Hibernate's pooled ids, allocationSize 50). The column defaults stay, so
-- plain SQL inserts (CaseFollower's history steps, tools) keep working and never collide with a
-- block: each nextval is the top of a block only its caller uses.
ALTER SEQUENCE tip_history_id_seq INCREMENT BY 50;
-- service-commons' OutboxEvent uses the same pooled ids in every service (case-service V1.9.0,
-- notification-service V1.8.0).
ALTER SEQUENCE outbox_event_id_seq INCREMENT BY 50;
