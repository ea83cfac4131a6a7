package vn.loa.core.media;

import java.util.function.Supplier;
import vn.loa.wire.codec.AudioEncoder;
import vn.loa.wire.codec.G711Encoder;
import vn.loa.wire.codec.G722Encoder;
import vn.loa.wire.codec.OpusAudioEncoder;
import vn.loa.wire.rtp.RtpMap;

/** The codec a zone stream is sent in, with everything the pipeline, the packetiser and the SDP need to agree on. */
public enum StreamCodec {
    /** G.711 µ-law: what third-party IP speakers understand without configuration. */
    PCMU(RtpMap.PCMU, G711Encoder::muLaw),
    /** G.711 A-law. */
    PCMA(RtpMap.PCMA, G711Encoder::aLaw),
    /** G.722 at 64 kb/s, static payload type 9: wideband (7 kHz) speech for nodes that ask for it. */
    G722(RtpMap.G722, G722Encoder::new),
    /** Opus at 24 kb/s on dynamic payload type 111: for Loa's node agents, a third of G.711's bandwidth. */
    OPUS(RtpMap.opus(111), () -> OpusAudioEncoder.forSpeech(24_000));

    private final RtpMap rtpMap;
    private final Supplier<AudioEncoder> encoders;

    StreamCodec(RtpMap rtpMap, Supplier<AudioEncoder> encoders) {
        this.rtpMap = rtpMap;
        this.encoders = encoders;
    }

    public RtpMap rtpMap() {
        return rtpMap;
    }

    public int payloadType() {
        return rtpMap.payloadType();
    }

    /** A new encoder; Opus encoders keep state, so each programme pipeline gets its own. */
    public AudioEncoder newEncoder() {
        return encoders.get();
    }

    /** The PCM rate the encoder takes, which the pipeline resamples to. */
    public int sampleRate() {
        if (this == OPUS) {
            return OpusAudioEncoder.SAMPLE_RATE;
        }
        // G.722 samples at 16 kHz though RTP clocks it at 8000 (RFC 3551 §4.5.2).
        return this == G722 ? G722Encoder.SAMPLE_RATE : 8000;
    }

    /** RTP clock units in one packet time of {@code millis}. */
    public int unitsPer(int millis) {
        return rtpMap.clockRate() * millis / 1000;
    }
}
