package vn.loa.wire.rtp;

import java.util.Arrays;

/**
 * The header extension of an RTP packet (RFC 3550 §5.3.1): a 16-bit profile-defined word and data in whole 32-bit
 * words.
 */
public record RtpHeaderExtension(int profile, byte[] data) {

    public RtpHeaderExtension {
        if (profile < 0 || profile > 0xFFFF) {
            throw new IllegalArgumentException("profile out of range: " + profile);
        }
        if (data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
            throw new IllegalArgumentException("extension data must be whole 32-bit words: " + data.length + " B");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpHeaderExtension e && profile == e.profile && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return 31 * profile + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RtpHeaderExtension[profile=0x" + Integer.toHexString(profile) + ", " + data.length + " B]";
    }
}
