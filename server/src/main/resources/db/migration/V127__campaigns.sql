-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

-- Display groups: boards gathered by zone (every board in the zone's subtree, now and later) and by hand.
-- owner_path: the path of the unit that made it; users see the groups of their unit and below.
CREATE TABLE display_group (
    id           VARCHAR(64)   PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    zone_id      VARCHAR(64)   REFERENCES zone (id) ON DELETE SET NULL,
    owner_path   VARCHAR(2000) NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE display_group_board (
    group_id     VARCHAR(64)   NOT NULL REFERENCES display_group (id) ON DELETE CASCADE,
    board_id     VARCHAR(64)   NOT NULL REFERENCES board (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, board_id)
);
CREATE INDEX display_group_board_board ON display_group_board (board_id);

-- Campaigns: a set of items with a window, days, hours and a priority, scheduled to display groups.
-- mode ROTATION replaces lower priorities and the boards' own playlists; INTERRUPT takes share_seconds an hour;
-- OVERLAY draws its first item's title in a band. layout: a template the boards take while it plays (NULL: their own).
CREATE TABLE campaign (
    id            VARCHAR(64)   PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    mode          VARCHAR(10)   NOT NULL CHECK (mode IN ('ROTATION', 'INTERRUPT', 'OVERLAY')),
    priority      INTEGER       NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE,
    ends_at       TIMESTAMP WITH TIME ZONE,
    days          VARCHAR(7),
    start_time    VARCHAR(5),
    end_time      VARCHAR(5),
    layout        VARCHAR(64),
    share_seconds INTEGER       DEFAULT 0 NOT NULL,
    owner_path    VARCHAR(2000) NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Item ids are unique across campaigns and playlists: proof of play names an item and finds its campaign by it.
-- A picture goes with the board it was uploaded for, and its campaign items with it (a zone's group keeps its boards).
CREATE TABLE campaign_item (
    campaign_id  VARCHAR(64)    NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    position     INTEGER        NOT NULL,
    id           VARCHAR(64)    NOT NULL UNIQUE,
    kind         VARCHAR(8)     NOT NULL CHECK (kind IN ('TEXT', 'IMAGE')),
    title        VARCHAR(300),
    body         VARCHAR(20000),
    media_id     VARCHAR(64)    REFERENCES board_media (id) ON DELETE CASCADE,
    fit          VARCHAR(8),
    seconds      INTEGER        NOT NULL,
    PRIMARY KEY (campaign_id, position)
);
CREATE TABLE campaign_group (
    campaign_id  VARCHAR(64)   NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    group_id     VARCHAR(64)   NOT NULL REFERENCES display_group (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, group_id)
);
CREATE INDEX campaign_group_group ON campaign_group (group_id);
