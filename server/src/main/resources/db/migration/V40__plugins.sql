-- A plugin's saved configuration (issue 9). A plugin acts as the user 'plugin:<name>' in the unit of the admin who
-- configured it; settings are the JSON object the plugin validated.
CREATE TABLE plugin_config (
    name        VARCHAR(40)    PRIMARY KEY,
    enabled     BOOLEAN        NOT NULL,
    settings    VARCHAR(20000) NOT NULL,
    unit_id     VARCHAR(64)    NOT NULL REFERENCES zone (id),
    updated_by  VARCHAR(64)    NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What each plugin has proposed or raised, by the plugin's own key: a key seen once is never turned into a second
-- announcement, also after a restart.
CREATE TABLE plugin_item (
    plugin          VARCHAR(40)  NOT NULL,
    item_key        VARCHAR(200) NOT NULL,
    announcement_id BIGINT       REFERENCES announcement (id),
    seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plugin, item_key)
);
