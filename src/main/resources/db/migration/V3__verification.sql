-- Verification: the governance guide's versions, what a manager set up, when the next review
-- is due.

CREATE TABLE guide_version (
    version         VARCHAR(20)   NOT NULL PRIMARY KEY,
    effective_date  DATE          NOT NULL,
    summary         VARCHAR(2000) NOT NULL,
    link            VARCHAR(500),
    published_by    VARCHAR(64)   NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The first edition, approved by the minister; later editions are published through the API.
INSERT INTO guide_version (version, effective_date, summary, link, published_by, published_at)
VALUES ('1.0', DATE '2026-01-01',
        'Social Media Accounts Governance Guide, first edition: responsibilities, account creation and management, following, posting, re-posting and liking rules, unified visual identity.',
        NULL, 'system', CURRENT_TIMESTAMP);

ALTER TABLE account ADD COLUMN guide_version VARCHAR(20);
ALTER TABLE account ADD COLUMN two_factor_enabled BOOLEAN;
ALTER TABLE account ADD COLUMN recovery_email VARCHAR(320);
ALTER TABLE account ADD COLUMN administrators VARCHAR(1000);
ALTER TABLE account ADD COLUMN next_review_due DATE;
CREATE INDEX ix_account_next_review_due ON account (next_review_due);
