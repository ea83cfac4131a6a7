package vn.loa.core.media;

import java.util.ArrayList;
import java.util.List;
import vn.loa.wire.codec.OpusAudioEncoder;
import vn.loa.wire.codec.OpusBundle;

/**
 * The data a loudspeaker receives per hour on air, per codec and packet time, from real packet sizes: the codec's
 * payloads for the speech given (Opus is variable, so it is encoded and bundled as the air does), plus the 40 bytes of
 * IPv4 (20), UDP (8) and RTP (12) headers every packet carries, and SRTP's 10-byte tag for Loa's agents. A quiet zone
 * sends nothing, so this is per hour of airing. What a 4G SIM is billed for is close to this (the carrier counts IP).
 */
public final class DataUse {

    /** IPv4, UDP and RTP headers of one packet. */
    public static final int HEADERS = 20 + 8 + 12;
    /** The SRTP authentication tag (HMAC-SHA1-80) on each packet to Loa's agents. */
    public static final int SRTP_TAG = 10;

    /**
     * One way of sending.
     *
     * @param payloadBytes mean payload of one packet
     * @param bytesPerHour bytes on the wire per hour of airing, headers included
     */
    public record Row(String codec, int packetTimeMillis, boolean srtp, double payloadBytes, long bytesPerHour) {
    }

    private DataUse() {
    }

    /** Every codec Loa sends, at each packet time it offers, for {@code speech} (mono, 48 kHz). */
    public static List<Row> of(short[] speech) {
        List<Row> rows = new ArrayList<>();
        rows.add(fixed("PCMU", 160));
        rows.add(fixed("PCMA", 160));
        rows.add(fixed("G722", 160));
        // The air encodes 20 ms packets once and bundles them per stream: so does this.
        List<byte[]> packets = opusPackets(speech);
        for (int ms : new int[] {20, 40, 60}) {
            rows.add(opus(packets, ms, false));
        }
        // Loa's agents take the zone's packet time too (ADR 0058), with SRTP's tag on each packet.
        for (int ms : new int[] {20, 40, 60}) {
            rows.add(opus(packets, ms, true));
        }
        return rows;
    }

    private static Row fixed(String codec, int payload) {
        return new Row(codec, 20, false, payload, perHour(payload, 20, false));
    }

    /** {@code speech} as the air's 20 ms Opus packets (24 kb/s speech). */
    private static List<byte[]> opusPackets(short[] speech) {
        OpusAudioEncoder encoder = OpusAudioEncoder.forSpeech(24_000);
        int frame = OpusAudioEncoder.SAMPLE_RATE / 50;
        List<byte[]> packets = new ArrayList<>();
        for (int at = 0; at + frame <= speech.length; at += frame) {
            packets.add(encoder.encode(java.util.Arrays.copyOfRange(speech, at, at + frame)));
        }
        return packets;
    }

    /** Opus with {@code ms} per packet: the mean of the packets bundled as a zone stream bundles them. */
    static Row opus(List<byte[]> twenty, int ms, boolean srtp) {
        OpusBundle bundle = new OpusBundle();
        long bytes = 0;
        long packets = 0;
        for (byte[] packet : twenty) {
            if (!bundle.add(packet)) {
                bytes += bundle.take().length;
                packets++;
                bundle.add(packet);
            }
            if (bundle.frames() == ms / 20) {
                bytes += bundle.take().length;
                packets++;
            }
        }
        double payload = packets == 0 ? 0 : (double) bytes / packets;
        return new Row("OPUS", ms, srtp, Math.round(payload * 10) / 10.0, perHour(payload, ms, srtp));
    }

    private static long perHour(double payload, int ms, boolean srtp) {
        double packetsPerHour = 3_600_000.0 / ms;
        return Math.round(packetsPerHour * (payload + HEADERS + (srtp ? SRTP_TAG : 0)));
    }
}
