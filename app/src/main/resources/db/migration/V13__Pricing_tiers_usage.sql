-- Versioned prices, scheduled price changes and customer notices, rate-limit tiers with custom Enterprise limits,
-- scheduled limit and model-status changes, and the per-request usage records they are measured against (issue 11).
-- Portable: H2 in PostgreSQL mode and PostgreSQL. Money is DECIMAL(20,6) (DESIGN §3).

-- A change of one model's price card: the full new card, when it takes effect and why. A raise takes effect no sooner
-- than 30 days after it is scheduled unless a lead overrides (emergency), ai-visual-studio §18, apibox §3.
CREATE TABLE price_changes (
    id                VARCHAR(40)   PRIMARY KEY,
    model_id          VARCHAR(40)   NOT NULL,
    batch_id          VARCHAR(40),
    state             VARCHAR(20)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    markup            DECIMAL(20,6) NOT NULL,
    effective_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    earliest_allowed  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    author            VARCHAR(80)   NOT NULL,
    emergency         BOOLEAN       DEFAULT FALSE NOT NULL,
    applied_at        TIMESTAMP WITH TIME ZONE,
    cancelled_at      TIMESTAMP WITH TIME ZONE,
    cancelled_by      VARCHAR(80),
    cancel_reason     VARCHAR(2000),
    CONSTRAINT price_changes_state_check CHECK (state IN ('scheduled', 'applied', 'cancelled')),
    CONSTRAINT price_changes_kind_check CHECK (kind IN ('unchanged', 'decrease', 'raise', 'mixed')),
    CONSTRAINT price_changes_markup_check CHECK (markup > 0)
);
-- the list (newest first) and its state and model filters; the sweep finds due changes by (state, effective_at)
CREATE INDEX price_changes_state_idx ON price_changes (state, id DESC);
CREATE INDEX price_changes_model_idx ON price_changes (model_id, id DESC);
CREATE INDEX price_changes_due_idx ON price_changes (state, effective_at);
CREATE INDEX price_changes_batch_idx ON price_changes (batch_id);
ALTER TABLE price_changes ADD CONSTRAINT price_changes_model_fk FOREIGN KEY (model_id) REFERENCES models (id);

-- The new card of a change, line by line, with the line it replaces as the preview showed it (null: an added line).
CREATE TABLE price_change_lines (
    change_id  VARCHAR(40)   NOT NULL,
    position   INTEGER       NOT NULL,
    unit       VARCHAR(20)   NOT NULL,
    variant    VARCHAR(40),
    old_base   DECIMAL(20,6),
    old_api    DECIMAL(20,6),
    base       DECIMAL(20,6) NOT NULL,
    api        DECIMAL(20,6) NOT NULL,
    PRIMARY KEY (change_id, position),
    CONSTRAINT price_change_lines_base_check CHECK (base >= 0 AND api >= 0)
);
ALTER TABLE price_change_lines ADD CONSTRAINT price_change_lines_change_fk FOREIGN KEY (change_id) REFERENCES price_changes (id);

