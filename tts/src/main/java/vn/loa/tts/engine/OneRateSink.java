package vn.loa.tts.engine;

import java.util.Objects;
import vn.loa.wire.pcm.Pcm16;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Resampler;

/**
 * A sentence sink that passes on every chunk of one notice at one sample rate: the rate of the first chunk, or a
 * rate fixed in advance. A chunk at another rate is resampled (wire's windowed-sinc {@link Resampler}).
 *
 * <p>Needed because a {@link FallbackEngine} may hand a notice to another engine part-way through, and engines speak
 * at different rates (espeak-ng 22,050 Hz, FreeTTS 16,000, MaryTTS 48,000, cloud services as they answer); the
 * preview WAV and the air need one rate. Each chunk is a whole sentence ending in silence, so it is resampled on its
 * own, and keeps its duration to within one sample. One instance per notice; not thread-safe (sinks are called on
 * one thread).
 */
public final class OneRateSink implements SentenceSink {

    private final SentenceSink next;
    private PcmFormat format;

    /** Passes chunks on at the rate of the first one. */
    public OneRateSink(SentenceSink next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    /** Passes chunks on at this rate. */
    public OneRateSink(SentenceSink next, PcmFormat format) {
        this(next);
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The notice's rate, or null before the first chunk. */
    public PcmFormat format() {
        return format;
    }

    @Override
    public void accept(SpeechChunk chunk) {
        if (format == null) {
            format = chunk.format();
        }
        next.accept(chunk.format().equals(format) ? chunk
                : new SpeechChunk(chunk.index(), chunk.sentence(), format, resample(chunk.pcm(),
                        chunk.format().sampleRate(), format.sampleRate())));
    }

    /** 16-bit little-endian PCM at one rate, at another. */
    static byte[] resample(byte[] pcm, int from, int to) {
        short[] samples = Pcm16.samples(pcm);
        Resampler resampler = new Resampler(from, to);
        short[] head = resampler.process(new PcmFrame(samples, from, 0)).samples();
        short[] tail = resampler.flush().samples();
        return Pcm16.bytes(head, tail);
    }
}
