package vn.loa.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Switches the embedded H2 file to append-only chunk placement while the server runs (ADR 0015).
 *
 * <p>H2 2.5's MVStore loses committed transactions on a crash once it starts reusing the space of old chunks (45 s
 * after they died, the retention time): a chunk written into a hole its predecessor did not predict makes H2 rewrite
 * the file header, but the header still names the predecessor, so recovery follows the predecessor's chain to the end
 * of the file and never sees the new chunk nor the up to 20 commits chained after it. Appended chunks are always found
 * (recovery reads the last block of the file). The price is a file that grows with every commit, so the space is
 * given back at each start, before anything else writes, and on a clean stop, when H2 compacts the file.
 */
final class H2AppendOnly {

    private H2AppendOnly() {
    }

    /** The most a start spends compacting what the last run appended; the rest waits for the next start. */
    private static final int COMPACT_MILLIS = 5_000;

    /** Compacts what the last run appended, then, while the server runs, puts new chunks only at the end of the file. */
    static void start(DataSource pool) {
        MVStore store = store(pool);
        store.compactFile(COMPACT_MILLIS);
        store.setReuseSpace(false);
    }

    /** Before a clean close: lets H2's close-time compaction move chunks into the holes and shrink the file. */
    static void beforeClose(DataSource pool) {
        try {
            store(pool).setReuseSpace(true);
        } catch (RuntimeException e) {
            // Closing anyway: the file only stays larger until the next clean stop.
        }
    }

    private static MVStore store(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach H2's store to make it append-only: " + e.getMessage(), e);
        }
    }
}