-- The price history: each card a model had and when it was in force, [valid_from, valid_to). valid_from null means
-- "since the model was listed"; valid_to null means "still in force". Answers "what did this cost on date X".
CREATE TABLE price_versions (
    id          VARCHAR(40)   PRIMARY KEY,
    model_id    VARCHAR(40)   NOT NULL,
    valid_from  TIMESTAMP WITH TIME ZONE,
    valid_to    TIMESTAMP WITH TIME ZONE,
    markup      DECIMAL(20,6) NOT NULL,
    change_id   VARCHAR(40),
    emergency   BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX price_versions_model_idx ON price_versions (model_id, valid_from);
ALTER TABLE price_versions ADD CONSTRAINT price_versions_model_fk FOREIGN KEY (model_id) REFERENCES models (id);

CREATE TABLE price_version_lines (
    version_id  VARCHAR(40)   NOT NULL,
    position    INTEGER       NOT NULL,
    unit        VARCHAR(20)   NOT NULL,
    variant     VARCHAR(40),
    base        DECIMAL(20,6) NOT NULL,
    api         DECIMAL(20,6) NOT NULL,
    PRIMARY KEY (version_id, position)
);
ALTER TABLE price_version_lines ADD CONSTRAINT price_version_lines_version_fk FOREIGN KEY (version_id) REFERENCES price_versions (id);

-- What a mailer would send: one row per account that used the model in the 90 days before a raise was scheduled.
CREATE TABLE price_notices (
    id            VARCHAR(40)   PRIMARY KEY,
    change_id     VARCHAR(40)   NOT NULL,
    account_id    VARCHAR(40)   NOT NULL,
    model_id      VARCHAR(40)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    summary       VARCHAR(4000) NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    emergency     BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX price_notices_change_idx ON price_notices (change_id, id DESC);
CREATE INDEX price_notices_account_idx ON price_notices (account_id, id DESC);
CREATE INDEX price_notices_model_idx ON price_notices (model_id, id DESC);

-- One row per priced line of a request (a chat request has an input and an output line; first_line marks the row
-- that counts the request). The data plane writes these; cost = quantity × unit_price in force (per 1M for tokens).
CREATE TABLE usage_records (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    request_id     VARCHAR(40)   NOT NULL,
    account_id     VARCHAR(40)   NOT NULL,
    key_id         VARCHAR(40)   NOT NULL,
    model_id       VARCHAR(40)   NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    -- whole minutes since the epoch: rpm and rpd windows group on it the same way on H2 and PostgreSQL
    minute_bucket  BIGINT        NOT NULL,
    first_line     BOOLEAN       NOT NULL,
    unit           VARCHAR(20)   NOT NULL,
    variant        VARCHAR(40),
    quantity       DECIMAL(20,6) NOT NULL,
    unit_price     DECIMAL(20,6) NOT NULL,
    cost           DECIMAL(20,6) NOT NULL,
    CONSTRAINT usage_records_unit_check CHECK (unit IN ('input_mtok', 'output_mtok', 'image', 'video_second')),
    CONSTRAINT usage_records_amounts_check CHECK (quantity >= 0 AND unit_price >= 0 AND cost >= 0)
);
CREATE INDEX usage_records_model_at_idx ON usage_records (model_id, at);
CREATE INDEX usage_records_account_at_idx ON usage_records (account_id, at);
CREATE INDEX usage_records_at_idx ON usage_records (at, key_id);

-- Rate-limit tiers (DESIGN §4, ai-visual-studio §4). Enterprise has no published limits: they are set per account.
CREATE TABLE rate_tiers (
    name        VARCHAR(20)  PRIMARY KEY,
    position    INTEGER      NOT NULL,
    rpm         INTEGER,
    rpd         INTEGER,
    concurrent  INTEGER,
    version     BIGINT       DEFAULT 1 NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rate_tiers_name_check CHECK (name IN ('free', 'starter', 'pro', 'enterprise')),
    CONSTRAINT rate_tiers_limits_check CHECK ((rpm IS NULL AND rpd IS NULL AND concurrent IS NULL)
        OR (rpm > 0 AND rpd >= rpm AND concurrent > 0 AND concurrent <= rpm))
);
INSERT INTO rate_tiers (name, position, rpm, rpd, concurrent) VALUES ('free', 0, 10, 100, 2);
INSERT INTO rate_tiers (name, position, rpm, rpd, concurrent) VALUES ('starter', 1, 60, 1000, 5);
INSERT INTO rate_tiers (name, position, rpm, rpd, concurrent) VALUES ('pro', 2, 120, 10000, 20);
INSERT INTO rate_tiers (name, position, rpm, rpd, concurrent) VALUES ('enterprise', 3, NULL, NULL, NULL);

-- Custom limits of an Enterprise account ("Enterprise: Custom", ai-visual-studio §4).
CREATE TABLE account_limits (
    account_id  VARCHAR(40)  PRIMARY KEY,
    rpm         INTEGER      NOT NULL,
    rpd         INTEGER      NOT NULL,
    concurrent  INTEGER      NOT NULL,
    version     BIGINT       DEFAULT 2 NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(80)  NOT NULL,
    CONSTRAINT account_limits_check CHECK (rpm > 0 AND rpd >= rpm AND concurrent > 0 AND concurrent <= rpm)
);
ALTER TABLE account_limits ADD CONSTRAINT account_limits_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);

-- Every limit change of a tier or an account: applied at once (a loosening) or scheduled under notice.
CREATE TABLE limit_changes (
    id                VARCHAR(40)   PRIMARY KEY,
    target_type       VARCHAR(10)   NOT NULL,
    target            VARCHAR(40)   NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    old_rpm           INTEGER       NOT NULL,
    old_rpd           INTEGER       NOT NULL,
    old_concurrent    INTEGER       NOT NULL,
    rpm               INTEGER       NOT NULL,
    rpd               INTEGER       NOT NULL,
    concurrent        INTEGER       NOT NULL,
    effective_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    earliest_allowed  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    author            VARCHAR(80)   NOT NULL,
    emergency         BOOLEAN       DEFAULT FALSE NOT NULL,
    applied_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT limit_changes_target_check CHECK (target_type IN ('tier', 'account')),
    CONSTRAINT limit_changes_state_check CHECK (state IN ('scheduled', 'applied', 'superseded')),
    CONSTRAINT limit_changes_kind_check CHECK (kind IN ('unchanged', 'loosening', 'tightening', 'mixed'))
);
CREATE INDEX limit_changes_target_idx ON limit_changes (target_type, target, id DESC);
CREATE INDEX limit_changes_due_idx ON limit_changes (state, effective_at);

-- A model's status change scheduled under notice (disabling a model in use), applied by the same sweep.
CREATE TABLE model_status_changes (
    id            VARCHAR(40)   PRIMARY KEY,
    model_id      VARCHAR(40)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    effective_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    author        VARCHAR(80)   NOT NULL,
    emergency     BOOLEAN       DEFAULT FALSE NOT NULL,
    applied_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT model_status_changes_status_check CHECK (status IN ('active', 'deprecated', 'disabled')),
    CONSTRAINT model_status_changes_state_check CHECK (state IN ('scheduled', 'applied', 'superseded'))
);
CREATE INDEX model_status_changes_model_idx ON model_status_changes (model_id, state);
CREATE INDEX model_status_changes_due_idx ON model_status_changes (state, effective_at);
