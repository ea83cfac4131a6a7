package vn.loa.server.air;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;
import vn.loa.core.media.PipelineMeters;
import vn.loa.core.media.PipelineStage;

/**
 * Exports the per-stage counts of every zone stream to {@code /metrics}: {@code loa_pipeline_units_in_total},
 * {@code loa_pipeline_units_out_total}, {@code loa_pipeline_drops_total} and {@code loa_pipeline_busy_seconds_total},
 * tagged with the zone, the stream (codec, and SRTP for the node agents' stream) and the stage.
 *
 * <p>The counters read the pacing thread's counts when scraped; nothing is added to the packets' path.
 *
 * <p>Beside them, {@code loa_node_heartbeats_total}: the heartbeats this server took from its node agents (issue 15),
 * so the agents' load on each member of a cluster can be read from outside.
 */
public final class PipelineMetrics {

    private PipelineMetrics() {
    }

    /** Registers the counters of every stream of {@code air}, now and as they open, and its agents' heartbeats. */
    public static void bind(AirStation air, MeterRegistry registry) {
        air.streams().eachOpened((key, meters) -> register(key, meters, registry));
        bindHeartbeats(air.sessions(), registry);
    }

    static void bindHeartbeats(NodeSessions sessions, MeterRegistry registry) {
        FunctionCounter.builder("loa.node.heartbeats", sessions, NodeSessions::heartbeats)
                .description("Heartbeats taken from the node agents connected to this server").register(registry);
    }

    /** How a stream is named beside its zone: {@code PCMU}, or {@code PCMU/SRTP} for the node agents' stream. */
    static String streamName(ZoneStreams.Key key) {
        return key.codec().name() + (key.secure() ? "/SRTP" : "");
    }

    private static void register(ZoneStreams.Key key, PipelineMeters meters, MeterRegistry registry) {
        for (PipelineStage stage : PipelineStage.values()) {
            Tags tags = Tags.of("zone", key.zone(), "stream", streamName(key), "stage", stage.label());
            counter(registry, "loa.pipeline.units.in", "Frames or packets a stage of a zone stream took in", tags,
                    meters, m -> m.in(stage));
            counter(registry, "loa.pipeline.units.out", "Frames or packets a stage passed on (fan-out: datagrams)",
                    tags, meters, m -> m.out(stage));
            counter(registry, "loa.pipeline.drops", "Units a stage could not pass on (fan-out: failed datagrams)",
                    tags, meters, m -> m.drops(stage));
            FunctionCounter.builder("loa.pipeline.busy", meters, m -> m.nanos(stage) / 1e9).baseUnit("seconds")
                    .description("Time spent in a stage, a shared programme's split between its zones (pace: time "
                            + "packets left after their deadline)")
                    .tags(tags).register(registry);
        }
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags,
            PipelineMeters meters, ToDoubleFunction<PipelineMeters> count) {
        FunctionCounter.builder(name, meters, count).description(description).tags(tags).register(registry);
    }
}
