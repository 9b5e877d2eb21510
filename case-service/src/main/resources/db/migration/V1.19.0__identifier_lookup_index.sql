-- A tip's identifiers are looked up live and retired at once (the retired ones name the unfounded
-- case a new one refers to), a query neither partial index can answer alone: it read the whole
-- table, a cost that grew with every tip (found by the soak's statement statistics). One index on
-- (type, value) over every row takes it; the retired rows' partial index is then redundant. The
-- live rows' unique index stays: it keeps one live row per identifier.
CREATE INDEX case_identifier_type_value ON case_identifier (type, value);
DROP INDEX case_identifier_retired;
