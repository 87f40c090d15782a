-- A manager's live accounts are found by their address in any letter case (a guide's
-- acknowledgement, its reminders): without an index on the lowered address each lookup reads
-- all 130,000 accounts. Expression indexes are PostgreSQL's; the demo's H2 registry is small.
CREATE INDEX ix_account_manager_email_lower ON account (LOWER(manager_email));
