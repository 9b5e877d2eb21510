-- The whole country's police units come from the bundled administrative data (contracts'
-- io/fraudtip/contracts/places/vn-admin-units-2025.json): NationalUnits applies it at start. This
-- table records each edition of the data applied (by the file's SHA-256), so that a restart with
-- the same file changes nothing (not even a name an operator edited through the API), and a newer
-- file adds its new units and updates names once.
CREATE TABLE unit_data_edition (
    digest          VARCHAR(64)  PRIMARY KEY,
    provinces       INT          NOT NULL,
    communes        INT          NOT NULL,
    units_added     INT          NOT NULL,
    units_renamed   INT          NOT NULL,
    applied_at      TIMESTAMPTZ  NOT NULL
);

-- Every province now has its units: R-PROVINCE covers the whole country and R-FALLBACK is left for
-- a province code without units (none in the data). Descriptions only, and only where an operator
-- has not rewritten them.
UPDATE routing_rule SET description = 'Anything else: the province''s cyber division'
 WHERE id = 'R-PROVINCE' AND description = 'Anything else in a seeded province: the province''s cyber division';
UPDATE routing_rule SET description = 'A province without units (no such code in the data): the ministry''s cyber-crime department'
 WHERE id = 'R-FALLBACK' AND description = 'A province without seeded units: the ministry''s cyber-crime department';

-- A fraud of none of the online kinds the platform names goes to the province's criminal police,
-- like renting out accounts and loan apps (R-MULE-ACCOUNTS); the online kinds stay with the cyber
-- division (R-PROVINCE). After R-SMALL-LOCAL: a small local loss still goes to the commune police.
INSERT INTO routing_rule (id, position, description, scam_types, target_unit) VALUES
 ('R-OTHER-CRIME', 75, 'A fraud of none of the online kinds: the province''s criminal police',
  'OTHER', 'PC02-{province}')
ON CONFLICT (id) DO NOTHING;
