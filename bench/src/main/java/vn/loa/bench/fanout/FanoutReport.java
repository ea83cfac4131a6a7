package vn.loa.bench.fanout;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import vn.loa.core.media.StreamCodec;

/**
 * The figures of a fan-out benchmark as {@code bench/results/fanout.json}: every run, the largest passing node count
 * per codec, how CPU per 1,000 nodes grows with the count, and the ratio to Icecast's CPU per 1,000 listeners.
 */
final class FanoutReport {

    private final List<FanoutFigures> runs;
    private final List<IcecastFigures> peers;
    private final List<StreamCodec> codecs;

    FanoutReport(List<FanoutFigures> runs, List<IcecastFigures> peers, List<StreamCodec> codecs) {
        this.runs = runs;
        this.peers = peers;
        this.codecs = codecs;
    }

    JsonObject json() {
        JsonObject largest = new JsonObject();
        JsonObject growth = new JsonObject();
        for (StreamCodec codec : codecs) {
            largest.put(codec.name(), new JsonObject().put("oneZone", largestPassing(codec, 1))
                    .put("tenZones", largestPassing(codec, 10)));
            JsonObject perSize = new JsonObject();
            runs.stream().filter(r -> r.codec().equals(codec.name()) && r.zones() == 1).forEach(r -> {
                JsonObject size = new JsonObject().put("cpuPercentPer1000Nodes", FanoutFigures.round(r.cpuPerThousand()))
                        .put("passes", r.passes());
                icecast(r.nodes()).ifPresent(p -> size
                        .put("icecastCpuPercentPer1000Listeners", FanoutFigures.round(p.cpuPerThousand()))
                        .put("loaToIcecastCpuRatio", ratio(r, p)));
                perSize.put(Integer.toString(r.nodes()), size);
            });
            growth.put(codec.name(), perSize);
        }
        JsonArray loa = new JsonArray();
        runs.forEach(r -> loa.add(r.json()));
        JsonArray icecast = new JsonArray();
        peers.forEach(p -> icecast.add(p.json()));
        return new JsonObject()
                .put("benchmark", "unicast RTP fan-out on loopback: one Loa process, nodes in a separate process")
                .put("passMark", "no datagram lost and p99 send-time error < 5 ms")
                .put("sendTimeError", "how long after its planned time a node's packet had left: the 20 ms deadline "
                        + "of the tick plus the phase of its batch when a round is spread over the packet time "
                        + "(spreadMillis > 0), else the tick's deadline for the whole round")
                .put("cpuUnit", "% of one core (100 = one core busy)")
                .put("icecastPeer", "Debian icecast2, one 64 kb/s MP3 mount fed by ffmpeg, HTTP listeners in a"
                        + " separate process")
                .put("largestPassingNodes", largest)
                .put("byNodeCount", growth)
                .put("loaRuns", loa)
                .put("icecastRuns", icecast);
    }

    /** The largest node count that passed, among counts where every smaller one passed too; 0 if none. */
    int largestPassing(StreamCodec codec, int zones) {
        int best = 0;
        for (FanoutFigures r : runs) {
            if (r.codec().equals(codec.name()) && r.zones() == zones) {
                if (!r.passes()) {
                    break;
                }
                best = Math.max(best, r.nodes());
            }
        }
        return best;
    }

    Optional<IcecastFigures> icecast(int listeners) {
        return peers.stream().filter(p -> p.listeners() == listeners).findFirst();
    }

    static double ratio(FanoutFigures loa, IcecastFigures icecast) {
        return Math.round(100 * loa.cpuPerThousand() / icecast.cpuPerThousand()) / 100.0;
    }
}
