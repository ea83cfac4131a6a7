-- The layout template a board's screen is cut into (assets/layouts/<name>.json); NULL: the whole screen plays the
-- playlist, as before layouts.
ALTER TABLE board ADD COLUMN layout VARCHAR(64);
