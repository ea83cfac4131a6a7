package vn.loa.core.media;

/**
 * The per-stage counts of one zone stream, from source to fan-out, for {@code /metrics} and the technician's page.
 *
 * <p>The stages before {@link PipelineStage#SHARE} run once per programme and codec for every zone that plays it:
 * each zone counts every unit made for it, and an equal share of the time, so time summed over zones is the time
 * spent. The fan-out's units out and drops are its datagrams, read from the output when asked.
 *
 * <p>Written by the pacing thread, read by any.
 */
public final class PipelineMeters {

    private static final PipelineStage[] STAGES = PipelineStage.values();

    /**
     * The zone half reads the clock on one tick in this many and counts that tick's time this many times over: a clock
     * read costs about as much as a stage's work there, on every zone and tick. Units are counted on every tick.
     */
    static final int TIMED_EVERY = 8;

    private final StageMeter[] stages = new StageMeter[STAGES.length];
    private final ZoneOutput output;

    /** @param output the zone's fan-out, whose datagrams the {@link PipelineStage#FAN_OUT} stage reports */
    public PipelineMeters(ZoneOutput output) {
        this.output = output;
        for (int i = 0; i < stages.length; i++) {
            stages[i] = new StageMeter();
        }
    }

    /** A zone stream's meters whose fan-out reports no datagrams (tests, a stream not yet given an output). */
    static PipelineMeters unattached() {
        return new PipelineMeters(null);
    }

    /** Whether the zone half times its stages on packet time number {@code tick}. */
    static boolean timed(long tick) {
        return (tick & (TIMED_EVERY - 1)) == 0;
    }

    StageMeter stage(PipelineStage stage) {
        return stages[stage.ordinal()];
    }

    /** Stage number {@code ordinal}, in the order of {@link PipelineStage}; for the metering of a pipeline. */
    StageMeter stage(int ordinal) {
        return stages[ordinal];
    }

    /** Frames or packets the stage took in. */
    public long in(PipelineStage stage) {
        return stage(stage).in();
    }

    /** Frames or packets the stage passed on; for the fan-out, datagrams sent. */
    public long out(PipelineStage stage) {
        if (stage == PipelineStage.FAN_OUT && output != null) {
            return output.datagramsSent();
        }
        return stage(stage).out();
    }

    /** Units the stage could not pass on; for the fan-out, datagrams that failed to send. */
    public long drops(PipelineStage stage) {
        if (stage == PipelineStage.FAN_OUT && output != null) {
            return output.sendFailures();
        }
        return stage(stage).drops();
    }

    /**
     * Time spent in the stage, in nanoseconds: work on the pacing thread (its share of a programme's work; from share
     * on, sampled on one tick in {@value #TIMED_EVERY}), except for {@link PipelineStage#PACE}, whose time is how long
     * after their deadlines the zone's packets left.
     */
    public long nanos(PipelineStage stage) {
        return stage(stage).nanos();
    }
}
