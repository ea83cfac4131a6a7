package vn.loa.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfDigitsTest {

    private final List<Character> pressed = new ArrayList<>();
    private long now;
    private final DtmfDigits digits = new DtmfDigits(pressed::add, () -> now);

    private static byte[] event(int code, boolean end, int duration) {
        return new byte[] {(byte) code, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
    }

    @Test
    void anEventCountsOnceThoughItsEndPacketComesThreeTimes() {
        digits.rtp(1000, event(5, false, 160));
        digits.rtp(1000, event(5, false, 320));
        digits.rtp(1000, event(5, true, 480));
        digits.rtp(1000, event(5, true, 480));
        digits.rtp(1000, event(5, true, 480));

        assertThat(pressed).containsExactly('5');
    }

    @Test
    void theSameKeyPressedAgainLaterCountsAgainEvenWithTheSameTimestamp() {
        digits.rtp(7, event(1, true, 480));
        now += 400;
        digits.rtp(7, event(1, true, 480));
        digits.rtp(7, event(11, true, 480));

        assertThat(pressed).containsExactly('1', '1', '#');
    }

    @Test
    void sipInfoDigitsAreReadInBothCommonForms() {
        digits.info("application/dtmf-relay", "Signal=9\r\nDuration=160\r\n");
        digits.info("application/dtmf", "*");
        digits.info("text/plain", "5");
        digits.info("application/dtmf-relay", "Signal=99");

        assertThat(pressed).containsExactly('9', '*');
    }

    @Test
    void aTruncatedEventPayloadIsIgnored() {
        digits.rtp(1, new byte[] {1, (byte) 0x80});

        assertThat(pressed).isEmpty();
        assertThat(TelephoneEvent.decode(event(15, true, 800))).isEqualTo(new TelephoneEvent(15, true, 10, 800));
        assertThat(TelephoneEvent.decode(event(15, true, 800)).digit()).isEqualTo('D');
    }
}
