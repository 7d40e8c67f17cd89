-- Trust and safety (issue 9): abuse reports grouped into cases, their comments, the decisions that resolve them
-- (each with its statement of reasons), appeals against enforcement, and the request log that is their evidence.
-- Portable: H2 in PostgreSQL mode and PostgreSQL. Times are UTC instants from the gateway's injected clock.

-- One decision resolves every open report of a case (issue 9 item 2); each report points at it.
CREATE TABLE abuse_decisions (
    id                   VARCHAR(40)   PRIMARY KEY,
    case_id              VARCHAR(40)   NOT NULL,
    report_id            VARCHAR(40)   NOT NULL,
    account_id           VARCHAR(40)   NOT NULL,
    key_id               VARCHAR(40),
    decision             VARCHAR(30)   NOT NULL,
    facts                VARCHAR(2000) NOT NULL,
    policy_clause        VARCHAR(500)  NOT NULL,
    duration_hours       INTEGER,
    how_to_appeal        VARCHAR(1000) NOT NULL,
    statement            TEXT          NOT NULL,
    law_enforcement_ref  VARCHAR(200),
    proposed_by          VARCHAR(40),
    cure_period_override VARCHAR(2000),
    enforcement_id       VARCHAR(40),
    decided_by           VARCHAR(40)   NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT abuse_decisions_decision_check CHECK (decision IN ('dismiss', 'warn', 'suspend_key', 'revoke_key',
        'suspend_account', 'terminate_account'))
);
CREATE INDEX abuse_decisions_enforcement_idx ON abuse_decisions (enforcement_id);
CREATE INDEX abuse_decisions_account_idx ON abuse_decisions (account_id, decided_at);

CREATE TABLE abuse_reports (
    id                 VARCHAR(40)   PRIMARY KEY,
    case_id            VARCHAR(40)   NOT NULL,
    category           VARCHAR(40)   NOT NULL,
    severity           VARCHAR(10)   NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    -- true until resolved: the queue reads only these, in due order, off the indexes below
    unresolved         BOOLEAN       NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    account_id         VARCHAR(40)   NOT NULL,
    key_id             VARCHAR(40),
    reporter_kind      VARCHAR(20)   NOT NULL,
    reporter_contact   VARCHAR(320),
    reporter_detector  VARCHAR(200),
    reporter_operator  VARCHAR(40),
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    target_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    first_action_at    TIMESTAMP WITH TIME ZONE,
    assignee           VARCHAR(40),
    claimed_at         TIMESTAMP WITH TIME ZONE,
    escalated_to       VARCHAR(20),
    escalated_by       VARCHAR(40),
    resolved_at        TIMESTAMP WITH TIME ZONE,
    decision_id        VARCHAR(40),
    version            BIGINT        DEFAULT 1 NOT NULL,
    CONSTRAINT abuse_reports_state_check CHECK (state IN ('open', 'in_review', 'escalated', 'resolved')),
    CONSTRAINT abuse_reports_severity_check CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    CONSTRAINT abuse_reports_reporter_check CHECK (reporter_kind IN ('external', 'automated', 'internal')),
    CONSTRAINT abuse_reports_escalated_check CHECK (escalated_to IS NULL OR escalated_to IN ('lead', 'law_enforcement')),
    -- one reviewer per report: in review means exactly one holder
    CONSTRAINT abuse_reports_claim_check CHECK (state <> 'in_review' OR assignee IS NOT NULL),
    CONSTRAINT abuse_reports_unresolved_check CHECK (unresolved = (state <> 'resolved'))
);
-- the queue (GET /abuse-reports sorted by due) and each of its filters, due order straight off the index
CREATE INDEX abuse_reports_queue_idx ON abuse_reports (unresolved, due_at, id);
CREATE INDEX abuse_reports_category_idx ON abuse_reports (unresolved, category, due_at, id);
CREATE INDEX abuse_reports_severity_idx ON abuse_reports (unresolved, severity, due_at, id);
CREATE INDEX abuse_reports_state_idx ON abuse_reports (state, due_at, id);
CREATE INDEX abuse_reports_assignee_idx ON abuse_reports (assignee, unresolved, due_at, id);
CREATE INDEX abuse_reports_account_idx ON abuse_reports (account_id, due_at, id);
CREATE INDEX abuse_reports_case_idx ON abuse_reports (case_id, id);
-- metrics read the last 30 days by receipt
CREATE INDEX abuse_reports_received_idx ON abuse_reports (received_at);
ALTER TABLE abuse_reports ADD CONSTRAINT abuse_reports_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);

