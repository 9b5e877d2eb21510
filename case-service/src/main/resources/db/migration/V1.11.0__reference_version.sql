-- Routing rules, police units and the allow-list are held in memory by every instance
-- (RoutingTables). Any change to them, however made (the admin API, a migration, a loader, plain
-- SQL), bumps this one counter in the same transaction, so that an instance learns with one
-- primary-key read whether its copy is still current. Statement-level triggers: a bulk load bumps
-- it once per statement, not once per row.
CREATE TABLE reference_version (
    id       INT     PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO reference_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_reference_version() RETURNS trigger AS $$
BEGIN
    UPDATE reference_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER routing_rule_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_rule
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER police_unit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON police_unit
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER allow_list_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON allow_listed_identifier FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
