package vn.loa.core.media;

import java.util.ArrayList;
import java.util.List;
import vn.loa.wire.pcm.MediaSource;

/**
 * A running chain of stages from a source to its last stage, built by {@link PipelineBuilder}; pulling it pulls
 * every stage in turn.
 *
 * <p>Not thread-safe: one consumer, usually the pacer of a zone stream.
 */
public final class MediaPipeline<T> implements MediaSource<T> {

    private final MeteredSource<T> last;
    private final List<MeteredSource<?>> stages;
    /** Each stage's {@link PipelineStage} number, or -1 for a stage of another name; for {@link #chargeTo}. */
    private final int[] ordinals;
    private final long[] chargedUnits;
    private final long[] chargedNanos;

    MediaPipeline(MeteredSource<T> last, List<MeteredSource<?>> stages) {
        this.last = last;
        this.stages = List.copyOf(stages);
        this.ordinals = new int[stages.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = -1;
            for (PipelineStage stage : PipelineStage.values()) {
                if (stage.label().equals(stages.get(i).name())) {
                    ordinals[i] = stage.ordinal();
                }
            }
        }
        this.chargedUnits = new long[ordinals.length];
        this.chargedNanos = new long[ordinals.length];
    }

    /** Starts a pipeline at {@code source}, named for the statistics. */
    public static <T> PipelineBuilder<T> from(String name, MediaSource<T> source) {
        return new PipelineBuilder<>(name, source);
    }

    @Override
    public T pull() {
        return last.pull();
    }

    /** Drains the pipeline and returns everything it made; for files, tests and pre-rendering. */
    public List<T> pullAll() {
        List<T> all = new ArrayList<>();
        for (T unit = pull(); unit != null; unit = pull()) {
            all.add(unit);
        }
        return all;
    }

    /**
     * Adds what each stage did since the last call to the meters of the first {@code count} of {@code zones}, the
     * zones this pipeline's output is shared by: every zone counts every unit, and the time is split between them.
     * Allocates nothing: it runs for every frame a programme makes.
     */
    void chargeTo(PipelineMeters[] zones, int count) {
        long unitsIn = -1;
        for (int i = 0; i < ordinals.length; i++) {
            MeteredSource<?> stage = stages.get(i);
            long units = stage.units() - chargedUnits[i];
            long nanos = stage.ownNanos() - chargedNanos[i];
            chargedUnits[i] += units;
            chargedNanos[i] += nanos;
            long in = unitsIn < 0 ? units : unitsIn;
            unitsIn = units;
            if (ordinals[i] >= 0 && count > 0) {
                for (int z = 0; z < count; z++) {
                    zones[z].stage(ordinals[i]).add(in, units, nanos / count);
                }
            }
        }
    }

    /** Counts per stage, source first. */
    public List<StageStats> stats() {
        return stages.stream().map(MeteredSource::stats).toList();
    }

    @Override
    public void close() {
        last.close();
    }
}
