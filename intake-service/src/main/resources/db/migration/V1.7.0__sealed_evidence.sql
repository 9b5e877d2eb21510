-- Reporters' files are personal data (screenshots of chats and bank apps, photos with their
-- metadata): sealed at rest like the reporter's contact (SPEC §4, §7), under the same key, each
-- bound to its file id. Rows stored before stay readable as they are until EvidenceSealing seals
-- them at the next start.
ALTER TABLE evidence_file ADD COLUMN sealed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX evidence_file_unsealed ON evidence_file (id) WHERE NOT sealed;
