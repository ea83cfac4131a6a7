package vn.loa.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Loa server in its own operating-system process (the same class path as the test), so a test can kill it the hard
 * way (SIGKILL) and start it again on the same data folder and database.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    /** The client that reaches it: plain, or trusting its TLS certificate. */
    private HttpClient client = HttpClient.newHttpClient();
    private String scheme = "http";

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server serving HTTPS ({@code LOA_TLS_CERT}, {@code LOA_TLS_KEY} among {@code settings}) and waits
     * until it answers {@code tls}'s client.
     */
    public static ServerProcess startTls(Path dataDir, String dbUrl, int port, Map<String, String> settings,
            javax.net.ssl.SSLContext tls) throws IOException {
        ServerProcess server = launch(dataDir, dbUrl, port, settings);
        server.client = HttpClient.newBuilder().sslContext(tls).build();
        server.scheme = "https";
        server.awaitHealthy(Duration.ofMinutes(2));
        return server;
    }

    /** The client that reaches this server (over TLS when it serves HTTPS). */
    public HttpClient client() {
        return client;
    }

    /** Starts {@code vn.loa.server.Main} with these settings ({@code LOA_*} variables) and waits until it answers. */
    public static ServerProcess start(Path dataDir, String dbUrl, int port, Map<String, String> settings)
            throws IOException, InterruptedException {
        ServerProcess server = launch(dataDir, dbUrl, port, settings);
        server.awaitHealthy(Duration.ofMinutes(4)); // a JVM start, on a machine that may run several ITs at once
        return server;
    }

    /** Starts the process without waiting for it, e.g. to kill it while it recovers or migrates its database. */
    public static ServerProcess launch(Path dataDir, String dbUrl, int port, Map<String, String> settings)
            throws IOException {
        return launch(dataDir, dbUrl, port, settings, System.getProperty("java.class.path"));
    }

    /** Starts the process with this class path, e.g. the tests' own with a folder of extra migrations in front. */
    public static ServerProcess launch(Path dataDir, String dbUrl, int port, Map<String, String> settings,
            String classPath) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A bench may give members more heap (-Dloa.server.heap=1g for ten thousand agents); the tests' servers fit 256 MB.
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + System.getProperty("loa.server.heap", "256m")));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", classPath, "vn.loa.server.Main"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LOA_DATA_DIR", dataDir.toString());
        pb.environment().put("LOA_DB_URL", dbUrl);
        pb.environment().put("LOA_HTTP_PORT", String.valueOf(port));
        pb.environment().put("LOA_HTTP_HOST", "127.0.0.1");
        pb.environment().put("LOA_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        // As the in-process test server: the tests' upstream streams (Icecast, a stalled relay) run on this machine.
        pb.environment().put("LOA_RELAY_ALLOWED_HOSTS", "127.0.0.1,localhost");
        pb.environment().put("LOA_DISK_MIN_FREE", "16");
        pb.environment().putAll(settings);
        pb.redirectErrorStream(true);
        Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        return new ServerProcess(pb.start(), port, log);
    }

    /**
     * The JVM options of the Java programs a test starts (servers, {@code loa backup}, node agents), from
     * {@code loa.it.server.jvm}: in the forks (ADR 0036) the client compiler only, which halves the CPU a server's
     * start costs; none where the server is timed (the {@code alone} execution, {@code ./loa bench}), so it runs the
     * JIT it has in use.
     */
    public static List<String> jvmOptions() {
        String options = System.getProperty("loa.it.server.jvm", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitHealthy(Duration limit) {
        try {
            awaitAnswer(limit);
        } catch (RuntimeException e) {
            // The data folder goes when the test JVM ends: the server's own words are the only clue left.
            throw new AssertionError(e.getMessage() + "\n--- the end of the server's log " + log + ":\n" + logTail(), e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void awaitAnswer(Duration limit) {
        HttpClient http = client;
        await().alias("the server process answers /health").atMost(limit).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the server process ended with " + process.exitValue());
                    }
                    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
    }

    /** The server's resident memory now (VmRSS), in MB, for tests that bound it. */
    public long residentMegabytes() throws IOException {
        return java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                .findFirst().orElseThrow() / 1024;
    }

    /** Waits for the process to end by itself (a refused start); its exit status, or -1 if it still runs. */
    public int awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** The process id, to read its CPU time from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return scheme + "://127.0.0.1:" + port;
    }

    /** Freezes the process (SIGSTOP), as a stalled machine or a long pause would; {@link #thaw} lets it run again. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a frozen process run again (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " ended with " + status);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the server as a service manager would (SIGTERM), and waits until it has ended; killed after 30 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
