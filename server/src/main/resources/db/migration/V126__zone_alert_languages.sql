-- Languages of alerts per zone (issue 19, ADR 0051). Portable SQL: the same script runs on H2 2.x and PostgreSQL 15.

-- The languages a zone hears an alert in, in order, Vietnamese first ("vi,en" in a tourist area); null inherits the
-- zone above's.
ALTER TABLE zone ADD COLUMN alert_languages VARCHAR(64);

