-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

-- The province's reports by commune (issue 14 item 3, ADR 0060): at an upstream, each commune's statistics of one day
-- as its newest devices snapshot carried them (bulletins aired, hours on air per zone, node availability), kept per
-- (commune, day) so a report over a range is possible after the snapshot itself was replaced. A newer snapshot's
-- figures for a day replace the older ones. commune is the downstream's id, or the path below it for a commune a
-- province passed up nested ('tinh/xa-a' at a central system); downstream_id is the direct downstream it came from.
CREATE TABLE link_day_stats (
    commune       VARCHAR(200)   NOT NULL,
    stat_day      DATE           NOT NULL,
    downstream_id VARCHAR(64)    NOT NULL,
    name          VARCHAR(200)   NOT NULL,
    stats         VARCHAR(100000) NOT NULL,
    taken_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (commune, stat_day)
);
CREATE INDEX link_day_stats_day ON link_day_stats (stat_day, downstream_id);

-- A downstream's delivery that changes after its bulletin's report went up (a node agent's PLAYED arrives after the
-- air ended the bulletin) goes up again: reported_at is when its deliveries were last put in the outbox.
ALTER TABLE link_received ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
