-- Case work by hand: an identifier a police unit entered (found during its investigation) names the
-- unit; null for those a tip named first or a bank's answer traced.
ALTER TABLE case_identifier ADD COLUMN entered_by VARCHAR(40);
