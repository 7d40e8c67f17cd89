-- Refund requests, the credit holds that keep requested credits from being spent, the active policy settings and the
-- simulated payout provider's own book (issue 10 §3, §4). Portable: H2 in PostgreSQL mode and PostgreSQL.

-- One row per refund request on one credit lot. Amounts are money (DECIMAL(20,6)); credits_* are lot credits.
CREATE TABLE refunds (
    id                VARCHAR(40)   PRIMARY KEY,
    account_id        VARCHAR(40)   NOT NULL,
    lot_id            VARCHAR(40)   NOT NULL,
    state             VARCHAR(30)   NOT NULL,
    verdict           VARCHAR(20)   NOT NULL,
    requested_amount  DECIMAL(20,6) NOT NULL,
    refundable        DECIMAL(20,6) NOT NULL,
    currency          VARCHAR(3)    DEFAULT 'USD' NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    requested_by      VARCHAR(80)   NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    first_approver    VARCHAR(80),
    first_amount      DECIMAL(20,6),
    first_reason      VARCHAR(2000),
    first_at          TIMESTAMP WITH TIME ZONE,
    exception         BOOLEAN       DEFAULT FALSE NOT NULL,
    approved_amount   DECIMAL(20,6),
    credits_refunded  DECIMAL(20,6) DEFAULT 0 NOT NULL,
    decided_by        VARCHAR(80),
    decided_at        TIMESTAMP WITH TIME ZONE,
    decision_reason   VARCHAR(2000),
    payout_reference  VARCHAR(80),
    payout_failure    VARCHAR(400),
    payout_attempts   INTEGER       DEFAULT 0 NOT NULL,
    version           BIGINT        DEFAULT 1 NOT NULL,
    CONSTRAINT refunds_state_check CHECK (state IN ('requested', 'awaiting_second_approval', 'approved', 'paid', 'failed', 'denied')),
    CONSTRAINT refunds_verdict_check CHECK (verdict IN ('eligible', 'partially_eligible', 'ineligible')),
    CONSTRAINT refunds_amount_check CHECK (requested_amount > 0),
    CONSTRAINT refunds_credits_check CHECK (credits_refunded >= 0)
);
-- the list's filters, each read newest first straight off its index
CREATE INDEX refunds_state_idx ON refunds (state, id DESC);
CREATE INDEX refunds_verdict_idx ON refunds (verdict, id DESC);
CREATE INDEX refunds_account_idx ON refunds (account_id, id DESC);
CREATE INDEX refunds_lot_idx ON refunds (lot_id, id);
ALTER TABLE refunds ADD CONSTRAINT refunds_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE refunds ADD CONSTRAINT refunds_lot_fk FOREIGN KEY (lot_id) REFERENCES credit_lots (id);

-- Credits held in their lot from a refund request to its decision (issue 10 §3 "Hold"): still part of the balance,
-- never drawn by usage. One hold per holder (a refund id); releasing it deletes the row.
CREATE TABLE credit_holds (
    id          VARCHAR(40)   PRIMARY KEY,
    account_id  VARCHAR(40)   NOT NULL,
    lot_id      VARCHAR(40)   NOT NULL,
    holder      VARCHAR(40)   NOT NULL,
    amount      DECIMAL(20,6) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credit_holds_amount_check CHECK (amount > 0)
);
CREATE UNIQUE INDEX credit_holds_holder_idx ON credit_holds (holder);
CREATE INDEX credit_holds_account_idx ON credit_holds (account_id, lot_id);
CREATE INDEX credit_holds_lot_idx ON credit_holds (lot_id);
ALTER TABLE credit_holds ADD CONSTRAINT credit_holds_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE credit_holds ADD CONSTRAINT credit_holds_lot_fk FOREIGN KEY (lot_id) REFERENCES credit_lots (id);

-- The active policy (DESIGN §4): a preset and the lead's edits on top of it, as a JSON list of {key, value, reason}.
CREATE TABLE policy_settings (
    id          INTEGER      PRIMARY KEY,
    preset      VARCHAR(30)  NOT NULL,
    edits       TEXT         NOT NULL,
    version     BIGINT       DEFAULT 1 NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE,
    updated_by  VARCHAR(80),
    CONSTRAINT policy_settings_single_row CHECK (id = 1)
);
-- Pixapi's terms are DESIGN §4's defaults: unused purchased credits refundable within 7 days (pixapi §8)
INSERT INTO policy_settings (id, preset, edits, version) VALUES (1, 'pixapi', '[]', 1);

-- The simulated payout provider's own book (a real provider keeps this on its side): one payment per payout key,
-- so a retried payout finds the first payment instead of paying again. fail_next tells it to fail the next payouts.
CREATE TABLE simulated_payouts (
    payout_key  VARCHAR(80)   PRIMARY KEY,
    reference   VARCHAR(40)   NOT NULL,
    account_id  VARCHAR(40)   NOT NULL,
    amount      DECIMAL(20,6) NOT NULL,
    currency    VARCHAR(3)    NOT NULL,
    paid_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX simulated_payouts_reference_idx ON simulated_payouts (reference);
CREATE TABLE payout_simulation (
    id         INTEGER     PRIMARY KEY,
    fail_next  INTEGER     DEFAULT 0 NOT NULL,
    failure    VARCHAR(20) DEFAULT 'declined' NOT NULL,
    CONSTRAINT payout_simulation_single_row CHECK (id = 1),
    CONSTRAINT payout_simulation_failure_check CHECK (failure IN ('declined', 'lost_response'))
);
INSERT INTO payout_simulation (id, fail_next, failure) VALUES (1, 0, 'declined');
