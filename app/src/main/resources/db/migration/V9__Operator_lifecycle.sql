-- Operators managed through the API (issue 13): a version for If-Match, when each was last seen, and the age of its
-- token. Deactivation keeps using the disabled column, which authentication already checks.
ALTER TABLE operators ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE operators ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE operators ADD COLUMN token_created_at TIMESTAMP WITH TIME ZONE;
UPDATE operators SET token_created_at = created_at;
ALTER TABLE operators ALTER COLUMN token_created_at SET NOT NULL;
