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

    private LoaCluster(int size) throws Exception {
        db = PostgresCluster.shared().newDatabase();
        data = Files.createTempDirectory("loa-cluster-");
        httpPorts = new int[size];
        clusterPorts = new int[size];
        members = new ServerProcess[size];
        for (int i = 0; i < size; i++) {
            httpPorts[i] = ServerProcess.freePort();
            clusterPorts[i] = ServerProcess.freePort();
        }
    }

    /** Starts {@code size} members one after the other (the first migrates the database). */
    public static LoaCluster start(int size) throws Exception {
        LoaCluster cluster = new LoaCluster(size);
        for (int i = 0; i < size; i++) {
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
        members[i] = ServerProcess.start(data, db, httpPorts[i], Map.of("LOA_CLUSTER", "true",
                "LOA_CLUSTER_HOST", "127.0.0.1", "LOA_CLUSTER_PORT", String.valueOf(clusterPorts[i]),
                "LOA_CLUSTER_MEMBERS", list.toString()));
    }

    /** Kills member {@code i} with SIGKILL. */
    public void kill(int i) throws InterruptedException {
        members[i].kill();
        members[i] = null;
    }

    /** Member {@code i}'s process, or null once killed. */
    public ServerProcess member(int i) {
        return members[i];
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
    public int owner(String zone, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonObject cluster = null;
        while (System.nanoTime() < deadline) {
            cluster = admin(other(-1)).get("/api/v1/cluster").json();
            for (Object o : cluster.getJsonArray("members")) {
                JsonObject m = (JsonObject) o;
                if (m.getJsonArray("zones").contains(zone)) {
                    for (int i = 0; i < members.length; i++) {
                        if (members[i] != null && m.getString("address").endsWith(":" + httpPorts[i])) {
                            return i;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no live owner of " + zone + " in " + cluster);
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
