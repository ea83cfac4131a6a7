-- Store-and-forward: announcements rendered ahead for node agents (the file is <data dir>/prefetch/<id>.wav), and per
-- node whether it has fetched and checked its copy. Kept here so a restarted server still knows which nodes hold a
-- notice (they must not get the live stream too) and still serves the file to those that have not fetched yet.
CREATE TABLE prefetch_item (
    announcement_id BIGINT      NOT NULL PRIMARY KEY REFERENCES announcement (id),
    sha256          VARCHAR(64) NOT NULL,
    bytes           BIGINT      NOT NULL,
    play_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
-- node_id has no foreign key on purpose, as in delivery: removing a node must not fail on a notice it was sent.
CREATE TABLE prefetch_node (
    announcement_id BIGINT      NOT NULL REFERENCES prefetch_item (announcement_id) ON DELETE CASCADE,
    node_id         VARCHAR(64) NOT NULL,
    fetched_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (announcement_id, node_id)
);
