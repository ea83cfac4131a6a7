package vn.loa.server.testing;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Loa servers in their own processes forming one cluster (ADR 0038) on a fresh database of the shared
 * {@link PostgresCluster}, sharing one data folder as a shared file system would; each can be killed, frozen and
 * started again on its ports.
 */
public final class LoaCluster implements AutoCloseable {

    private final String db;
    private final Path data;
    private final int[] httpPorts;
    private final int[] clusterPorts;
    private final ServerProcess[] members;
    private final int[] sipPorts;
    private final boolean hotline;
    private final boolean quickJvms;
    private final Map<String, String> extra;

    private LoaCluster(int size, boolean hotline, boolean quickJvms, Map<String, String> extra) throws Exception {
        this.hotline = hotline;
        this.quickJvms = quickJvms;
        this.extra = Map.copyOf(extra);
        sipPorts = new int[size];
        db = PostgresCluster.shared().newDatabase();
        data = Files.createTempDirectory("loa-cluster-");
        httpPorts = new int[size];
        clusterPorts = new int[size];
        members = new ServerProcess[size];
        for (int i = 0; i < size; i++) {
            httpPorts[i] = ServerProcess.freePort();
            clusterPorts[i] = ServerProcess.freePort();
            sipPorts[i] = ServerProcess.freePort();
        }
    }

    /** Starts {@code size} members one after the other (the first migrates the database). */
    public static LoaCluster start(int size) throws Exception {
        return start(size, size, false);
    }

    /**
     * Starts the first {@code started} of {@code size} members (the others start with {@link #restart}); with
     * {@code hotline}, each member answers the phone on its own SIP port ({@link #sipPort}).
     */
    public static LoaCluster start(int size, int started, boolean hotline) throws Exception {
        return start(size, started, hotline, false);
    }

    /**
     * As {@link #start(int, int, boolean)}; with {@code quickJvms}, each member's JVM compiles with C1 only and
     * collects with one thread: it starts in about half the time on a loaded 2-core machine (tests that restart
     * members often), and runs slower, so benchmarks leave it off.
     */
    public static LoaCluster start(int size, int started, boolean hotline, boolean quickJvms) throws Exception {
        return start(size, started, hotline, quickJvms, Map.of());
    }

    /** As {@link #start(int, int, boolean, boolean)}, each member also given {@code settings} ({@code LOA_*}). */
    public static LoaCluster start(int size, int started, boolean hotline, boolean quickJvms,
            Map<String, String> settings) throws Exception {
        LoaCluster cluster = new LoaCluster(size, hotline, quickJvms, settings);
        for (int i = 0; i < started; i++) {
            cluster.restart(i);
        }
        return cluster;
    }

    /** Starts member {@code i} (again) on its ports and waits until it answers. */
    public void restart(int i) throws Exception {
        StringBuilder list = new StringBuilder();
        for (int port : clusterPorts) {
            list.append(list.isEmpty() ? "" : ",").append("127.0.0.1:").append(port);
        }
        Map<String, String> settings = new java.util.HashMap<>(Map.of("LOA_CLUSTER", "true",
                "LOA_CLUSTER_HOST", "127.0.0.1", "LOA_CLUSTER_PORT", String.valueOf(clusterPorts[i]),
                "LOA_CLUSTER_MEMBERS", list.toString()));
        if (quickJvms) {
            settings.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        }
        if (hotline) {
            settings.putAll(Map.of("LOA_HOTLINE_ENABLED", "true", "LOA_HOTLINE_HOST", "127.0.0.1",
                    "LOA_HOTLINE_PORT", String.valueOf(sipPorts[i])));
        }
        settings.putAll(extra);
        members[i] = ServerProcess.start(data, db, httpPorts[i], settings);
    }

    /** Stops member {@code i} cleanly (SIGTERM, waiting for its end): its leases are handed over at once. */
    public void stop(int i) throws Exception {
        members[i].stop();
        members[i] = null;
    }

    /** Member {@code i}'s SIP port, when the members answer the phone. */
    public int sipPort(int i) {
        return sipPorts[i];
    }

    /** Kills member {@code i} with SIGKILL. */
    public void kill(int i) throws InterruptedException {
        members[i].kill();
        members[i] = null;
    }

    /** The logs of every member started so far (each start writes its own file in the shared data folder). */
    public String logs() throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(data)) {
            for (Path log : files.filter(f -> f.getFileName().toString().matches("server-\\d+\\.log")).toList()) {
                all.append(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    /** Member {@code i}'s process, or null once killed. */
    public ServerProcess member(int i) {
        return members[i];
    }

    /** The JDBC URL of the members' database (user {@code loa}, no password). */
    public String databaseUrl() {
        return db;
    }

    public int size() {
        return members.length;
    }

    public int httpPort(int i) {
        return httpPorts[i];
    }

    public String baseUrl(int i) {
        return "http://127.0.0.1:" + httpPorts[i];
    }

    /** A live member other than {@code member} (-1: any live member). */
    public int other(int member) {
        for (int i = 0; i < members.length; i++) {
            if (i != member && members[i] != null) {
                return i;
            }
        }
        throw new AssertionError("no other member alive");
    }

    /** The admin signed in on member {@code i}. */
    public Api admin(int i) {
        return Api.signIn(baseUrl(i), "admin", TestServer.ADMIN_PASSWORD);
    }

    /** The live member holding {@code zone}'s lease, as {@code GET /api/v1/cluster} shows it; waits up to {@code limit}. */
    public int owner(String zone, Duration limit) {
        return holder("zones", zone, limit);
    }

    /**
     * The live member whose {@code list} ("zones" or "tasks") in {@code GET /api/v1/cluster} holds {@code name};
     * waits up to {@code limit}.
     */
    public int holder(String list, String name, Duration limit) {
        return org.awaitility.Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> holderNow(list, name), i -> i >= 0);
    }

    private int holderNow(String list, String name) {
        JsonObject cluster = admin(other(-1)).get("/api/v1/cluster").json();
        for (Object o : cluster.getJsonArray("members")) {
            JsonObject m = (JsonObject) o;
            if (m.getJsonArray(list).contains(name)) {
                for (int i = 0; i < members.length; i++) {
                    if (members[i] != null && m.getString("address").endsWith(":" + httpPorts[i])) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        for (ServerProcess member : members) {
            if (member != null) {
                member.thaw();
                member.close();
            }
        }
    }
}
