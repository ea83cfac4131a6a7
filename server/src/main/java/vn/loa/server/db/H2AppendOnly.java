package vn.loa.server.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the embedded H2 file to append-only chunk placement while the server runs (ADR 0015).
 *
 * <p>H2 2.5's MVStore loses committed transactions on a crash once it starts reusing the space of old chunks (45 s
 * after they died, the retention time): a chunk written into a hole its predecessor did not predict makes H2 rewrite
 * the file header, but the header still names the predecessor, so recovery follows the predecessor's chain to the end
 * of the file and never sees the new chunk nor the up to 20 commits chained after it. Appended chunks are always found
 * (recovery reads the last block of the file). The price is a file that grows with every commit, so the space is
 * given back at each start, before the database opens, by H2's own defragmentation: the live data copied into a new
 * file that atomically replaces the old one (a crash during it leaves the old file whole).
 */
final class H2AppendOnly {

    private H2AppendOnly() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(H2AppendOnly.class);
    private static final String FILE_URL = "jdbc:h2:file:";

    /** Copies the live data of the database file named by {@code url} into a compact file, before it is opened. */
    static void compact(String url) {
        int end = url.indexOf(';');
        Path file = Path.of(url.substring(FILE_URL.length(), end < 0 ? url.length() : end) + ".mv.db");
        if (!Files.exists(file)) {
            return;
        }
        try {
            long before = Files.size(file);
            MVStoreTool.compact(file.toString(), false);
            LOG.info("H2 file compacted at start-up: {} -> {} bytes", before, Files.size(file));
        } catch (IOException | RuntimeException e) {
            // In use by another process, or unreadable: opening it says why; a larger file is no reason not to start.
            LOG.warn("H2 file not compacted at start-up: {}", e.getMessage());
        }
    }

    /**
     * While the server runs, new chunks only go to the end of the file. Returns a connection to hold open until the
     * server stops: H2 closes a database when its last connection closes (pools retire theirs) and would open it again
     * with reuse switched back on.
     */
    static Connection start(String url) {
        try {
            Connection keeper = DriverManager.getConnection(url);
            SessionLocal session = (SessionLocal) keeper.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            store.setReuseSpace(false);
            return keeper;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the H2 database to make it append-only: " + e.getMessage(), e);
        }
    }
}
