-- The SHA-256 of the key a board's web player presents to report what it showed (proof of play); NULL: none issued.
ALTER TABLE board ADD COLUMN player_key_hash VARCHAR(64);
