package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapPublisherTest {

    @Test
    void sentTimesAreWrittenAsCapWantsThemWithoutFractionOrZ() {
        assertThat(CapPublisher.capTime("2026-12-07T05:04:03.123456Z")).isEqualTo("2026-12-07T05:04:03+00:00");
        assertThat(CapPublisher.capTime("2026-12-01T10:00:00+07:00")).isEqualTo("2026-12-01T10:00:00+07:00");
    }
}
