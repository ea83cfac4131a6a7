-- Zone stream ownership in a cluster (issue 15, ADR 0038): one row per zone that has been owned. A member sends a
-- zone's packets only while its lease runs; token rises at every change of owner (the fencing token).
CREATE TABLE zone_lease (
    zone_id    VARCHAR(64)              NOT NULL PRIMARY KEY,
    owner      VARCHAR(64)              NOT NULL,
    token      BIGINT                   NOT NULL,
    taken_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The members as they describe themselves (their web address), for GET /api/v1/cluster.
CREATE TABLE cluster_member (
    id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    address    VARCHAR(300)             NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
