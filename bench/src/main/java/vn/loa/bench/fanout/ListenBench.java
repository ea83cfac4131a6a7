package vn.loa.bench.fanout;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import vn.loa.core.media.DataUse;
import vn.loa.server.LoaServer;
import vn.loa.server.air.PacketTimes;
import vn.loa.server.config.ConfigLoader;

/**
 * {@code ./loa bench listen} (issue 21): how many residents the public page's live MP3 serves on this machine, side by
 * side with Debian's Icecast serving an MP3 of the same bitrate (48 kb/s) to the same number of HTTP listeners
 * ({@link HttpListeners} in a process of its own for both), and the bytes a loudspeaker receives per hour on air per
 * codec and packet time ({@link DataUse} on espeak-ng's Vietnamese speech).
 *
 * <p>Settings ({@code -Dloa.bench.listen.*}): {@code counts} (250,1000,2000), {@code seconds} (15), {@code warmup} (5).
 * A server keeps up at a count when every listener connected and the slowest got at least 90% of the stream's rate.
 */
public final class ListenBench {

    private static final String KEY = "loa.bench.listen.";
    private static final String PASSWORD = "bench-password-1";
    /** Loa's MP3 mounts: 48 kb/s (Mp3Transcoder), so Icecast is fed the same. */
    private static final int KBPS = 48;

    private final List<Integer> counts = Arrays.stream(System.getProperty(KEY + "counts", "250,1000,2000").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
    private final Duration window = Duration.ofSeconds(Long.getLong(KEY + "seconds", 15));
    private final Duration warmUp = Duration.ofSeconds(Long.getLong(KEY + "warmup", 5));

    public void run(Path out, JsonObject machine) throws Exception {
        JsonArray runs = new JsonArray();
        int loaMost = 0;
        int icecastMost = 0;
        Properties p = ConfigLoader.defaults();
        p.setProperty("data.dir", Files.createTempDirectory("loa-bench-listen-").toString());
        p.setProperty("http.port", "0");
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("admin.password", PASSWORD);
        p.setProperty("http.connections.per.address", "0");
        p.setProperty("listen.max.listeners", "100000");
        JsonArray dataUse = new JsonArray();
        try (LoaServer server = new LoaServer(ConfigLoader.from(p), Clock.systemUTC())) {
            int port = server.start();
            HttpClient http = HttpClient.newHttpClient();
            String admin = vn.loa.bench.BenchApi.login(http, "http://127.0.0.1:" + port, "admin", PASSWORD);
            vn.loa.bench.BenchApi.send(http, "http://127.0.0.1:" + port, admin, "POST", "/api/v1/zones",
                    new JsonObject().put("id", "xa-nghe").put("name", "Xã Nghe Thử"));
            String mount = "/nghe/xa-nghe/truc-tiep/xa-nghe.mp3";
            for (int n : counts) {
                JsonObject loa = loa(port, mount, n);
                JsonObject icecast = new IcecastRun(warmUp, window, KBPS).run(n).json();
                boolean loaKeeps = keepsUp(loa, n);
                boolean iceKeeps = icecast.getInteger("connected") == n
                        && icecast.getDouble("slowestListenerBytesPerSecond") >= 0.9 * KBPS * 125;
                icecast.put("keepsUp", iceKeeps);
                loa.put("keepsUp", loaKeeps);
                loaMost = loaKeeps ? Math.max(loaMost, n) : loaMost;
                icecastMost = iceKeeps ? Math.max(icecastMost, n) : icecastMost;
                runs.add(new JsonObject().put("listeners", n).put("loa", loa).put("icecast", icecast));
                System.out.printf("%6d listeners  Loa %s (%.1f%% CPU)  Icecast %s (%.1f%% CPU)%n", n,
                        loaKeeps ? "keeps up" : "falls behind", loa.getDouble("cpuPercentOfOneCore"),
                        iceKeeps ? "keeps up" : "falls behind", icecast.getDouble("cpuPercentOfOneCore"));
            }
            for (DataUse.Row r : DataUse.of(speech())) {
                dataUse.add(new JsonObject().put("codec", r.codec()).put("packetTimeMs", r.packetTimeMillis())
                        .put("srtp", r.srtp()).put("meanPayloadBytes", r.payloadBytes())
                        .put("bytesPerSpeakerHour", r.bytesPerHour())
                        .put("megabytesPerSpeakerHour", Math.round(r.bytesPerHour() / 1e5) / 10.0));
            }
        }
        JsonObject result = new JsonObject()
                .put("benchmark", "residents' live MP3 (" + KBPS + " kb/s) vs Icecast at the same bitrate; bytes per "
                        + "speaker-hour per codec and packet time")
                .put("machine", machine.put("loadAverageAfter", vn.loa.bench.Machine.loadAverage()))
                .put("windowSeconds", window.toSeconds()).put("warmUpSeconds", warmUp.toSeconds())
                .put("zoneState", "quiet: both streams carry silence at their full bitrate (CBR MP3)")
                .put("runs", runs)
                .put("mostListenersKeptUp", new JsonObject().put("loa", loaMost).put("icecast", icecastMost)
                        .put("ratio", icecastMost == 0 ? null : Math.round(100.0 * loaMost / icecastMost) / 100.0))
                .put("dataPerSpeakerHour", dataUse)
                .put("headersPerPacketBytes", DataUse.HEADERS);
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily());
        System.out.println(result.encodePrettily());
    }

    private JsonObject loa(int port, String mount, int listeners) throws Exception {
        // The server runs in this process: its CPU is this JVM's (the bench itself sleeps meanwhile).
        return ListenerWindow.measure(listeners, port, mount, "1.1", ProcessHandle.current().pid(), warmUp, window)
                .json();
    }

    private static boolean keepsUp(JsonObject run, int listeners) {
        // Chunked framing adds a few bytes per chunk: the rate still counts the MP3 a listener gets.
        return run.getInteger("connected") == listeners
                && run.getDouble("slowestListenerBytesPerSecond") >= 0.9 * KBPS * 125;
    }

    /** {@link PacketTimes#SAMPLE_TEXT} spoken by espeak-ng's Vietnamese voice, at 48 kHz. */
    private static short[] speech() throws Exception {
        Process espeak = new ProcessBuilder("espeak-ng", "-v", "vi", "--stdout", PacketTimes.SAMPLE_TEXT).start();
        byte[] wav = espeak.getInputStream().readAllBytes();
        espeak.waitFor();
        vn.loa.wire.wav.WavFormat.Audio audio = vn.loa.wire.wav.WavFormat.read(wav);
        return PacketTimes.to48k(vn.loa.wire.pcm.Pcm16.samples(audio.pcm()), audio.sampleRate());
    }
}
