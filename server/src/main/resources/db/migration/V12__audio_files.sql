-- Recorded programmes uploaded by clerks (POST /api/v1/audio). The audio itself is a file <data dir>/audio/<id>.<ext>;
-- unit_path is the uploader's unit: that unit and the units below it may air it.
CREATE TABLE audio_file (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    format      VARCHAR(8)   NOT NULL CHECK (format IN ('MP3', 'WAV', 'OGG', 'M4A')),
    size_bytes  BIGINT       NOT NULL,
    duration_ms BIGINT       NOT NULL,
    unit_path   VARCHAR(2000) NOT NULL,
    created_by  VARCHAR(64)  NOT NULL REFERENCES app_user (username),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
