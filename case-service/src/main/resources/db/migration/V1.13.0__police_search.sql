-- The police search finds a case by a tip's tracking code, which case_tip keeps in the tips.v1
-- payload it received: an index on the same expression the search uses.
CREATE INDEX case_tip_tracking_code ON case_tip ((payload::jsonb ->> 'trackingCode'));
