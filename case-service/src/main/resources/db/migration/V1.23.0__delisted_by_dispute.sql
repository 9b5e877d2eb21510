-- The upheld dispute that took an identifier off the watchlist: the one disputed, and those of the
-- same site its decision took off with it (a domain's pages, a page's domain), so that a review of
-- the decision ends for all of them at once. Null for rows delisted before it was kept, and for
-- an allow-listing.
ALTER TABLE case_identifier ADD COLUMN delisted_by UUID;
CREATE INDEX case_identifier_delisted_by ON case_identifier (delisted_by)
    WHERE delisted_by IS NOT NULL;
