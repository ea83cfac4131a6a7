-- Quiet hours of a zone (minutes after midnight, Asia/Ho_Chi_Minh): nothing but EMERGENCY airs there between them.
-- start > end spans midnight (22:00-05:00).
CREATE TABLE zone_quiet_hours (
    zone_id      VARCHAR(64) PRIMARY KEY REFERENCES zone (id) ON DELETE CASCADE,
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1439)
);
