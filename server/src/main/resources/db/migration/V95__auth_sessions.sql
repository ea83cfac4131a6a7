-- Sign-in sessions (issue 22, ADR 0016): a token names its session, and every request checks the session here, so a
-- sign-out, a disabled account or a changed role ends the token on every server at once. Rows stay after they end
-- (end_reason says why, so the next request gets a clear message) until they are a day past their expiry.
CREATE TABLE auth_session (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    address      VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    end_reason   VARCHAR(32)
);
CREATE INDEX auth_session_user ON auth_session (username);
CREATE INDEX auth_session_expiry ON auth_session (expires_at);
