-- Geo-targeting of CAP alerts (issue 19, ADR 0045). Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

-- A zone's boundary as a GeoJSON Polygon or MultiPolygon (WGS 84, lon/lat), checked on upload; and the geocode a CAP
-- message names it by (valueName, e.g. VN-MADVHC for the Vietnamese administrative unit code, and value).
ALTER TABLE zone ADD COLUMN boundary VARCHAR(1000000);
ALTER TABLE zone ADD COLUMN geocode_name VARCHAR(64);
ALTER TABLE zone ADD COLUMN geocode_value VARCHAR(64);
CREATE INDEX zone_geocode ON zone (geocode_value);

-- Where a board stands (WGS 84 degrees), as nodes have since V80.
ALTER TABLE board ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE board ADD COLUMN lon DOUBLE PRECISION;

-- What an alert reached and why (JSON: zones, nodes, boards, each with its reasons), for the alert's detail.
ALTER TABLE alert ADD COLUMN reach VARCHAR(200000);
