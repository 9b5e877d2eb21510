-- A batch of tips inserts its identifiers, evidence, timeline lines and assignments as JDBC
-- batches (issue 13), which IDENTITY ids prevent: Hibernate must read each generated id back, one
-- statement per row. The serial columns' sequences now hand out blocks of 50 (Hibernate's pooled
-- ids, allocationSize 50 on the entities). Each sequence stays the column's default, so plain SQL
-- inserts (the seed rows of V1.4.0, tools, tests) keep working beside any number of instances: each
-- nextval is the top of a block that only its caller uses, and a pooled block is the 49 ids below
-- a nextval. A sequence is first moved above its table's largest id, should a row ever have been
-- inserted with an explicit id.
SELECT setval('case_identifier_id_seq', max(id)) FROM case_identifier
    HAVING max(id) > (SELECT last_value FROM case_identifier_id_seq);
SELECT setval('identifier_evidence_id_seq', max(id)) FROM identifier_evidence
    HAVING max(id) > (SELECT last_value FROM identifier_evidence_id_seq);
SELECT setval('case_timeline_id_seq', max(id)) FROM case_timeline
    HAVING max(id) > (SELECT last_value FROM case_timeline_id_seq);
SELECT setval('case_assignment_id_seq', max(id)) FROM case_assignment
    HAVING max(id) > (SELECT last_value FROM case_assignment_id_seq);
ALTER SEQUENCE case_identifier_id_seq INCREMENT BY 50;
ALTER SEQUENCE identifier_evidence_id_seq INCREMENT BY 50;
ALTER SEQUENCE case_timeline_id_seq INCREMENT BY 50;
ALTER SEQUENCE case_assignment_id_seq INCREMENT BY 50;

-- Hibernate orders a flush's inserts table by table (hibernate.order_inserts), so that each table's
-- rows go as one batch. Our rows refer to their case by a plain column, not a mapped association,
-- so that order follows each table's first row in the flush, not the foreign keys: a tip joining an
-- existing case can put case_tip before the fraud_case a later tip of the batch opens. Foreign keys
-- are therefore checked at commit: the same guarantee, independent of the statements' order.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT c.conname, t.relname
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = current_schema() AND NOT c.condeferrable
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY DEFERRED',
                       fk.relname, fk.conname);
    END LOOP;
END $$;
