-- Consolidation directives: an order from outside the ministry (e.g. the Government
-- Communication Center) to keep one official account per platform and close every other
-- account of the units in scope. directive_closure is the launcher's ledger: one row per account
-- to close, marked with its AccountClosureProcess in the transaction that starts it, so a second
-- launch, a retried job or a node dying mid-chunk never opens a second closure of an account
-- for one directive.

CREATE TABLE consolidation_directive (
    id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    source               VARCHAR(300)  NOT NULL,
    -- Where the final report goes.
    source_email         VARCHAR(320)  NOT NULL,
    reference            VARCHAR(100)  NOT NULL,
    directive_date       DATE          NOT NULL,
    summary              VARCHAR(4000) NOT NULL,
    -- The scope as ordered: unit types and unit codes, comma separated; each covers the units
    -- under it. Then as the leadership meeting decided it (the same or narrower).
    scope_unit_types     VARCHAR(400),
    scope_unit_codes     VARCHAR(4000),
    decided_unit_types   VARCHAR(400),
    decided_unit_codes   VARCHAR(4000),
    ordered_deadline     DATE          NOT NULL,
    -- The deadline in force: as ordered, as the meeting set it, or as a compliance review moved it.
    deadline             DATE          NOT NULL,
    meeting_date         DATE,
    meeting_attendees    VARCHAR(4000),
    meeting_decision     VARCHAR(16),
    meeting_minutes      VARCHAR(4000),
    meeting_held_by      VARCHAR(64),
    meeting_recorded_at  TIMESTAMP WITH TIME ZONE,
    status               VARCHAR(32)   NOT NULL,
    selected             INTEGER,
    started_by           VARCHAR(64)   NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id  VARCHAR(64),
    accepted_at          TIMESTAMP WITH TIME ZONE,
    reported_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_directive_reference UNIQUE (reference)
);

-- The official accounts that remain: at most one per platform, each the successor of the
-- closed accounts on its platform.
CREATE TABLE directive_official_account (
    directive_id  VARCHAR(64) NOT NULL REFERENCES consolidation_directive (id),
    account_id    BIGINT      NOT NULL REFERENCES account (id),
    platform      VARCHAR(16) NOT NULL,
    PRIMARY KEY (directive_id, account_id),
    CONSTRAINT uq_directive_official_platform UNIQUE (directive_id, platform)
);

-- Accounts in scope the leadership meeting kept, each with its reason.
CREATE TABLE directive_exception (
    directive_id  VARCHAR(64)  NOT NULL REFERENCES consolidation_directive (id),
    account_id    BIGINT       NOT NULL REFERENCES account (id),
    reason        VARCHAR(500) NOT NULL,
    PRIMARY KEY (directive_id, account_id)
);

-- One row per unit right below the ministry with accounts to close: its notice (seq is the
-- notice's number in the model's multi-instance) and its escalations.
CREATE TABLE directive_unit (
    directive_id       VARCHAR(64)   NOT NULL REFERENCES consolidation_directive (id),
    unit_code          VARCHAR(40)   NOT NULL REFERENCES unit (code),
    seq                INTEGER       NOT NULL,
    accounts           INTEGER       NOT NULL,
    notice_sent_to     VARCHAR(2000),
    notice_sent_at     TIMESTAMP WITH TIME ZONE,
    escalations        INTEGER       DEFAULT 0 NOT NULL,
    last_escalated_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (directive_id, unit_code),
    CONSTRAINT uq_directive_unit_seq UNIQUE (directive_id, seq)
);

CREATE TABLE directive_closure (
    directive_id          VARCHAR(64) NOT NULL REFERENCES consolidation_directive (id),
    account_id            BIGINT      NOT NULL REFERENCES account (id),
    unit_code             VARCHAR(40) NOT NULL,
    -- The unit the notices and the progress group by: the account's unit's ancestor right
    -- below the ministry.
    report_unit           VARCHAR(40) NOT NULL,
    platform              VARCHAR(16) NOT NULL,
    successor_account_id  BIGINT      REFERENCES account (id),
    process_instance_id   VARCHAR(64),
    opened_at             TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (directive_id, account_id)
);
-- The launcher's next chunk: the unopened rows of a directive, in account order.
CREATE INDEX ix_directive_closure_open ON directive_closure (directive_id, process_instance_id, account_id);
CREATE INDEX ix_directive_closure_unit ON directive_closure (directive_id, report_unit);
CREATE INDEX ix_directive_closure_account ON directive_closure (account_id);

-- Each "Review compliance" decision: extend, escalate named units, or accept.
CREATE TABLE directive_review (
    directive_id     VARCHAR(64)   NOT NULL REFERENCES consolidation_directive (id),
    review_round     INTEGER       NOT NULL,
    decision         VARCHAR(16)   NOT NULL,
    new_deadline     DATE,
    escalated_units  VARCHAR(4000),
    notes            VARCHAR(4000),
    decided_by       VARCHAR(64)   NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (directive_id, review_round)
);
