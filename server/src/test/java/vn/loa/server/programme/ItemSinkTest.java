package vn.loa.server.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.PcmFrame;

class ItemSinkTest {

    private final List<PcmFrame> aired = new ArrayList<>();
    private final ItemSink sink = new ItemSink(aired::add, 24_000);

    @Test
    void anItemIsCutAtItsLimitToTheSample() {
        sink.start(Duration.ofMillis(50));

        sink.accept(new PcmFrame(new short[480], 24_000, 0));
        sink.accept(new PcmFrame(new short[480], 24_000, 480));
        assertThatThrownBy(() -> sink.accept(new PcmFrame(new short[480], 24_000, 960)))
                .isInstanceOf(ItemSink.Ended.class);

        assertThat(aired.stream().mapToInt(PcmFrame::length).sum()).as("50 ms at 24 kHz").isEqualTo(1_200);
        assertThat(sink.position()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void speechAtAnotherRateIsBroughtToTheSessionsRateAndCountedInIt() {
        sink.start(null);

        for (int i = 0; i < 50; i++) {
            sink.accept(new PcmFrame(new short[441], 22_050, i * 441L));
        }
        sink.silence(Duration.ofSeconds(1));

        assertThat(aired).allMatch(f -> f.sampleRate() == 24_000);
        assertThat(sink.position()).as("one second spoken, one of silence")
                .isBetween(Duration.ofMillis(1_990), Duration.ofMillis(2_000));
    }
}
