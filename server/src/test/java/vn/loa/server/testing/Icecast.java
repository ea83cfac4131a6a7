package vn.loa.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's icecast2 on a loopback port with its configuration and logs in a temporary folder, and ffmpeg processes
 * feeding it (a tone, or silence) as MP3 sources.
 */
public final class Icecast implements AutoCloseable {

    private static final String PASSWORD = "loa-nguon";

    private final Process server;
    private final int port;
    private final List<Process> feeds = new ArrayList<>();

    private Icecast(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    public static Icecast start() throws Exception {
        Path dir = TempDirs.create("loa-icecast-");
        // As root, icecast2 changes to nobody (PARTS.md), who must still write its logs here.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = ServerProcess.freePort();
        String config = """
                <icecast>
                  <limits><clients>20</clients><sources>4</sources><burst-size>16384</burst-size></limits>
                  <authentication><source-password>%s</source-password><admin-user>admin</admin-user>
                    <admin-password>%s</admin-password></authentication>
                  <hostname>127.0.0.1</hostname>
                  <listen-socket><port>%d</port><bind-address>127.0.0.1</bind-address></listen-socket>
                  <paths><basedir>%s</basedir><logdir>%s</logdir><webroot>/usr/share/icecast2/web</webroot>
                    <adminroot>/usr/share/icecast2/admin</adminroot></paths>
                  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
                  <security><chroot>0</chroot><changeowner><user>nobody</user><group>nogroup</group></changeowner>
                  </security>
                </icecast>
                """.formatted(PASSWORD, PASSWORD, port, dir, dir);
        Path file = dir.resolve("icecast.xml");
        Files.writeString(file, config);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Process server = new ProcessBuilder("icecast2", "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Icecast icecast = new Icecast(server, port);
        icecast.awaitListening();
        return icecast;
    }

    private void awaitListening() {
        await().alias("icecast2 listens on " + port).atMost(Duration.ofSeconds(10))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    new Socket("127.0.0.1", port).close();
                    return true;
                });
    }

    /** Feeds {@code mount} with an endless tone of {@code hertz} (0 for silence), MP3 at 64 kbit/s, in real time. */
    public String feed(String mount, int hertz) throws IOException {
        String source = hertz > 0 ? "sine=frequency=" + hertz + ":sample_rate=44100" : "anullsrc=r=44100:cl=mono";
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", source,
                "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", "-content_type", "audio/mpeg", "-f", "mp3",
                "icecast://source:" + PASSWORD + "@127.0.0.1:" + port + "/" + mount)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        feeds.add(p);
        return url(mount);
    }

    public String url(String mount) {
        return "http://127.0.0.1:" + port + "/" + mount;
    }

    /** Waits until a listener gets bytes from {@code mount}: the source has connected. */
    public void awaitMount(String mount) {
        var http = java.net.http.HttpClient.newHttpClient();
        await().alias("mount " + mount + " plays").atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    var reply = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(mount)))
                            .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                    try (var in = reply.body()) {
                        return reply.statusCode() == 200 && in.readNBytes(1024).length > 0;
                    }
                });
    }

    @Override
    public void close() {
        feeds.forEach(Process::destroyForcibly);
        server.destroyForcibly();
    }
}
