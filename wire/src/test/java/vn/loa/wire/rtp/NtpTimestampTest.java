package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NtpTimestampTest {

    @Test
    void theUnixEpochIs2208988800SecondsAfterTheNtpEpoch() {
        assertThat(NtpTimestamp.of(Instant.EPOCH)).isEqualTo(new NtpTimestamp(0x83AA7E80L, 0));
    }

    @Test
    void halfASecondIsTheTopBitOfTheFraction() {
        assertThat(NtpTimestamp.of(Instant.ofEpochSecond(0, 500_000_000)).fraction()).isEqualTo(0x8000_0000L);
    }

    @Test
    void anInstantAfter2036RoundTripsThroughEraOne() {
        Instant later = Instant.parse("2040-09-02T07:00:00.123456789Z");
        assertThat(NtpTimestamp.of(later).toInstant()).isBetween(later.minusNanos(1), later.plusNanos(1));
    }

    @Test
    void todayRoundTripsWithinANanosecond() {
        Instant now = Instant.parse("2026-11-28T03:15:42.987654321Z");
        assertThat(NtpTimestamp.of(now).toInstant()).isBetween(now.minusNanos(1), now.plusNanos(1));
    }

    @Test
    void theMiddleBitsAreWhatReceiverReportsEcho() {
        assertThat(new NtpTimestamp(0xE1234567L, 0x89ABCDEFL).middle32()).isEqualTo(0x456789ABL);
    }
}
