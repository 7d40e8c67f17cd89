-- Idempotency keys are forgotten after 24 hours (gateway/http/Idempotency): the hourly sweep finds them by age.
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
