package vn.loa.wire.rtp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An RTP data packet (RFC 3550 §5.1): the fixed header fields, contributing sources, an optional header extension,
 * the payload and how many padding octets followed it on the wire.
 *
 * <p>Version is always 2. Unsigned 16- and 32-bit fields are held in {@code int} and {@code long} and checked for
 * range. The payload array is handed over, not copied.
 */
public record RtpPacket(
        boolean marker,
        int payloadType,
        int sequenceNumber,
        long timestamp,
        long ssrc,
        List<Long> csrcs,
        RtpHeaderExtension extension,
        byte[] payload,
        int paddingLength) {

    public static final int VERSION = 2;
    public static final int FIXED_HEADER_LENGTH = 12;
    public static final int MAX_CSRCS = 15;

    public RtpPacket {
        requireRange("payload type", payloadType, 0, 127);
        requireRange("sequence number", sequenceNumber, 0, 0xFFFF);
        requireRange("timestamp", timestamp, 0, 0xFFFF_FFFFL);
        requireRange("SSRC", ssrc, 0, 0xFFFF_FFFFL);
        requireRange("padding length", paddingLength, 0, 255);
        csrcs = List.copyOf(csrcs);
        if (csrcs.size() > MAX_CSRCS) {
            throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.size());
        }
        csrcs.forEach(c -> requireRange("CSRC", c, 0, 0xFFFF_FFFFL));
        Objects.requireNonNull(payload, "payload");
    }

    /** A plain packet as Loa sends it: no CSRCs, no extension, no padding. */
    public RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, byte[] payload) {
        this(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), null, payload, 0);
    }

    /** Whether the header carries an extension (the X bit). */
    public boolean hasExtension() {
        return extension != null;
    }

    /** Octets this packet takes on the wire, header to padding. */
    public int encodedLength() {
        int extensionLength = extension == null ? 0 : 4 + extension.data().length;
        return FIXED_HEADER_LENGTH + 4 * csrcs.size() + extensionLength + payload.length + paddingLength;
    }

    private static void requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " out of range [" + min + ", " + max + "]: " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket p
                && marker == p.marker
                && payloadType == p.payloadType
                && sequenceNumber == p.sequenceNumber
                && timestamp == p.timestamp
                && ssrc == p.ssrc
                && paddingLength == p.paddingLength
                && csrcs.equals(p.csrcs)
                && Objects.equals(extension, p.extension)
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extension,
                Arrays.hashCode(payload), paddingLength);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp
                + ", ssrc=" + Long.toHexString(ssrc) + (marker ? ", M" : "") + ", " + payload.length + " B]";
    }
}
