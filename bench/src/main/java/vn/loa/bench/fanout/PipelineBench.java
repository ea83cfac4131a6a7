package vn.loa.bench.fanout;

import com.sun.management.ThreadMXBean;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import vn.loa.bench.Machine;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.media.MediaClock;
import vn.loa.core.media.MixPlan;
import vn.loa.core.media.PcmBufferSource;
import vn.loa.core.media.StreamCodec;
import vn.loa.core.media.Transmitter;
import vn.loa.core.media.ZoneOutput;
import vn.loa.core.model.Priority;
import vn.loa.wire.rtp.RtpPacket;

/**
 * {@code ./loa bench pipeline}: the pacing thread's own work per 20 ms tick for a notice's whole path (resample to
 * packets, every zone), without sockets: CPU time and bytes allocated per tick, read from the thread's own counters,
 * with the transmitter's clock moved by hand so no waiting is measured. Uses only the transmitter's public API, so the
 * same jar measures an older broadcast-core put first on the class path. {@code loa.bench.pipeline.ticks} (5000).
 */
public final class PipelineBench {

    private static final int TICKS = Integer.getInteger("loa.bench.pipeline.ticks", 5000);
    private static final int ROUNDS = 4;

    private long now;

    public void run(Path out, JsonObject machine) throws Exception {
        String loadBefore = Machine.loadAverage();
        JsonArray runs = new JsonArray();
        for (StreamCodec codec : new StreamCodec[] {StreamCodec.PCMU, StreamCodec.OPUS}) {
            for (int zones : new int[] {1, 10, 100}) {
                if (codec == StreamCodec.OPUS && zones == 100) {
                    continue; // one Opus encoder is shared by all zones: 100 zones measure the same as 10
                }
                runs.add(measure(codec, zones));
            }
        }
        JsonObject result = new JsonObject()
                .put("benchmark", "the pacing thread's work per 20 ms tick for one notice on N zones of one codec, no"
                        + " sockets (the fan-out is the fanout bench): best of " + (ROUNDS - 1) + " rounds of " + TICKS
                        + " ticks after a warm-up round")
                .put("loadAverage", new JsonObject().put("before", loadBefore).put("after", Machine.loadAverage()))
                .put("machine", machine)
                .put("runs", runs);
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private JsonObject measure(StreamCodec codec, int zoneCount) {
        MediaClock clock = new MediaClock() {
            @Override
            public long nanoTime() {
                return now;
            }

            @Override
            public void waitUntil(long deadline) {
                now = Math.max(now, deadline);
            }
        };
        ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        short[] speech = fanoutSpeech();
        double bestCpu = Double.MAX_VALUE;
        long bytes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Transmitter transmitter = new Transmitter(clock, () -> Instant.EPOCH, "loa@bench", event -> { });
            Set<String> zones = new HashSet<>();
            for (int z = 0; z < zoneCount; z++) {
                transmitter.openZone("thon-" + z, codec, new Discard());
                zones.add("thon-" + z);
            }
            transmitter.air("bench-notice", Priority.SCHEDULED, PreemptionPolicy.RESTART, zones,
                    () -> new PcmBufferSource(speech, SpeechLikeSignal.SAMPLE_RATE), MixPlan.once());
            long cpu0 = thread.getThreadCpuTime(id);
            long bytes0 = thread.getThreadAllocatedBytes(id);
            for (int i = 0; i < TICKS; i++) {
                transmitter.tickDue();
                now += 20_000_000L;
            }
            if (round > 0) {
                bestCpu = Math.min(bestCpu, (thread.getThreadCpuTime(id) - cpu0) / 1000.0 / TICKS);
                bytes = (thread.getThreadAllocatedBytes(id) - bytes0) / TICKS;
            }
            transmitter.close();
        }
        System.out.printf("%-5s %3d zones: %8.1f µs and %7d bytes per tick%n", codec, zoneCount, bestCpu, bytes);
        return new JsonObject().put("codec", codec.name()).put("zones", zoneCount)
                .put("cpuMicrosPerTick", Math.round(bestCpu * 10) / 10.0).put("bytesAllocatedPerTick", bytes);
    }

    private static short[] fanoutSpeech() {
        return SpeechLikeSignal.seconds(TICKS / 50 + 10);
    }

    /** Where packets go when only the work before the sockets is measured. */
    private static final class Discard implements ZoneOutput {
        private long bytes;

        @Override
        public void send(RtpPacket packet) {
            bytes += packet.payload().length;
        }

        @Override
        public void sendControl(byte[] rtcp) {
            bytes += rtcp.length;
        }
    }
}
