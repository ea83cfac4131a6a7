-- The province link (issue 14, ADR 0037): two Loa deployments, an upstream (province) and its downstreams (communes).
-- link_identity: this server's own Ed25519 key pair (the private key sealed with the secret key, ADR 0023).
CREATE TABLE link_identity (
    id          INT           NOT NULL PRIMARY KEY,
    public_key  VARCHAR(200)  NOT NULL,
    private_key VARCHAR(400)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- link_downstream: the systems this server is the upstream of, each standing for one zone of its tree. key_hash: the
-- SHA-256 of the enrolment key answered once; public_key: the downstream's, registered at enrolment.
CREATE TABLE link_downstream (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    zone_id         VARCHAR(64)   NOT NULL REFERENCES zone (id),
    key_hash        VARCHAR(64)   NOT NULL,
    public_key      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE,
    last_poll_at    TIMESTAMP WITH TIME ZONE,
    clock_offset_ms BIGINT
);
-- link_upstream: the one system this server is a downstream of (one row at most, id 1).
CREATE TABLE link_upstream (
    id              INT           NOT NULL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    system_id       VARCHAR(64)   NOT NULL,
    upstream_id     VARCHAR(64)   NOT NULL,
    upstream_key    VARCHAR(200)  NOT NULL,
    zone_id         VARCHAR(64)   NOT NULL,
    zone_name       VARCHAR(200)  NOT NULL,
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE,
    clock_offset_ms BIGINT,
    last_error      VARCHAR(1000)
);
-- link_outbox: messages waiting for their peer, written in the transaction of the change they report; a row leaves
-- when the peer acknowledges it. seq counts per peer and stream without gaps (link_sequence hands it out under the
-- row lock, so commit order is sequence order).
CREATE TABLE link_outbox (
    peer       VARCHAR(64)    NOT NULL,
    stream     VARCHAR(32)    NOT NULL,
    seq        BIGINT         NOT NULL,
    message_id VARCHAR(64)    NOT NULL UNIQUE,
    kind       VARCHAR(32)    NOT NULL,
    body       VARCHAR(100000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (peer, stream, seq)
);
CREATE TABLE link_sequence (
    peer     VARCHAR(64) NOT NULL,
    stream   VARCHAR(32) NOT NULL,
    next_seq BIGINT      NOT NULL,
    PRIMARY KEY (peer, stream)
);
-- link_inbox: every message applied (or refused) from a peer, by id, so none is applied twice; link_cursor: the last
-- sequence applied per peer and stream, so they are applied in order.
CREATE TABLE link_inbox (
    peer       VARCHAR(64) NOT NULL,
    message_id VARCHAR(64) NOT NULL,
    stream     VARCHAR(32) NOT NULL,
    seq        BIGINT      NOT NULL,
    outcome    VARCHAR(300) NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (peer, message_id)
);
CREATE TABLE link_cursor (
    peer     VARCHAR(64) NOT NULL,
    stream   VARCHAR(32) NOT NULL,
    last_seq BIGINT      NOT NULL,
    PRIMARY KEY (peer, stream)
);
-- link_sent (upstream): which bulletin went to which downstream, so a cancel follows it and reports are accepted.
CREATE TABLE link_sent (
    downstream_id   VARCHAR(64) NOT NULL,
    announcement_id BIGINT      NOT NULL REFERENCES announcement (id),
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (downstream_id, announcement_id)
);
-- link_received (downstream): the local announcement a bulletin from above became, with its origin; wanted: the state
-- the link takes it to (APPROVED, SUBMITTED, SCHEDULED for airing, CANCELLED; EXPIRED when it came too late), settled
-- once it got there, so steps cut short by a crash are taken again at start.
CREATE TABLE link_received (
    origin_id       BIGINT       NOT NULL PRIMARY KEY,
    announcement_id BIGINT       REFERENCES announcement (id),
    origin_system   VARCHAR(64)  NOT NULL,
    origin_author   VARCHAR(64)  NOT NULL,
    level           VARCHAR(16)  NOT NULL,
    wanted          VARCHAR(16)  NOT NULL,
    settled         BOOLEAN      NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX link_received_announcement ON link_received (announcement_id);
