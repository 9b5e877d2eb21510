-- The answer that traced the money: an answer sent again or corrected supersedes the earlier one
-- (bank_response.superseded_at), and a hold counts only the traces of current answers. Null for
-- traces stored before, which keep counting.
ALTER TABLE account_trace ADD COLUMN response_id UUID;