CREATE TABLE abuse_comments (
    id         VARCHAR(40)   PRIMARY KEY,
    report_id  VARCHAR(40)   NOT NULL,
    author     VARCHAR(40)   NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX abuse_comments_report_idx ON abuse_comments (report_id, at);
ALTER TABLE abuse_comments ADD CONSTRAINT abuse_comments_report_fk FOREIGN KEY (report_id) REFERENCES abuse_reports (id);

-- The request-log rows a report cites, recorded at intake. Those cited by a CSAM report are exempt from the 90-day
-- retention sweep (DESIGN §4: CSAM "evidence preserved"; ai-visual-studio §7, decart §3.5).
CREATE TABLE abuse_evidence (
    report_id   VARCHAR(40) NOT NULL,
    request_id  VARCHAR(40) NOT NULL,
    preserved   BOOLEAN     NOT NULL,
    PRIMARY KEY (report_id, request_id)
);
CREATE INDEX abuse_evidence_request_idx ON abuse_evidence (request_id, preserved);

-- Appeals against an enforcement (issue 9 item 5, EU DSA art. 20 practice).
CREATE TABLE appeals (
    id                VARCHAR(40)   PRIMARY KEY,
    enforcement_id    VARCHAR(40)   NOT NULL,
    decision_id       VARCHAR(40),
    account_id        VARCHAR(40)   NOT NULL,
    key_id            VARCHAR(40),
    original_decision VARCHAR(30)   NOT NULL,
    original_decider  VARCHAR(40)   NOT NULL,
    statement         VARCHAR(4000) NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    outcome           VARCHAR(20),
    reason            VARCHAR(2000),
    outcome_text      VARCHAR(1000),
    offer             VARCHAR(200),
    filed_by          VARCHAR(40)   NOT NULL,
    filed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by        VARCHAR(40),
    decided_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT        DEFAULT 1 NOT NULL,
    CONSTRAINT appeals_state_check CHECK (state IN ('open', 'decided')),
    CONSTRAINT appeals_outcome_check CHECK (outcome IS NULL OR outcome IN ('upheld', 'overturned'))
);
CREATE INDEX appeals_state_idx ON appeals (state, filed_at, id);
CREATE INDEX appeals_enforcement_idx ON appeals (enforcement_id, state);
CREATE INDEX appeals_account_idx ON appeals (account_id, filed_at);

-- The request log (issue 9 item 3): the evidence, written by the data plane later. The prompt excerpt is at most
-- 500 characters with secrets redacted before it is stored (policy/SecretScanner). Kept 90 days (ai-visual-studio
-- §9, §16), removed by a periodic sweep, except rows cited by a CSAM report (abuse_evidence.preserved).
CREATE TABLE request_log (
    id              VARCHAR(40)   PRIMARY KEY,
    key_id          VARCHAR(40)   NOT NULL,
    account_id      VARCHAR(40)   NOT NULL,
    model           VARCHAR(200)  NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    http_status     INTEGER       NOT NULL,
    latency_ms      INTEGER       NOT NULL,
    units           DECIMAL(20,6) NOT NULL,
    unit            VARCHAR(20)   NOT NULL,
    cost            DECIMAL(20,6) NOT NULL,
    currency        VARCHAR(3)    DEFAULT 'USD' NOT NULL,
    prompt_excerpt  VARCHAR(500),
    CONSTRAINT request_log_unit_check CHECK (unit IN ('tokens', 'images', 'seconds')),
    CONSTRAINT request_log_cost_check CHECK (cost >= 0)
);
CREATE INDEX request_log_key_idx ON request_log (key_id, at);
CREATE INDEX request_log_account_idx ON request_log (account_id, at);
CREATE INDEX request_log_at_idx ON request_log (at);
