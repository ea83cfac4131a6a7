-- Issue 20: each playlist region of a layout plays its own items. An item names the region it plays in; NULL (or a
-- region the board's layout lacks) is the main one.
ALTER TABLE board_item ADD COLUMN region VARCHAR(64);
ALTER TABLE campaign_item ADD COLUMN region VARCHAR(64);
