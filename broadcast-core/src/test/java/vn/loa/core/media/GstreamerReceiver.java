package vn.loa.core.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's GStreamer as an independent RTP receiver: {@code gst-launch-1.0} listens for a PCMU stream on a loopback
 * port and records it to a WAV file, as a third-party IP speaker would play it.
 */
public final class GstreamerReceiver implements AutoCloseable {

    private final Process process;
    private final Path wav;
    private final int port;

    private GstreamerReceiver(Process process, Path wav, int port) {
        this.process = process;
        this.wav = wav;
        this.port = port;
    }

    /** Starts a PCMU receiver and returns once its pipeline is playing; skips the test without GStreamer. */
    public static GstreamerReceiver recordPcmu(Path wav) throws Exception {
        return record(wav, "clock-rate=8000,encoding-name=PCMU,payload=0", "rtppcmudepay", "mulawdec");
    }

    /** Starts an Opus receiver (payload type 111) recording 48 kHz mono. */
    public static GstreamerReceiver recordOpus(Path wav) throws Exception {
        return record(wav, "clock-rate=48000,encoding-name=OPUS,payload=111", "rtpopusdepay", "opusdec");
    }

    private static GstreamerReceiver record(Path wav, String caps, String depayloader, String decoder)
            throws Exception {
        Assumptions.assumeTrue(onPath("gst-launch-1.0"), "gst-launch-1.0 is not installed (gstreamer1.0-tools)");
        int port = freeEvenPort();
        return start(wav, port, "udpsrc", "address=127.0.0.1", "port=" + port,
                "caps=application/x-rtp,media=audio," + caps,
                "!", "rtpjitterbuffer", "!", depayloader, "!", decoder, "!", "audioconvert",
                "!", "audio/x-raw,channels=1", "!", "wavenc", "!", "filesink", "location=" + wav);
    }

    /**
     * Starts a PCMU receiver that knows nothing but the SDP file Loa published (GStreamer's {@code sdpdemux}, from
     * gstreamer1.0-plugins-bad), as an operator would point a player at {@code /api/v1/streams/{zone}.sdp}.
     */
    public static GstreamerReceiver recordFromSdp(Path sdp, int port, Path wav) throws Exception {
        Assumptions.assumeTrue(onPath("gst-launch-1.0"), "gst-launch-1.0 is not installed (gstreamer1.0-tools)");
        Assumptions.assumeTrue(hasElement("sdpdemux"), "sdpdemux is not installed (gstreamer1.0-plugins-bad)");
        return start(wav, port, "filesrc", "location=" + sdp, "!", "sdpdemux", "!", "rtppcmudepay", "!", "mulawdec",
                "!", "audioconvert", "!", "wavenc", "!", "filesink", "location=" + wav);
    }

    /** A free even UDP port on loopback, as RTP wants (RFC 3550 §11). */
    public static int freePort() throws IOException {
        return freeEvenPort();
    }

    private static GstreamerReceiver start(Path wav, int port, String... pipeline) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("gst-launch-1.0", "-e"));
        command.addAll(List.of(pipeline));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Boolean> playing = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("Setting pipeline to PLAYING")) {
                        CompletableFuture.runAsync(() -> drain(out)); // keep the pipe from filling up
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        if (!playing.get(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gst-launch-1.0 did not start playing");
        }
        return new GstreamerReceiver(process, wav, port);
    }

    public int port() {
        return port;
    }

    public InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }

    /** Sends end-of-stream (SIGINT with -e) so the WAV header is completed, then waits for the file. */
    public Path finish() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gst-launch-1.0 did not stop on end-of-stream");
        }
        return wav;
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(wav);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard: the output only matters until the pipeline plays
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freeEvenPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                if (probe.getLocalPort() % 2 == 0) {
                    return probe.getLocalPort();
                }
            }
        }
        throw new IOException("no free even UDP port on loopback");
    }

    private static boolean hasElement(String element) throws Exception {
        Process inspect = new ProcessBuilder("gst-inspect-1.0", element).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return inspect.waitFor(30, TimeUnit.SECONDS) && inspect.exitValue() == 0;
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
