-- Webhook signing secrets are sealed at rest (AES-256-GCM under fraudtip.webhooks.secret-key, by the
-- service: SigningSecrets). The columns say so and make room for the nonce, tag and Base64; secrets
-- written in the clear before are sealed by the service at start-up (SecretSealing).
ALTER TABLE bank_endpoint RENAME COLUMN secret TO secret_sealed;
ALTER TABLE bank_endpoint RENAME COLUMN previous_secret TO previous_secret_sealed;
ALTER TABLE bank_endpoint ALTER COLUMN secret_sealed TYPE VARCHAR(400);
ALTER TABLE bank_endpoint ALTER COLUMN previous_secret_sealed TYPE VARCHAR(400);
