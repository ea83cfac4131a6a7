package vn.loa.node.media;

import java.util.Locale;
import java.util.Optional;
import vn.loa.wire.codec.ALaw;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.codec.OpusAudioDecoder;

/** An audio format the node agent decodes, with its RTP clock rate and the sample rate of the PCM it yields. */
public enum PayloadFormat {
    /** G.711 µ-law, static payload type 0. */
    PCMU(8000),
    /** G.711 A-law, static payload type 8. */
    PCMA(8000),
    /** Opus (RFC 7587): always clocked at 48 kHz; decoded to 48 kHz mono. */
    OPUS(48_000);

    private final int rate;

    PayloadFormat(int rate) {
        this.rate = rate;
    }

    /** RTP timestamp units per second. */
    public int clockRate() {
        return rate;
    }

    /** PCM samples per second after decoding; equal to the clock rate for every format here. */
    public int sampleRate() {
        return rate;
    }

    /** A new decoder for one stream. */
    public PayloadDecoder newDecoder() {
        return switch (this) {
            case PCMU -> new G711(true);
            case PCMA -> new G711(false);
            case OPUS -> new Opus();
        };
    }

    /** The format the server names in {@code Welcome.codec} or {@code Play.codec}, case-insensitively. */
    public static Optional<PayloadFormat> named(String codec) {
        if (codec == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(codec.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record G711(boolean muLaw) implements PayloadDecoder {
        @Override
        public short[] decode(byte[] payload) {
            return muLaw ? MuLaw.decode(payload) : ALaw.decode(payload);
        }

        @Override
        public short[] conceal(int samples) {
            return new short[samples]; // silence: a repeated 20 ms buzzes on horn speakers more than a gap does
        }
    }

    private static final class Opus implements PayloadDecoder {
        private final OpusAudioDecoder decoder = new OpusAudioDecoder();

        @Override
        public short[] decode(byte[] payload) {
            return decoder.decode(payload);
        }

        @Override
        public short[] conceal(int samples) {
            return decoder.conceal(samples);
        }

        @Override
        public boolean recovers() {
            return true;
        }

        @Override
        public short[] recover(byte[] next, int samples) {
            return decoder.recover(next, samples);
        }
    }
}
