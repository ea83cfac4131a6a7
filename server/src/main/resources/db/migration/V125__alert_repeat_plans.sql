-- Repeat and expiry of alerts (issue 19, ADR 0051). Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

-- A unit's plans: for an event type and a severity (either may be empty: any), whether the attention tone plays,
-- how many times the text is read in one airing, how many airings in all, and the pause after one before the next.
CREATE TABLE alert_plan (
    unit_id       VARCHAR(64)  NOT NULL REFERENCES zone (id),
    position      INT          NOT NULL,
    event         VARCHAR(200),
    severity      VARCHAR(16),
    tone          BOOLEAN      NOT NULL,
    plays         INT          NOT NULL,
    airings       INT          NOT NULL,
    pause_seconds INT          NOT NULL,
    PRIMARY KEY (unit_id, position)
);

-- An alert on air: when it expires (CAP <expires>), the airings still to come and the pause before each. A Cancel,
-- an Update or the expiry sets repeat_left to 0.
ALTER TABLE alert ADD COLUMN expires TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert ADD COLUMN repeat_left INT DEFAULT 0 NOT NULL;
ALTER TABLE alert ADD COLUMN repeat_pause_seconds INT DEFAULT 0 NOT NULL;
CREATE INDEX alert_repeat ON alert (repeat_left);

-- Which airing of an alert's series an announcement belongs to (1 the first); one airing may hold one announcement per
-- language and group of zones, aired in order.
ALTER TABLE alert_announcement ADD COLUMN airing INT DEFAULT 1 NOT NULL;
