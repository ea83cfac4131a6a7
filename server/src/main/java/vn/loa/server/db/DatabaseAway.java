package vn.loa.server.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the database itself (unreachable, closed, out of disk, overloaded) from a step that was wrong: the
 * first passes and is worth trying again, the second is not (ADR 0025).
 */
public final class DatabaseAway {

    /** H2's codes for a closed database, a file it could not write, a lock wait that timed out, a shutting-down one. */
    private static final int[] H2_AWAY = {90098, 90028, 90031, 50200, 90121};

    private DatabaseAway() {
    }

    /** True when {@code e} says the database could not be reached or could not write, not that the step was wrong. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || outOfDisk(t)) {
                return true;
            }
            if (t instanceof SQLException sql && away(sql.getSQLState(), sql.getErrorCode())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** True when {@code e} comes from a disk with no space left (PostgreSQL's 53100, or the file system's ENOSPC). */
    public static boolean isOutOfDisk(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (outOfDisk(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean outOfDisk(Throwable t) {
        // ENOSPC reaches H2's callers as the cause of its own exception, and the file system's words are all it has.
        return t instanceof SQLException sql && "53100".equals(sql.getSQLState())
                || t.getMessage() != null && t.getMessage().contains("No space left on device");
    }

    private static boolean away(String state, int code) {
        if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58") || state.equals("40001") || state.equals("40P01"))) {
            return true; // connection, resources, operator intervention, system error, serialization, deadlock
        }
        for (int away : H2_AWAY) {
            if (code == away) {
                return true;
            }
        }
        return false;
    }
}
