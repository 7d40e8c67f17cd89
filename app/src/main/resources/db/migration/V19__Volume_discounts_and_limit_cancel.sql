-- Volume discounts by monthly spend as tiers ops edit (issue 11; apimart §6 "Volume discounts are automatically applied
-- where applicable"), and withdrawing a scheduled limit change. Portable: H2 in PostgreSQL mode and PostgreSQL.

-- Each edit of the discount schedule is a change carrying the whole new schedule. Less discount at any spend is a price
-- raise for customers: it takes effect no sooner than 30 days after it is scheduled unless a lead overrides
-- (ai-visual-studio §18, apibox §3). The schedule in force at an instant is the applied (or due) change with the latest
-- effective_at up to it, so "what discount applied on date X" stays answerable.
CREATE TABLE volume_discount_changes (
    id                VARCHAR(40)   PRIMARY KEY,
    state             VARCHAR(20)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    effective_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    earliest_allowed  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    author            VARCHAR(80)   NOT NULL,
    emergency         BOOLEAN       DEFAULT FALSE NOT NULL,
    applied_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT volume_discount_changes_state_check CHECK (state IN ('scheduled', 'applied', 'superseded')),
    CONSTRAINT volume_discount_changes_kind_check CHECK (kind IN ('unchanged', 'decrease', 'raise', 'mixed'))
);
-- the sweep finds due changes by (state, effective_at); the schedule in force is the latest effective_at per state
CREATE INDEX volume_discount_changes_due_idx ON volume_discount_changes (state, effective_at);

CREATE TABLE volume_discount_steps (
    change_id           VARCHAR(40)   NOT NULL,
    position            INTEGER       NOT NULL,
    monthly_spend_from  DECIMAL(20,6) NOT NULL,
    percent_off         DECIMAL(5,2)  NOT NULL,
    PRIMARY KEY (change_id, position),
    CONSTRAINT volume_discount_steps_change_fk FOREIGN KEY (change_id) REFERENCES volume_discount_changes (id),
    CONSTRAINT volume_discount_steps_check CHECK (monthly_spend_from >= 0 AND percent_off > 0 AND percent_off < 100)
);

-- The schedule's version (its ETag): one row, moved by every edit, so two operators cannot both edit from one version.
CREATE TABLE volume_discount_head (
    id          INTEGER      PRIMARY KEY,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE,
    updated_by  VARCHAR(80),
    CONSTRAINT volume_discount_head_one_row CHECK (id = 1)
);
INSERT INTO volume_discount_head (id, version) VALUES (1, 1);

-- A scheduled tier or Enterprise limit change can be withdrawn before it applies, with a reason.
ALTER TABLE limit_changes DROP CONSTRAINT limit_changes_state_check;
ALTER TABLE limit_changes ADD CONSTRAINT limit_changes_state_check CHECK (state IN ('scheduled', 'applied', 'superseded', 'cancelled'));
ALTER TABLE limit_changes ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE limit_changes ADD COLUMN cancelled_by VARCHAR(80);
ALTER TABLE limit_changes ADD COLUMN cancel_reason VARCHAR(2000);
