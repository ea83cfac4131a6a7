-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

-- Proof of play is kept once per (board, item, start): a player that was offline sends its queue again on reconnect,
-- and a report it already sent is not counted twice. campaign_id: the campaign the item belonged to when reported.
DELETE FROM board_play WHERE id NOT IN (SELECT MIN(id) FROM board_play GROUP BY board_id, item_id, shown_at);
ALTER TABLE board_play ADD COLUMN campaign_id VARCHAR(64);
CREATE UNIQUE INDEX board_play_once ON board_play (board_id, item_id, shown_at);
CREATE INDEX board_play_campaign ON board_play (campaign_id, shown_at);
