-- Speakers an alert did not reach in time (issue 19, ADR 0051): one row per alert and node once its contacts were
-- told, so a speaker down through several airings is reported once.
CREATE TABLE alert_speaker_down (
    alert_id BIGINT      NOT NULL REFERENCES alert (id),
    node_id  VARCHAR(64) NOT NULL,
    state    VARCHAR(16) NOT NULL,
    why      VARCHAR(1000),
    told_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (alert_id, node_id)
);
