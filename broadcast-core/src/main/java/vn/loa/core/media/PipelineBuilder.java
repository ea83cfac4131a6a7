package vn.loa.core.media;

import java.util.ArrayList;
import java.util.List;
import vn.loa.wire.pcm.MediaSource;

/**
 * Declares a pull-based chain of stages one per line, in the order the audio flows; {@link NoticePipeline} uses it
 * for the stages of a programme:
 *
 * <pre>{@code
 * MediaPipeline<EncodedFrame> programme = MediaPipeline
 *         .from("source", WavFileSource.open(path))
 *         .then("resample", ResampleStage.to(8000))
 *         .then("frame", FrameSizer.every(Duration.ofMillis(20)))
 *         .then("encode", EncodeStage.with(G711Encoder.muLaw()))
 *         .build();
 * }</pre>
 *
 * <p>Each stage is wrapped so that {@link MediaPipeline#stats()} reports its frames, bytes and time.
 */
public final class PipelineBuilder<T> {

    private final MeteredSource<T> tail;
    private final List<MeteredSource<?>> stages;

    PipelineBuilder(String name, MediaSource<T> source) {
        this.tail = new MeteredSource<>(name, source, null);
        this.stages = List.of(tail);
    }

    private PipelineBuilder(MeteredSource<T> tail, List<MeteredSource<?>> stages) {
        this.tail = tail;
        this.stages = stages;
    }

    /** Adds the next stage, named for the statistics. */
    public <R> PipelineBuilder<R> then(String name, Stage<T, R> stage) {
        MeteredSource<R> next = new MeteredSource<>(name, stage.attach(tail), tail);
        List<MeteredSource<?>> more = new ArrayList<>(stages);
        more.add(next);
        return new PipelineBuilder<>(next, List.copyOf(more));
    }

    public MediaPipeline<T> build() {
        return new MediaPipeline<>(tail, stages);
    }
}
