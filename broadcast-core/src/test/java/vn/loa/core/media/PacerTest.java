package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.MediaSource;

class PacerTest {

    private static final long MS = 1_000_000L;
    private static final Duration TWENTY_MS = Duration.ofMillis(20);

    @Test
    void packetsLeaveOnTheir20MillisecondBoundariesWhenTheClockIsExact() {
        FakeClock clock = new FakeClock();
        List<Long> sent = new ArrayList<>();

        new Pacer<>(numbers(100), clock, TWENTY_MS).run(n -> sent.add(clock.nanoTime()));

        assertThat(sent).hasSize(100);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i)).isEqualTo(i * 20 * MS);
        }
    }

    @Test
    void lateWakeUpsDoNotAccumulateIntoDrift() {
        // Every wake-up is 0 to 4 ms late, as on a loaded machine; a sleep-20-ms loop would drift by ~2 ms a packet.
        SplittableRandom random = new SplittableRandom(7);
        FakeClock clock = new FakeClock(deadline -> random.nextLong(4 * MS + 1));
        List<Long> sent = new ArrayList<>();
        Pacer<Integer> pacer = new Pacer<>(numbers(3000), clock, TWENTY_MS);

        pacer.run(n -> sent.add(clock.nanoTime()));

        for (int i = 0; i < sent.size(); i++) {
            long deadline = i * 20 * MS;
            assertThat(sent.get(i) - deadline).as("packet %d", i).isBetween(0L, 4 * MS);
        }
        assertThat(pacer.worstLatenessNanos()).isLessThanOrEqualTo(4 * MS);
        assertThat(pacer.reanchors()).isZero();
    }

    @Test
    void aShortStallIsCaughtUpByReleasingTheMissedPacketsAtOnce() {
        FakeClock clock = new FakeClock();
        List<Integer> sent = new ArrayList<>();
        Pacer<Integer> pacer = new Pacer<>(numbers(20), clock, TWENTY_MS);

        pacer.releaseDue(sent::add);
        clock.advanceMillis(70);
        pacer.releaseDue(sent::add);

        assertThat(sent).containsExactly(0, 1, 2, 3);
        assertThat(pacer.nextDeadline()).isEqualTo(80 * MS);
    }

    @Test
    void aLongStallRestartsTheScheduleInsteadOfBurstingSecondsOfAudio() {
        FakeClock clock = new FakeClock();
        List<Integer> sent = new ArrayList<>();
        Pacer<Integer> pacer = new Pacer<>(numbers(200), clock, TWENTY_MS);
        pacer.releaseDue(sent::add);

        clock.advanceMillis(1000); // a stop-the-world pause
        pacer.releaseDue(sent::add);

        assertThat(sent).containsExactly(0, 1);
        assertThat(pacer.reanchors()).isEqualTo(1);
        assertThat(pacer.nextDeadline()).isEqualTo(1020 * MS);
    }

    @Test
    void theEndOfTheStreamEndsThePacing() {
        FakeClock clock = new FakeClock();
        Pacer<Integer> pacer = new Pacer<>(numbers(3), clock, TWENTY_MS);

        pacer.run(n -> { });

        assertThat(pacer.isEnded()).isTrue();
        assertThat(pacer.released()).isEqualTo(3);
        assertThat(clock.nanoTime()).isEqualTo(40 * MS);
    }

    private static MediaSource<Integer> numbers(int count) {
        return new MediaSource<>() {
            private int next;

            @Override
            public Integer pull() {
                return next < count ? next++ : null;
            }
        };
    }
}
