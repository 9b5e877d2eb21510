-- An identifier the allow-list took off the watchlist is marked as such (delisted_by holds the
-- allow-list's own id, 00000000-0000-0000-0000-000000000001), so that removing the entry lists it
-- again and nothing else. Rows delisted before: those an entry still covers (itself; for a domain,
-- its sub-domains and the URLs on them) and no upheld dispute took off.
UPDATE case_identifier i
SET delisted_by = '00000000-0000-0000-0000-000000000001'
WHERE i.delisted_at IS NOT NULL
  AND i.delisted_by IS NULL
  AND i.retired_at IS NULL
  AND EXISTS (
      SELECT 1 FROM allow_listed_identifier a
      WHERE (a.type = i.type AND a.value = i.value)
         OR (a.type = 'DOMAIN' AND i.type = 'DOMAIN'
             AND right(i.value, length(a.value) + 1) = '.' || a.value)
         OR (a.type = 'DOMAIN' AND i.type = 'URL'
             AND (lower(substring(i.value FROM '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)')) = a.value
                  OR right(lower(substring(i.value FROM '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)')),
                           length(a.value) + 1) = '.' || a.value)))
  AND NOT EXISTS (SELECT 1 FROM dispute d WHERE d.identifier_id = i.id AND d.status = 'UPHELD');
