-- Pictures of announcements for the boards (issue 14, ADR 0061), content-addressed: slide_picture holds each picture
-- once by its SHA-256 (the file is board-media/s-<sha256>.img), whether a clerk uploaded it or a bulletin from above
-- brought it; announcement_slide names the pictures of an announcement in the order the boards show them.
CREATE TABLE slide_picture (
    sha256     VARCHAR(64) NOT NULL PRIMARY KEY,
    type       VARCHAR(20) NOT NULL,
    size_bytes BIGINT      NOT NULL,
    width      INT         NOT NULL,
    height     INT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE announcement_slide (
    announcement_id BIGINT      NOT NULL REFERENCES announcement (id),
    sha256          VARCHAR(64) NOT NULL REFERENCES slide_picture (sha256),
    position        INT         NOT NULL,
    PRIMARY KEY (announcement_id, sha256)
);
CREATE INDEX announcement_slide_sha256 ON announcement_slide (sha256);
