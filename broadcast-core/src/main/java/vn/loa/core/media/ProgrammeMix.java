package vn.loa.core.media;

import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;


/**
 * The stages that turn a programme's source into what listeners hear, before any codec: resample, mix (chime,
 * repeats, pauses), loudness. The live transmitter continues them with framing and encoding; store-and-forward
 * renders them whole into a file a node fetches ahead of time, so both ways sound the same.
 */
public final class ProgrammeMix {

    private ProgrammeMix() {
    }

    /** The shared stages at {@code sampleRate}, ready for more to be added. */
    public static PipelineBuilder<PcmFrame> of(MediaSource<PcmFrame> source, MixPlan plan, int sampleRate) {
        return MediaPipeline
                .from("source", source)
                .then("resample", ResampleStage.to(sampleRate))
                .then("mix", MixStage.of(plan))
                // After the mix, so the chime and the speech come out at one level.
                .then("loudness", LoudnessNormaliser.toRms(-20));
    }

    /** The whole programme as one block of mono 16-bit samples at {@code sampleRate}. */
    public static short[] render(MediaSource<PcmFrame> source, MixPlan plan, int sampleRate) {
        return PcmFrame.drain(of(source, plan, sampleRate).build());
    }
}
