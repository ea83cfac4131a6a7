-- 4G data (issue 21): the packet time of a zone's Opus RTP to third-party speakers, 20, 40 or 60 ms (ADR 0054).
-- Longer packets pay the IP, UDP and RTP headers less often. Portable: H2 2.x and PostgreSQL 15.
ALTER TABLE zone ADD COLUMN opus_ptime INTEGER DEFAULT 20 NOT NULL;
ALTER TABLE zone ADD CONSTRAINT zone_opus_ptime CHECK (opus_ptime IN (20, 40, 60));
