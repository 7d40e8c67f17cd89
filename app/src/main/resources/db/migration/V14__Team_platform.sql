-- The team platform (issue 13): operator tokens that may expire, a canonical email for the duplicate-account check,
-- and credit grants, kept as requests so that a grant above the four-eyes threshold can wait for a second operator.

-- NULL: the token does not expire. Past it, the token gets 401 token-expired until a lead rotates it.
ALTER TABLE operators ADD COLUMN token_expires_at TIMESTAMP WITH TIME ZONE;

-- apibox §2 "one primary account": the email as the duplicate check compares it (lower case, no +tag, no dots for
-- Gmail). Written by account creation and by email edits; NULL on rows written before, which are compared by email.
ALTER TABLE accounts ADD COLUMN email_canonical VARCHAR(320);
CREATE INDEX accounts_email_canonical_idx ON accounts (email_canonical);

-- One credit grant: granted at once (lot_id set), or pending a second operator's approval above the threshold,
-- then granted or rejected. The lot and its ledger line are written when it is granted, in that transaction.
CREATE TABLE credit_grants (
    id               VARCHAR(40)    PRIMARY KEY,
    account_id       VARCHAR(40)    NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    amount           DECIMAL(20,6)  NOT NULL,
    price_paid       DECIMAL(20,6)  NOT NULL,
    currency         VARCHAR(3)     DEFAULT 'USD' NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE,
    reason           VARCHAR(2000)  NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    requested_by     VARCHAR(40)    NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(40),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_reason  VARCHAR(2000),
    lot_id           VARCHAR(40),
    version          BIGINT         DEFAULT 1 NOT NULL,
    CONSTRAINT credit_grants_kind_check CHECK (kind IN ('manual_grant', 'promotion', 'purchase')),
    CONSTRAINT credit_grants_status_check CHECK (status IN ('pending_approval', 'granted', 'rejected')),
    CONSTRAINT credit_grants_amount_check CHECK (amount > 0),
    CONSTRAINT credit_grants_price_check CHECK (price_paid >= 0)
);
-- the pending queue (status filter, newest first) and an account's grants
CREATE INDEX credit_grants_status_idx ON credit_grants (status, id DESC);
CREATE INDEX credit_grants_account_idx ON credit_grants (account_id, id DESC);
ALTER TABLE credit_grants ADD CONSTRAINT credit_grants_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
