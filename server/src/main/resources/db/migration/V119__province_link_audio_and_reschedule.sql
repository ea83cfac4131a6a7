-- The province link, continued (issue 14, ADR 0048).
-- link_audio: the hash of every recording that travelled over the link, on both sides. At an upstream: the SHA-256 of
-- an uploaded recording, computed once when a bulletin first carries it. At a downstream: the local recording a blob
-- fetched from above became, so a second bulletin with the same audio fetches nothing.
CREATE TABLE link_audio (
    audio_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    sha256     VARCHAR(64) NOT NULL,
    size_bytes BIGINT      NOT NULL
);
CREATE INDEX link_audio_sha256 ON link_audio (sha256);
-- wanted_at: the time the upstream last moved a ưu tiên bulletin to (reschedule from above); LinkSteps moves the local
-- copy there.
ALTER TABLE link_received ADD COLUMN wanted_at TIMESTAMP WITH TIME ZONE;
