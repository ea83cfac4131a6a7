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
     * The pool's source of connections to the file named by {@code url}, on a store that only appends while the server
     * runs. Opens the database (and its keeper, {@link #keeper}) at once.
     */
    static Source source(String url) {
        Source source = new Source(url);
        try (Connection first = source.getConnection()) {
            return source;
        } catch (SQLException e) {
            source.close();
            throw new IllegalStateException("cannot open the H2 database to make it append-only: " + e.getMessage(), e);
        }
    }

    /**
     * Connections whose store only appends: each new one is checked against the database last seen, and a database
     * H2 opened anew (it closes one whose file could not be written: a full disk) is made append-only again and
     * gets a new keeper, so the server carries on once space is freed, without a restart (ADR 0025).
     *
     * <p>The keeper is a connection held open until the server stops: H2 closes a database when its last connection
     * closes (pools retire theirs) and would open it again with reuse switched back on.
     */
    static final class Source implements javax.sql.DataSource, AutoCloseable {

        private final String url;
        private Object database;
        private Connection keeper;

        private Source(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = DriverManager.getConnection(url);
            try {
                appendOnly(session(connection));
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        }

        private synchronized void appendOnly(SessionLocal session) throws SQLException {
            if (session.getDatabase() == database) {
                return;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            store.setReuseSpace(false);
            if (database != null) {
                LOG.warn("the H2 database was closed (a write failed) and is open again; it stays append-only");
            }
            Connection previous = keeper;
            keeper = DriverManager.getConnection(url);
            database = session.getDatabase();
            closeQuietly(previous);
        }

        private static SessionLocal session(Connection connection) throws SQLException {
            return (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        }

        @Override
        public synchronized void close() {
            closeQuietly(keeper);
            keeper = null;
        }

        private static void closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // a keeper of a database that was closed under it
                }
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            throw new java.sql.SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
