package vn.loa.server.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import vn.loa.server.LoaServer;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.LoaConfig;

/** A real Loa server for a test class: on H2 in a temporary folder, or on a fresh database of the test PostgreSQL. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-test-password";

    private final LoaServer server;
    private final LoaConfig config;
    private final int port;

    private TestServer(LoaConfig config) throws Exception {
        this(config, Clock.systemUTC());
    }

    private TestServer(LoaConfig config, Clock clock) throws Exception {
        this.config = config;
        this.server = new LoaServer(config, clock);
        this.port = server.start();
    }

    public static TestServer onH2() throws Exception {
        return new TestServer(config(""));
    }

    /** A server on H2 with some settings changed ({@code tts.cloud=...}). */
    public static TestServer onH2(java.util.Map<String, String> settings) throws Exception {
        return onH2(settings, Clock.systemUTC());
    }

    /** A server on H2 with some settings changed, whose services read the time from {@code clock}. */
    public static TestServer onH2(java.util.Map<String, String> settings, Clock clock) throws Exception {
        Properties p = properties("");
        settings.forEach(p::setProperty);
        return new TestServer(ConfigLoader.from(p), clock);
    }

    public static TestServer onPostgres() throws Exception {
        return new TestServer(config(PostgresCluster.shared().newDatabase()));
    }

    /** A server on a new PostgreSQL database with some settings changed. */
    public static TestServer onPostgres(java.util.Map<String, String> settings) throws Exception {
        Properties p = properties(PostgresCluster.shared().newDatabase());
        settings.forEach(p::setProperty);
        return new TestServer(ConfigLoader.from(p));
    }

    /** The configuration of a test server; the body limit is small so the limit test needs no huge body. */
    static LoaConfig config(String dbUrl) throws IOException {
        return ConfigLoader.from(properties(dbUrl));
    }

    private static Properties properties(String dbUrl) throws IOException {
        Properties p = ConfigLoader.defaults();
        Path data = TempDirs.create("loa-test-");
        p.setProperty("data.dir", data.toString());
        p.setProperty("db.url", dbUrl);
        p.setProperty("http.port", "0");
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("admin.password", ADMIN_PASSWORD);
        p.setProperty("http.body.limit", "65536");
        // Uploads up to 8 MB, so the oversized-upload tests stream a little more than that, not gigabytes.
        p.setProperty("audio.upload.limit", "8");
        // A relay's silence is reported after 2 s, so the silence test waits seconds, not half a minute.
        p.setProperty("relay.silence.limit", "2");
        // A notice's slide leaves the boards 2 s after it went off air, so the board test waits seconds, not a minute.
        p.setProperty("board.notice.linger", "2");
        // The tests' upstream streams (icecast, plain HTTP servers) run on this machine.
        p.setProperty("relay.allowed.hosts", "127.0.0.1,localhost");
        // Uploads need 16 MB free, not the production 500: a CI machine may run with little disk to spare.
        p.setProperty("disk.min.free", "16");
        // Repeating test notices air every 10 s (the default refuses rules under a minute apart).
        p.setProperty("schedule.min.interval", "10");
        // A speaker that has not confirmed an alert within 3 s is reported down, so the notify test waits seconds.
        p.setProperty("alert.down.after", "3");
        return p;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public LoaConfig config() {
        return config;
    }

    /** The server itself, for tests that call its internal interfaces (board banners). */
    public LoaServer loa() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
