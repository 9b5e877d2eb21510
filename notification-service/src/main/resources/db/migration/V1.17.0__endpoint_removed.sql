-- An endpoint its bank (or an operator) removed after it delivered stays for its delivery log, but
-- is gone: no listing shows it, no change revives it, and its pending deliveries are closed.
ALTER TABLE bank_endpoint ADD COLUMN removed_at TIMESTAMPTZ;

-- Endpoints removed before: inactive, disabled by their bank or an operator, whose last notice to
-- the operators says so ("… Removed by the bank."). Their deliveries under way end as failed.
UPDATE bank_endpoint e SET removed_at = n.created_at
FROM (SELECT DISTINCT ON (endpoint_id) endpoint_id, message, created_at FROM operator_notice
      WHERE kind = 'ENDPOINT_DISABLED' AND endpoint_id IS NOT NULL
      ORDER BY endpoint_id, created_at DESC) n
WHERE n.endpoint_id = e.id AND NOT e.active AND e.disabled_reason = 'BY_USER'
  AND n.message LIKE '% Removed by %';
UPDATE delivery d SET state = 'FAILED', next_attempt_at = NULL, leased = false,
       completed_at = now(), last_error = 'The endpoint was removed'
FROM bank_endpoint e
WHERE e.id = d.endpoint_id AND e.removed_at IS NOT NULL AND d.state = 'PENDING';
