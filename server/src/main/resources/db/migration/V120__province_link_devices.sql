-- The province link's device list and statistics (issue 14, ADR 0048): at an upstream, the newest snapshot each
-- downstream sent of its zone tree, nodes (with their live state) and boards, and its statistics of the day. Shown
-- read-only below the downstream's zone (GET /api/v1/downstreams/{id}/devices); replaced by each newer snapshot.
CREATE TABLE link_devices (
    downstream_id VARCHAR(64)     NOT NULL PRIMARY KEY,
    snapshot      VARCHAR(1000000) NOT NULL,
    taken_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Rotating a downstream's enrolment key (POST /api/v1/downstreams/{id}/key): the old key is refused at once; the
-- public key the downstream enrolled with keeps working until grace_until, by when it enrols again with the new key
-- (which clears grace_until). NULL: no rotation pending.
ALTER TABLE link_downstream ADD COLUMN grace_until TIMESTAMP WITH TIME ZONE;
