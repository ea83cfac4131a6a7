-- The audit log leaves the database (issue 22, ADR 0027). audit_cursor: the last row each outside receiver has been
-- sent, so rows written while it was away are sent when it is back. audit_checkpoint: where a unit's chain resumes
-- after its oldest rows were removed by the retention setting (the hash of the last removed row).
CREATE TABLE audit_cursor (
    name    VARCHAR(32) NOT NULL PRIMARY KEY,
    last_id BIGINT      NOT NULL
);
CREATE TABLE audit_checkpoint (
    unit_path VARCHAR(2000) NOT NULL PRIMARY KEY,
    last_id   BIGINT        NOT NULL,
    last_hash VARCHAR(64)   NOT NULL,
    removed   BIGINT        NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL
);
