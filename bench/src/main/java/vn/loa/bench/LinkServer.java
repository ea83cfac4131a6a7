package vn.loa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.loa.bench.fanout.CpuTime;

/**
 * A Loa server of the link bench in its own process on H2, in a data folder and on a port it keeps, so it can be
 * stopped (a link cut) and started again as the same system. Its CPU time is read from {@code /proc}.
 */
final class LinkServer {

    private final String id;
    private final Map<String, String> settings;
    private final Path data;
    private final int port;
    private Process process;

    LinkServer(String id, Map<String, String> settings) throws IOException {
        this.id = id;
        this.settings = settings;
        this.data = Files.createTempDirectory("loa-bench-link-" + id + "-");
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The server's embedded database, for the bench to open while the server is stopped. */
    String h2Url() {
        return "jdbc:h2:file:" + data.resolve("loa");
    }

    /** Starts the process (again) on its data folder and port; returns once it answers /health. */
    LinkServer start(HttpClient http) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "vn.loa.server.Main"));
        pb.environment().putAll(settings);
        pb.environment().put("LOA_LINK_ID", id);
        pb.environment().put("LOA_DATA_DIR", data.toString());
        pb.environment().put("LOA_HTTP_PORT", String.valueOf(port));
        pb.environment().put("LOA_HTTP_HOST", "127.0.0.1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server " + id + " ended with " + process.exitValue() + ", see "
                        + data.resolve("server.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server " + id + " did not answer within 5 minutes");
    }

    /** Stops it as an operator would (SIGTERM: it closes its database), and waits. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** CPU seconds (user + system) the running process has used. */
    double cpuSeconds() {
        return CpuTime.seconds(process.pid());
    }
}
