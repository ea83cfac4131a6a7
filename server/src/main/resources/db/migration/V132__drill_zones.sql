-- Drill zones (issue 19): a CAP Exercise or Test airs only on zones marked so. Portable: H2 2.x and PostgreSQL 15.
ALTER TABLE zone ADD COLUMN drill BOOLEAN DEFAULT FALSE NOT NULL;
