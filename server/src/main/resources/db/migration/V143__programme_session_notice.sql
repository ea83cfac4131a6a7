-- Each notice a programme session aired (issue 21, ADR 0058): when it went on air and ended inside the session and
-- whether it aired whole. Its deliveries are read from the session's own delivery rows (one per node), so the notice's
-- view and the broadcast log show where it was heard; nothing is copied.
CREATE TABLE programme_session_notice (
    session_id  BIGINT                   NOT NULL REFERENCES announcement (id),
    notice_id   BIGINT                   NOT NULL REFERENCES announcement (id),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    aired       BOOLEAN,
    PRIMARY KEY (session_id, notice_id)
);

CREATE INDEX programme_session_notice_by_notice ON programme_session_notice (notice_id);
