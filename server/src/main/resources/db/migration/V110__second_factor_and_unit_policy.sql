-- Second factor and unit policy (issue 22, ADR 0024).

-- A user's TOTP secret (Base32). confirmed_at is null while enrolment waits for the first right code; last_step is the
-- time step of the last code accepted, so no code is accepted twice. The secret is never sent again once confirmed.
CREATE TABLE user_totp (
    username     VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES app_user (username) ON DELETE CASCADE,
    secret       VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    last_step    BIGINT      NOT NULL DEFAULT 0
);

-- One-time recovery codes, SHA-256 only (they are random, not chosen by people); used_at is set when one is spent.
CREATE TABLE user_recovery_code (
    username  VARCHAR(64) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    code_hash VARCHAR(64) NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, code_hash)
);

-- A session signed in with the password only owes its second step: 'totp' (enter a code) or 'enrol' (the unit requires
-- a second factor the user has not set up). Until then it may only reach /api/v1/auth/. proved_at is the last code
-- proof, for the step-up before an emergency; factor_failures counts wrong codes, the session ends at the limit.
ALTER TABLE auth_session ADD COLUMN pending VARCHAR(16);
ALTER TABLE auth_session ADD COLUMN proved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auth_session ADD COLUMN factor_failures INTEGER NOT NULL DEFAULT 0;

-- A unit's security policy; a unit without a row follows the nearest unit above it that has one, and the root's default
-- is no TOTP requirement and the four-eyes rule for emergencies.
CREATE TABLE unit_policy (
    unit_id       VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES zone (id) ON DELETE CASCADE,
    totp_required BOOLEAN     NOT NULL,
    four_eyes     VARCHAR(16) NOT NULL CHECK (four_eyes IN ('off', 'emergency', 'all')),
    updated_by    VARCHAR(64) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
