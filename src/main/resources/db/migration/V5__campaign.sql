-- Review campaigns: one row per campaign and one per account in its scope. The account rows are
-- the launcher's ledger: a review is started and its row marked in the same transaction, so a
-- second launch or a node dying mid-way never opens a second review for the same account.

CREATE TABLE review_campaign (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    scope_kind           VARCHAR(20)  NOT NULL,
    unit_code            VARCHAR(40),
    platform             VARCHAR(20),
    due_before           DATE,
    started_by           VARCHAR(64)  NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id  VARCHAR(64),
    selected             INTEGER,
    reported_at          TIMESTAMP WITH TIME ZONE
);

CREATE TABLE campaign_review (
    campaign_id          VARCHAR(64)  NOT NULL REFERENCES review_campaign (id),
    account_id           BIGINT       NOT NULL REFERENCES account (id),
    -- The unit the report groups by: the account's unit's ancestor right below the ministry.
    report_unit          VARCHAR(40)  NOT NULL,
    platform             VARCHAR(20)  NOT NULL,
    process_instance_id  VARCHAR(64),
    opened_at            TIMESTAMP WITH TIME ZONE,
    attested             BOOLEAN,
    -- First assessment (what the review found) and the latest one.
    outcome              VARCHAR(20),
    final_outcome        VARCHAR(20),
    concluded_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, account_id)
);
-- The launcher's next chunk: the unopened rows of a campaign, in account order.
CREATE INDEX ix_campaign_review_open ON campaign_review (campaign_id, process_instance_id, account_id);
CREATE INDEX ix_campaign_review_account ON campaign_review (account_id);
