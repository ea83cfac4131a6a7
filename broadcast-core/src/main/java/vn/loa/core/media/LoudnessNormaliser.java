package vn.loa.core.media;

import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;


/**
 * The stage that brings programmes to one loudness, so a quiet recording and loud synthetic speech sound alike on
 * the street, without ever clipping.
 *
 * <p>Not thread-safe. Level is the RMS of frames louder than a gate (pauses do not count), smoothed over a few
 * seconds; it is RMS in dBFS, not LUFS, which for speech on horn loudspeakers is close enough and needs no filters.
 * Gain falls at once when a frame would exceed the ceiling and rises slowly, so there is neither clipping nor
 * pumping. Works on streams, since speech is synthesised sentence by sentence.
 */
public final class LoudnessNormaliser implements MediaSource<PcmFrame> {

    /** Frames quieter than this are pauses: they neither raise the gain nor count towards the level. */
    private static final double GATE_DBFS = -50;
    /** Time constant of the level estimate. */
    private static final double LEVEL_SECONDS = 3.0;
    /** Fastest rise of the gain, so breaths and pauses do not swell. */
    private static final double RISE_DB_PER_SECOND = 6.0;

    private final MediaSource<PcmFrame> upstream;
    private final double targetRms;
    private final double ceiling;
    private final double maxGain;
    private double meanSquare = -1;
    private double gain = 1;

    private LoudnessNormaliser(MediaSource<PcmFrame> upstream, double targetDbfs, double ceilingDbfs,
            double maxGainDb) {
        if (targetDbfs >= 0 || ceilingDbfs > 0 || targetDbfs >= ceilingDbfs) {
            throw new IllegalArgumentException("need target < ceiling <= 0 dBFS: " + targetDbfs + ", " + ceilingDbfs);
        }
        this.upstream = upstream;
        this.targetRms = fromDb(targetDbfs);
        this.ceiling = fromDb(ceilingDbfs) * 32767;
        this.maxGain = fromDb(maxGainDb);
    }

    /** Normalises to {@code targetDbfs} RMS with peaks held under -1 dBFS and at most +24 dB of gain. */
    public static Stage<PcmFrame, PcmFrame> toRms(double targetDbfs) {
        return toRms(targetDbfs, -1.0, 24.0);
    }

    public static Stage<PcmFrame, PcmFrame> toRms(double targetDbfs, double ceilingDbfs, double maxGainDb) {
        return upstream -> new LoudnessNormaliser(upstream, targetDbfs, ceilingDbfs, maxGainDb);
    }

    @Override
    public PcmFrame pull() {
        PcmFrame frame = upstream.pull();
        if (frame == null || frame.length() == 0) {
            return frame;
        }
        short[] in = frame.samples();
        double frameMeanSquare = 0;
        int peak = 0;
        for (short s : in) {
            double v = s / 32768.0;
            frameMeanSquare += v * v;
            peak = Math.max(peak, Math.abs(s));
        }
        frameMeanSquare /= in.length;
        double seconds = (double) in.length / frame.sampleRate();
        double wanted = gain;
        boolean firstSpeech = false;
        if (frameMeanSquare > fromDb(2 * GATE_DBFS)) {
            firstSpeech = meanSquare < 0;
            track(frameMeanSquare, seconds);
            wanted = Math.min(maxGain, targetRms / Math.sqrt(meanSquare));
        }
        double peakLimit = peak == 0 ? Double.MAX_VALUE : ceiling / peak;
        // The first speech jumps straight to its gain, so a quiet programme is not quiet for its first seconds.
        double rise = firstSpeech ? Double.MAX_VALUE : gain * fromDb(RISE_DB_PER_SECOND * seconds);
        double target = Math.min(Math.min(wanted, rise), peakLimit);
        return new PcmFrame(apply(in, target, firstSpeech), frame.sampleRate(), frame.timestamp());
    }

    private void track(double frameMeanSquare, double seconds) {
        if (meanSquare < 0) {
            meanSquare = frameMeanSquare; // the first speech sets the level at once instead of fading in
        } else {
            double alpha = 1 - Math.exp(-seconds / LEVEL_SECONDS);
            meanSquare += alpha * (frameMeanSquare - meanSquare);
        }
    }

    private short[] apply(short[] in, double target, boolean jump) {
        short[] out = new short[in.length];
        // Falling gain applies at once (no sample may pass the ceiling); rising gain ramps across the frame, and
        // every ramp value is below the target, which is itself under the peak limit.
        double from = target < gain || jump ? target : gain;
        for (int i = 0; i < in.length; i++) {
            double g = from + (target - from) * (i + 1) / in.length;
            long v = Math.round(in[i] * g);
            out[i] = (short) Math.max(-32768, Math.min(32767, v));
        }
        gain = target;
        return out;
    }

    private static double fromDb(double db) {
        return Math.pow(10, db / 20);
    }

    @Override
    public void close() {
        upstream.close();
    }
}
