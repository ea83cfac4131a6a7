package vn.loa.server.db;

/** A migration of the database failed at start-up; the message says what was done about it and what to do. */
public final class DatabaseUpgradeException extends RuntimeException {
    DatabaseUpgradeException(String message, Throwable cause) {
        super(message, cause);
    }
}
