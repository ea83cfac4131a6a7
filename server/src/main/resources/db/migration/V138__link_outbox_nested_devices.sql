-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

-- A province passes its communes' device snapshots on up inside its own (issue 14, ADR 0048): a message may now hold
-- up to about 600 kB of them beside the province's own list, more than the 100,000 characters the outbox allowed.
ALTER TABLE link_outbox ALTER COLUMN body SET DATA TYPE VARCHAR(1000000);
