package vn.loa.bench.fanout;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One measured run of the peer a commune would otherwise pick for fan-out: Debian's {@code icecast2} serving a
 * 64 kb/s MP3, fed by {@code ffmpeg}, to N HTTP listeners in an {@link HttpListeners} process.
 */
final class IcecastRun {

    private static final String MOUNT = "/loa.mp3";
    private static final String PASSWORD = "bench-source-1";

    private final Duration warmUp;
    private final Duration window;
    private final int kbps;

    IcecastRun(Duration warmUp, Duration window) {
        this(warmUp, window, 64);
    }

    /** A run whose MP3 is {@code kbps} kb/s, to compare with another server at the same rate. */
    IcecastRun(Duration warmUp, Duration window, int kbps) {
        this.warmUp = warmUp;
        this.window = window;
        this.kbps = kbps;
    }

    IcecastFigures run(int listeners) throws Exception {
        Path dir = Files.createTempDirectory("loa-icecast-");
        // icecast drops to nobody before it opens its logs
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        Files.writeString(dir.resolve("icecast.xml"), IcecastConfig.xml(port, listeners + 100, PASSWORD, dir));
        Process icecast = new ProcessBuilder("bash", "-c",
                ChildProcess.RAISE_OPEN_FILES + " icecast2 -c " + dir.resolve("icecast.xml"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Process feeder = null;
        try {
            waitForServer(port, "/status-json.xsl", null);
            feeder = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                    "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100,volume=0.5",
                    "-ac", "1", "-c:a", "libmp3lame", "-b:a", kbps + "k", "-content_type", "audio/mpeg", "-f", "mp3",
                    "icecast://source:" + PASSWORD + "@127.0.0.1:" + port + MOUNT)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
            waitForServer(port, "/status-json.xsl", MOUNT);
            return ListenerWindow.measure(listeners, port, MOUNT, "1.0", icecast.pid(), warmUp, window);
        } finally {
            if (feeder != null) {
                feeder.destroy();
                feeder.waitFor();
            }
            icecast.destroy();
            icecast.waitFor();
        }
    }

    /** Waits until the status page answers and, when {@code mount} is given, lists it as a live source. */
    private static void waitForServer(int port, String page, String mount) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && (mount == null || r.body().contains(mount))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("icecast2 on port " + port + " did not serve " + (mount == null ? page : mount));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
