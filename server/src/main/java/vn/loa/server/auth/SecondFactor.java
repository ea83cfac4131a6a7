package vn.loa.server.auth;

import java.time.Instant;
import java.util.Locale;

/**
 * What a session has shown beyond the password (ADR 0024).
 *
 * @param pending  the second step the session still owes, or null when it may act
 * @param enrolled whether the user has a confirmed TOTP authenticator
 * @param provedAt when the session last proved a code (sign-in's second step or a step-up), or null
 */
public record SecondFactor(Pending pending, boolean enrolled, Instant provedAt) {

    /** Callers that have no session (the hotline, plugins, alert keys): nothing owed, nothing to prove with. */
    public static final SecondFactor NONE = new SecondFactor(null, false, null);

    /** The second step a session signed in with the password alone still owes. */
    public enum Pending {
        /** Enter a code from the authenticator (or a recovery code). */
        TOTP,
        /** The unit requires a second factor this leader has not set up: enrol first. */
        ENROL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The stored spelling, or null for none. */
        public static Pending fromWire(String name) {
            return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
