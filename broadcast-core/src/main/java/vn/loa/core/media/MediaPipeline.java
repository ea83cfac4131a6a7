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

    MediaPipeline(MeteredSource<T> last, List<MeteredSource<?>> stages) {
        this.last = last;
        this.stages = List.copyOf(stages);
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

    /** Counts per stage, source first. */
    public List<StageStats> stats() {
        return stages.stream().map(MeteredSource::stats).toList();
    }

    @Override
    public void close() {
        last.close();
    }
}
