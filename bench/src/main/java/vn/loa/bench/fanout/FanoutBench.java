package vn.loa.bench.fanout;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.loa.bench.Machine;
import vn.loa.core.media.StreamCodec;

/**
 * {@code ./loa bench fanout}: how many unicast nodes one Loa process feeds on loopback with nothing lost and 99% of
 * its 20 ms rounds out within 5 ms, its CPU per 1,000 nodes, and Icecast's CPU per 1,000 HTTP listeners beside it.
 *
 * <p>System properties narrow a run by hand: {@code loa.bench.fanout.sizes} (1000,2000,5000,10000),
 * {@code .codecs} (PCMU,OPUS), {@code .seconds} (20), {@code .warmup} (5), {@code .icecast} (true),
 * {@code .receiverThreads} (2), {@code .spreadMillis} (the server's; 0 sends each round all at once).
 */
public final class FanoutBench {

    private static final String KEY = "loa.bench.fanout.";

    private final List<Integer> sizes = Arrays.stream(System.getProperty(KEY + "sizes", "1000,2000,5000,10000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private final List<StreamCodec> codecs = Arrays.stream(System.getProperty(KEY + "codecs", "PCMU,OPUS")
            .split(",")).map(String::trim).map(StreamCodec::valueOf).toList();
    private final Duration window = Duration.ofSeconds(Long.getLong(KEY + "seconds", 20));
    private final Duration warmUp = Duration.ofSeconds(Long.getLong(KEY + "warmup", 5));
    private final boolean icecast = Boolean.parseBoolean(System.getProperty(KEY + "icecast", "true"));
    private final int receiverThreads = Integer.getInteger(KEY + "receiverThreads", 2);
    private final Duration spread = Duration.ofMillis(Long.getLong(KEY + "spreadMillis",
            vn.loa.core.media.UdpFanOut.SERVER_SPREAD.toMillis()));

    public void run(Path out, JsonObject machine) throws Exception {
        String loadBefore = Machine.loadAverage();
        LoaFanoutRun loa = new LoaFanoutRun(warmUp, window, receiverThreads, spread);
        List<FanoutFigures> runs = new ArrayList<>();
        List<IcecastFigures> peers = new ArrayList<>();
        FanoutTable table = new FanoutTable();
        io.vertx.core.json.JsonArray loads = new io.vertx.core.json.JsonArray();
        for (int nodes : sizes) {
            for (StreamCodec codec : codecs) {
                for (int zones : new int[] {1, 10}) {
                    FanoutFigures f = loa.run(codec, nodes, zones);
                    runs.add(f);
                    loads.add(new JsonObject().put("codec", codec.name()).put("nodes", nodes).put("zones", zones)
                            .put("loadAverageAfter", Machine.loadAverage()));
                    table.print(f);
                }
            }
            if (icecast) {
                IcecastFigures peer = new IcecastRun(warmUp, window).run(nodes);
                peers.add(peer);
                table.print(peer);
            }
        }
        JsonObject result = new FanoutReport(runs, peers, codecs).json()
                .put("warmUpSeconds", warmUp.toSeconds())
                .put("measureSeconds", window.toSeconds())
                .put("spreadMillis", spread.toMillis())
                // Other work on a shared machine takes cores from the sender and the nodes alike.
                .put("loadAverage", new JsonObject().put("before", loadBefore).put("after", Machine.loadAverage())
                        .put("afterEachRun", loads))
                .put("machine", machine);
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        table.summary(result);
        System.out.println("wrote " + out);
    }
}
