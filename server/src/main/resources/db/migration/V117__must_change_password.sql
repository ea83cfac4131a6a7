-- A password Loa generated (the first admin's, printed once at first start) must be changed at the first sign-in
-- (issue 22): until then the session may only change it. Cleared whenever the user sets their own password.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
