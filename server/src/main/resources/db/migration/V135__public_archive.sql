-- The residents' page (issue 21): whether an aired notice may be heard again on the public page /nghe/{unit}.
-- Rows from before say no (nobody chose to publish them on the internet); new notices say yes unless the clerk
-- marks them internal. Portable: H2 2.x and PostgreSQL 15.
ALTER TABLE announcement ADD COLUMN public_archive BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE announcement ALTER COLUMN public_archive SET DEFAULT TRUE;
