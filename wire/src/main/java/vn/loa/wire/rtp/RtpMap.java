package vn.loa.wire.rtp;

/**
 * How an RTP payload type maps to a codec in SDP ({@code a=rtpmap} and {@code a=fmtp}, RFC 4566 §6, RFC 3551).
 *
 * @param channels audio channels as the rtpmap states them; 1 is left out of the line, as RFC 4566 allows
 * @param formatParameters the {@code a=fmtp} value, or {@code null} for none
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels, String formatParameters) {

    /** G.711 µ-law, static payload type 0. */
    public static final RtpMap PCMU = new RtpMap(0, "PCMU", 8000, 1, null);
    /** G.711 A-law, static payload type 8. */
    public static final RtpMap PCMA = new RtpMap(8, "PCMA", 8000, 1, null);
    /** G.722: sampled at 16 kHz but, by an error frozen into RFC 3551, clocked at 8000. */
    public static final RtpMap G722 = new RtpMap(9, "G722", 8000, 1, null);

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        if (encodingName.isBlank() || clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("incomplete rtpmap: " + encodingName + "/" + clockRate + "/" + channels);
        }
    }

    /**
     * Opus on a dynamic payload type. RFC 7587 fixes the rtpmap to {@code opus/48000/2} whatever is sent; a mono
     * stream says so with {@code sprop-stereo=0}.
     */
    public static RtpMap opus(int payloadType) {
        if (payloadType < 96) {
            throw new IllegalArgumentException("Opus needs a dynamic payload type (96-127): " + payloadType);
        }
        return new RtpMap(payloadType, "opus", 48_000, 2, "sprop-stereo=0; stereo=0");
    }

    /** The value of the {@code a=rtpmap} attribute. */
    public String attributeValue() {
        String base = payloadType + " " + encodingName + "/" + clockRate;
        return channels == 1 ? base : base + "/" + channels;
    }
}
