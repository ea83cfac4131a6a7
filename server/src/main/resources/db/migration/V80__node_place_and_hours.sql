-- Where a node stands (WGS 84 degrees, for the dashboard's map) and the hours it may play (HH:mm-HH:mm, station time).
ALTER TABLE node ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE node ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE node ADD COLUMN on_hours VARCHAR(11);
