-- Acknowledging the governance guide: publishing a version asks every manager of a live account
-- to acknowledge it. One row per version and manager (address in lower case) is the ledger of
-- the launcher: the acknowledgement process is started and its id written in the same
-- transaction, only where none is written yet, so publishing again, two launchers at once or a
-- node dying mid-way never ask a manager twice.

CREATE TABLE guide_acknowledgement (
    version              VARCHAR(20)  NOT NULL REFERENCES guide_version (version),
    manager_email        VARCHAR(320) NOT NULL,
    process_instance_id  VARCHAR(64),
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at      TIMESTAMP WITH TIME ZONE,
    acknowledged_by      VARCHAR(64),
    PRIMARY KEY (version, manager_email)
);
