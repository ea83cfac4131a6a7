package vn.loa.server.backup;

import java.nio.file.Path;

/** How one kind of database is saved into a backup and loaded from it. */
interface DatabaseCopy {

    /** The copy for the database {@code config} names. */
    static DatabaseCopy of(vn.loa.server.config.LoaConfig config) {
        return config.isPostgres()
                ? new PostgresCopy(config.dbUrl(), config.dbUser(), config.dbPassword())
                : new H2Copy(config.dbUrl());
    }

    /** "h2" or "postgresql", as the manifest names it. */
    String kind();

    /** The database's entry in the archive. */
    String entryName();

    /** Writes a consistent copy of the database to {@code target} (a new file). */
    void save(Path target) throws BackupException;

    /** Refuses unless the database is empty (nothing to overwrite). */
    void checkEmpty() throws BackupException;

    /** Loads the saved copy into the (empty) database. */
    void load(Path saved) throws BackupException;
}
