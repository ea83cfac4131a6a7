package vn.loa.wire.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusBandwidth;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import java.util.Arrays;

/**
 * The Opus encoder for 48 kHz mono PCM (RFC 6716, carried as RFC 7587), in pure Java through concentus, so no node
 * or server needs a native library.
 *
 * <p>Not thread-safe and stateful: one per stream. Frames must be 2.5, 5, 10, 20, 40 or 60 ms (20 ms in Loa).
 */
public final class OpusAudioEncoder implements AudioEncoder {

    public static final int SAMPLE_RATE = 48_000;
    /**
     * The packet loss speech streams are encoded for (a poor 4G downlink): with it, each packet also carries a
     * coarser copy of the one before (in-band FEC, SILK's LBRR), from which a node rebuilds a lost packet.
     */
    public static final int EXPECTED_LOSS_PERCENT = 10;
    /** The largest Opus packet a single frame can make (RFC 6716 §3.4). */
    private static final int MAX_PACKET = 1275;

    private final OpusEncoder encoder;
    private final byte[] packet = new byte[MAX_PACKET];

    private OpusAudioEncoder(int bitrate, OpusApplication application, OpusSignal signal) {
        try {
            this.encoder = new OpusEncoder(SAMPLE_RATE, 1, application);
        } catch (OpusException e) {
            throw new IllegalStateException("cannot create Opus encoder", e);
        }
        encoder.setBitrate(bitrate);
        encoder.setSignalType(signal);
        // Complexity 10 costs about twice the CPU of 5 for a gain nobody hears on horn speakers.
        encoder.setComplexity(5);
    }

    /**
     * Tuned for announcements: voice signal, {@code bitrate} bits per second (24,000 is plenty for speech), wideband
     * (audio up to 8 kHz, what horn speakers reproduce) with in-band FEC for {@link #EXPECTED_LOSS_PERCENT}. At 24 kb/s
     * a fullband stream is coded hybrid and Concentus then spends nothing on FEC; wideband is SILK alone, which
     * carries it (measured: ADR 0026).
     */
    public static OpusAudioEncoder forSpeech(int bitrate) {
        OpusAudioEncoder speech = new OpusAudioEncoder(bitrate, OpusApplication.OPUS_APPLICATION_AUDIO,
                OpusSignal.OPUS_SIGNAL_VOICE);
        speech.encoder.setMaxBandwidth(OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND);
        speech.encoder.setUseInbandFEC(true);
        speech.encoder.setPacketLossPercent(EXPECTED_LOSS_PERCENT);
        return speech;
    }

    /** Tuned for music relays and jingles. */
    public static OpusAudioEncoder forMusic(int bitrate) {
        return new OpusAudioEncoder(bitrate, OpusApplication.OPUS_APPLICATION_AUDIO, OpusSignal.OPUS_SIGNAL_MUSIC);
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int clockRate() {
        return SAMPLE_RATE; // RFC 7587 §4.1: always 48 kHz, whatever the input rate
    }

    @Override
    public String encodingName() {
        return "opus";
    }

    @Override
    public byte[] encode(short[] frame) {
        try {
            int length = encoder.encode(frame, 0, frame.length, packet, 0, packet.length);
            return Arrays.copyOf(packet, length);
        } catch (OpusException e) {
            throw new IllegalArgumentException("Opus cannot encode a frame of " + frame.length + " samples", e);
        }
    }
}
