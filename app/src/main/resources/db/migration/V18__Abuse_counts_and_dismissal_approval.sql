-- Issue 9, second pass: exact filter counts off covering indexes, and the CSAM dismissal's approval step.

-- GET /abuse-reports/counts: one grouped count over the unresolved reports reads only this index
CREATE INDEX abuse_reports_counts_idx ON abuse_reports (unresolved, category, severity, state);
-- the breached count: unanswered and past due is a range of this index; answered late is the rest of it
CREATE INDEX abuse_reports_breach_idx ON abuse_reports (unresolved, first_action_at, due_at);

-- A CSAM case is never dismissed by one person (DESIGN §4, ai-visual-studio §7): a reviewer proposes the dismissal
-- with its statement of reasons, and a second operator, a lead, approves or rejects it.
CREATE TABLE abuse_dismissal_proposals (
    id                  VARCHAR(40)   PRIMARY KEY,
    case_id             VARCHAR(40)   NOT NULL,
    report_id           VARCHAR(40)   NOT NULL,
    proposed_by         VARCHAR(40)   NOT NULL,
    proposed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    reason              VARCHAR(2000) NOT NULL,
    policy_clause       VARCHAR(500)  NOT NULL,
    law_enforcement_ref VARCHAR(200)  NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    decided_by          VARCHAR(40),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decision_note       VARCHAR(2000),
    CONSTRAINT abuse_dismissal_state_check CHECK (state IN ('pending', 'approved', 'rejected')),
    CONSTRAINT abuse_dismissal_decided_check CHECK (state = 'pending' OR decided_by IS NOT NULL)
);
-- the pending proposal of a case (at most one, checked under the case lock)
CREATE INDEX abuse_dismissal_case_idx ON abuse_dismissal_proposals (case_id, state);
