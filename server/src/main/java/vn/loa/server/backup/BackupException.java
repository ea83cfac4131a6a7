package vn.loa.server.backup;

/** Why a backup or a restore was refused or failed, in Vietnamese with the English term; nothing was overwritten. */
public final class BackupException extends Exception {

    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
