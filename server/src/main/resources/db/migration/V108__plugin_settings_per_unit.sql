-- Plugin settings per unit (issue 22, ADR 0023): each unit may configure a plugin of its own; the nearest unit at or
-- above a caller that configured it is the one that applies. Secret values in settings are stored encrypted
-- (loa-enc:v1:...), hence the longer column. What a plugin proposed is remembered per unit too.
CREATE TABLE plugin_unit_config (
    name        VARCHAR(40)    NOT NULL,
    unit_id     VARCHAR(64)    NOT NULL REFERENCES zone (id),
    enabled     BOOLEAN        NOT NULL,
    settings    VARCHAR(60000) NOT NULL,
    updated_by  VARCHAR(64)    NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, unit_id)
);
INSERT INTO plugin_unit_config (name, unit_id, enabled, settings, updated_by, updated_at)
    SELECT name, unit_id, enabled, settings, updated_by, updated_at FROM plugin_config;

CREATE TABLE plugin_unit_item (
    plugin          VARCHAR(40)  NOT NULL,
    unit_id         VARCHAR(64)  NOT NULL,
    item_key        VARCHAR(200) NOT NULL,
    announcement_id BIGINT       REFERENCES announcement (id),
    seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plugin, unit_id, item_key)
);
INSERT INTO plugin_unit_item (plugin, unit_id, item_key, announcement_id, seen_at)
    SELECT i.plugin, c.unit_id, i.item_key, i.announcement_id, i.seen_at
    FROM plugin_item i JOIN plugin_config c ON c.name = i.plugin;

DROP TABLE plugin_item;
DROP TABLE plugin_config;
ALTER TABLE plugin_unit_config RENAME TO plugin_config;
ALTER TABLE plugin_unit_item RENAME TO plugin_item;
