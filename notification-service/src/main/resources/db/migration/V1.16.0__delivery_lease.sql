-- Which attempt holds a delivery. A claim, or the hand-off of a new delivery, takes the next lease
-- (leased = an answer is awaited); an answer changes the delivery's round only under the lease it
-- was sent with. The answer of an attempt whose lease ran out and was taken again, or that a
-- replay started a new round after, goes in the log and schedules nothing.
ALTER TABLE delivery ADD COLUMN lease INT NOT NULL DEFAULT 0;
ALTER TABLE delivery ADD COLUMN leased BOOLEAN NOT NULL DEFAULT false;
