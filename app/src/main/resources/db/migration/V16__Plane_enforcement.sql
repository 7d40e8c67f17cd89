-- Data-plane enforcement across gateways sharing one database (issue 12 §2 and §4). Each gateway node admits and
-- meters requests from what it reserved here, so the common path never waits on the database, and the sum of what
-- every node reserved never exceeds the limit or the spendable credits.

-- Rate-limit grants: how many requests of one window a node may admit. subject is 'key:<id>' or 'acct:<id>'; kind is
-- rpm (bucket = minute since the epoch), rpd (bucket = UTC day since the epoch) or con (concurrency, bucket 0).
-- The grants of one subject and window never add up to more than its limit (taken under the account's row lock).
-- rpm/rpd grants count until their window has passed (expires_at, then swept); concurrency slots count while their
-- node is alive (plane_nodes.seen_at is recent), so a dead node's slots go back.
CREATE TABLE rate_grants (
    subject     VARCHAR(60)  NOT NULL,
    kind        VARCHAR(3)   NOT NULL,
    bucket      BIGINT       NOT NULL,
    node_id     VARCHAR(64)  NOT NULL,
    granted     INTEGER      NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject, kind, bucket, node_id),
    CONSTRAINT rate_grants_kind_check CHECK (kind IN ('rpm', 'rpd', 'con')),
    CONSTRAINT rate_grants_granted_check CHECK (granted >= 0)
);
-- the sweep that forgets past windows and expired slots
CREATE INDEX rate_grants_expires_idx ON rate_grants (expires_at);

-- The gateway nodes serving the data plane and when each last said it is alive (every 250 ms). A heartbeat row of its
-- own, so staying alive never touches rows another transaction holds.
CREATE TABLE plane_nodes (
    node_id  VARCHAR(64)  PRIMARY KEY,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Credit leases: spendable credit a node has set aside for an account and not yet debited (served and waiting for
-- the write-behind flush, reserved for a video, or not used yet). Taken under the account's row lock, so the leases
-- of all nodes never exceed the spendable credit. A dead node's lease lapses at expires_at (its unflushed usage is
-- lost, never double-spent).
CREATE TABLE credit_leases (
    account_id  VARCHAR(40)    NOT NULL,
    node_id     VARCHAR(64)    NOT NULL,
    amount      DECIMAL(20,6)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, node_id),
    CONSTRAINT credit_leases_amount_check CHECK (amount >= 0)
);
CREATE INDEX credit_leases_expires_idx ON credit_leases (expires_at);
