package vn.loa.wire.rtp;

import java.time.Instant;

/**
 * A 64-bit NTP timestamp as RTCP carries it (RFC 3550 §4): whole seconds since 1900-01-01 and a binary fraction of a
 * second, both unsigned 32-bit.
 *
 * <p>The seconds wrap in 2036 (NTP era 1); RTCP only compares nearby timestamps, so the wrap is harmless.
 */
public record NtpTimestamp(long seconds, long fraction) {

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    public static final long UNIX_EPOCH_OFFSET = 2_208_988_800L;

    public NtpTimestamp {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL || fraction < 0 || fraction > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("NTP fields are unsigned 32-bit: " + seconds + "." + fraction);
        }
    }

    /** The NTP timestamp of a wall-clock instant. */
    public static NtpTimestamp of(Instant instant) {
        long seconds = (instant.getEpochSecond() + UNIX_EPOCH_OFFSET) & 0xFFFF_FFFFL;
        long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return new NtpTimestamp(seconds, fraction);
    }

    /** The wall-clock instant of this timestamp, taken in the era 1968–2104 that contains today. */
    public Instant toInstant() {
        long unixSeconds = seconds - UNIX_EPOCH_OFFSET;
        if (seconds < 0x8000_0000L) {
            unixSeconds += 1L << 32; // era 1: after 2036-02-07
        }
        long nanos = (fraction * 1_000_000_000L + (1L << 31)) >>> 32;
        return Instant.ofEpochSecond(unixSeconds, nanos);
    }

    /** The middle 32 bits, as receiver reports echo them in "last SR" (LSR). */
    public long middle32() {
        return ((seconds & 0xFFFF) << 16) | (fraction >>> 16);
    }

    /** The 64 bits as one (possibly negative) long, seconds high. */
    public long toBits() {
        return (seconds << 32) | fraction;
    }

    /** The timestamp held in 64 bits, seconds high. */
    public static NtpTimestamp fromBits(long bits) {
        return new NtpTimestamp(bits >>> 32, bits & 0xFFFF_FFFFL);
    }
}
