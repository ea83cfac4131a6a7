package vn.loa.server.user;

import org.jdbi.v3.core.Handle;
import vn.loa.server.access.SessionEnd;

/**
 * What managing users needs of the sign-in sessions: ending a user's sessions when their account changes. Implemented
 * by {@code auth.Sessions}; an interface here so that users do not depend on sign-in, which reads the users.
 */
public interface UserSessions {

    /**
     * Ends every session of {@code username} but {@code keepId} (may be null), inside the caller's transaction; call
     * {@link #forget} once it commits.
     */
    int endAllOf(Handle h, String username, String keepId, SessionEnd reason);

    /** Drops this server's remembered rows of a user, so their ended sessions are refused at once. */
    void forget(String username);

    /** The session replaced a generated password, inside the caller's transaction: it may act now. */
    void passwordChanged(Handle h, String sessionId);
}
