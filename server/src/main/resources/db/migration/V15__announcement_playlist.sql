-- A playlist: the uploaded recordings an announcement airs one after another, in the order of seq (0, 1, ...).
CREATE TABLE announcement_playlist (
    announcement_id BIGINT      NOT NULL REFERENCES announcement (id),
    seq             INTEGER     NOT NULL,
    audio_id        VARCHAR(64) NOT NULL,
    PRIMARY KEY (announcement_id, seq)
);
