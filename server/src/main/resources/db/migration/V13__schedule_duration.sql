-- How long each airing lasts, in seconds: a relay's window (NULL: until done).
ALTER TABLE announcement ADD COLUMN schedule_duration_s INTEGER;
