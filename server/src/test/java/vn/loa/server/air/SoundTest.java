package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.media.BufferedPcmSource;
import vn.loa.wire.pcm.PcmFrame;

class SoundTest {

    private final List<Exception> reported = new ArrayList<>();

    @Test
    void aSoundThatCannotBeMadeIsReportedWithItsReason() {
        Sound broken = new Sound(8_000, sink -> {
            sink.accept(new PcmFrame(new short[160], 8_000, 0));
            throw new IllegalStateException("espeak-ng: exited with code 139");
        }).reporting(reported::add);

        assertThatThrownBy(broken::whole).hasMessageContaining("139");
        assertThat(reported).singleElement().extracting(Exception::getMessage)
                .isEqualTo("espeak-ng: exited with code 139");
    }

    @Test
    void aSoundStoppedBecauseNobodyListensIsNoFailure() throws Exception {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Sound endless = new Sound(8_000, sink -> {
            while (true) {
                sink.accept(new PcmFrame(new short[160], 8_000, 0));
            }
        }).reporting(reported::add);
        BufferedPcmSource source = BufferedPcmSource.start(task -> new Thread(task).start(), 8_000,
                java.time.Duration.ofMillis(40), sink -> {
                    try {
                        endless.producer().produce(sink);
                    } finally {
                        stopped.countDown(); // after the report, had there been one
                    }
                });
        source.awaitFirstAudio(java.time.Duration.ofSeconds(10));

        source.close();

        assertThat(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(reported).isEmpty();
    }

    @Test
    void aPlaylistIsItsRecordingsOneAfterAnother() {
        Sound first = new Sound(8_000, sink -> sink.accept(new PcmFrame(new short[] {1, 2}, 8_000, 0)));
        Sound second = new Sound(8_000, sink -> sink.accept(new PcmFrame(new short[] {3}, 8_000, 0)));

        assertThat(Sound.joined(List.of(first, second)).whole().samples()).containsExactly(1, 2, 3);
    }
}
