package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The jitter buffer with a measured delay, fed arrival-time traces on a fake clock: 20 ms G.711 packets sent on time,
 * arriving as a link delivers them. Counts the packets that came after their turn (lost to the listener).
 */
class AdaptiveJitterBufferTest {

    private static final long MS = 1_000_000L;
    /** The node agent's bounds. */
    private static final Duration MIN = Duration.ofMillis(40);
    private static final Duration INITIAL = Duration.ofMillis(120);
    private static final Duration MAX = Duration.ofMillis(500);

    @Test
    void aSteadyLinkBringsTheDelayDownToTheMinimumAndLosesNothing() {
        Run run = play(1500, k -> 30 * MS);

        assertThat(run.lateOrLost).isZero();
        assertThat(run.delayAt(1499)).isEqualTo(MIN.toNanos());
    }

    @Test
    void eightyMillisecondsOfJitterWithReorderingLosesAtMostOnePacketInAHundred() {
        Random random = new Random(24);
        // Each packet delayed 0-80 ms at random: packets overtake one another (20 ms apart) all the time.
        Run run = play(3000, k -> random.nextInt(80_000) * 1_000L);

        assertThat(run.lateOrLost).isLessThanOrEqualTo(30);
        assertThat(run.delayAt(2999)).isBetween(70 * MS, 100 * MS);
    }

    @Test
    void burstsAreAbsorbedAfterTheFirst() {
        // Every 2 s the link holds packets for 200 ms, then delivers them at once (a 4G cell's scheduling).
        Run run = play(3000, k -> {
            long sent = k * 20 * MS;
            long inCycle = sent % (2000 * MS);
            return inCycle >= 1000 * MS && inCycle < 1200 * MS ? 1200 * MS - inCycle : 0;
        });

        assertThat(run.lostAfter(100)).isZero(); // only the first burst, before anything was measured, loses any
        assertThat(run.lateOrLost).isLessThanOrEqualTo(10);
        assertThat(run.delayAt(2999)).isBetween(180 * MS, 220 * MS); // near the longest hold, no more
    }

    @Test
    void aSenderThatStartsWithABurstLeavesTheDelayAtTheMinimumOnceItPaces() {
        // The first 400 ms of audio come at once (a sender filling the pipe), then a packet every 20 ms.
        Run run = play(1000, k -> k < 20 ? (20 - k) * 20 * MS : 0);

        assertThat(run.lateOrLost).isZero();
        assertThat(run.delayAt(400)).isEqualTo(MIN.toNanos()); // within 8 s
    }

    @Test
    void packetsSwappedInPairsAllPlayInOrder() {
        // Every tenth packet is held 25 ms, so the one after it overtakes it.
        Run run = play(1000, k -> k % 10 == 5 ? 25 * MS : 0);

        assertThat(run.lateOrLost).isZero();
        assertThat(run.played).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void theDelayShrinksWhenTheJitterFalls() {
        Random random = new Random(7);
        Run run = play(3000, k -> k < 1500 ? random.nextInt(80_000) * 1_000L : 0);

        assertThat(run.delayAt(1499)).isGreaterThan(70 * MS);
        assertThat(run.delayAt(2999)).isEqualTo(MIN.toNanos());
        assertThat(run.lostAfter(1500)).isZero(); // shrinking cuts no packet of the quiet link
    }

    @Test
    void theDelayStopsAtTheMaximumOnALinkWorseThanThat() {
        Random random = new Random(3);
        Run run = play(1500, k -> random.nextInt(900_000) * 1_000L);

        assertThat(run.delayAt(1499)).isEqualTo(MAX.toNanos());
    }

    @Test
    void sixtyMillisecondPacketsWithEightyMillisecondsOfJitterLoseAtMostOnePacketInAHundred() {
        Random random = new Random(24);
        // A 4G zone's Opus (ADR 0054): 60 ms packets, each delayed 0-80 ms, so they overtake one another often.
        Run run = play(1000, 60, k -> random.nextInt(80_000) * 1_000L);

        assertThat(run.packetUnits).as("60 ms at 48 kHz, measured from the stream").isEqualTo(2880);
        assertThat(run.lateOrLost).isLessThanOrEqualTo(10);
        assertThat(run.delayAt(999)).isBetween(70 * MS, 100 * MS);
    }

    @Test
    void theDelayFallsWithinTheSameSecondsWhetherPacketsHoldTwentyOrSixtyMilliseconds() {
        // Thirty seconds of a rough link (0-150 ms), then a quiet one: when is the delay back at its minimum?
        double twenty = secondsToMinimum(20, new Random(5));
        double sixty = secondsToMinimum(60, new Random(5));

        assertThat(twenty).isBetween(4.0, 9.0);
        // Counted in packets, 60 ms packets would keep the rough ones three times as long (15 s) in the window.
        assertThat(sixty).isCloseTo(twenty, org.assertj.core.data.Offset.offset(1.5));
    }

    @Test
    void sixtyMillisecondBurstsAreAbsorbedAfterTheFirst() {
        // Every 2 s the link holds packets for 200 ms, then delivers them at once.
        Run run = play(1000, 60, k -> {
            long sent = k * 60 * MS;
            long inCycle = sent % (2000 * MS);
            return inCycle >= 1000 * MS && inCycle < 1200 * MS ? 1200 * MS - inCycle : 0;
        });

        assertThat(run.lostAfter(40)).isZero();
        assertThat(run.delayAt(999)).isBetween(180 * MS, 220 * MS);
    }

    /** Seconds after the rough link turned quiet until the delay was at its minimum, for packets of {@code ms}. */
    private static double secondsToMinimum(int ms, Random random) {
        int rough = 30_000 / ms;
        Run run = play(2 * rough, ms, k -> k < rough ? random.nextInt(150_000) * 1_000L : 0);
        for (int k = rough; k < 2 * rough; k++) {
            if (run.delayAt(k) == MIN.toNanos()) {
                return (k - rough) * ms / 1000.0;
            }
        }
        return Double.MAX_VALUE;
    }

    @Test
    void aFixedDelayStaysFixed() {
        PlayoutDelay fixed = PlayoutDelay.fixed(Duration.ofMillis(100));
        for (int k = 0; k < 500; k++) {
            fixed.observe((k % 7) * 10 * MS);
        }

        assertThat(fixed.nanos()).isEqualTo(100 * MS);
    }

    /** What a trace did: packets that never played in their turn, the order of those played, the delay over time. */
    private static final class Run {
        final List<Long> played = new ArrayList<>();
        final List<Long> lostSequences = new ArrayList<>();
        final long[] delays;
        long lateOrLost;
        long packetUnits;

        Run(int packets) {
            delays = new long[packets];
        }

        long delayAt(int packet) {
            return delays[packet];
        }

        long lostAfter(long sequence) {
            return lostSequences.stream().filter(s -> s >= sequence).count();
        }
    }

    /** Sends {@code packets} every 20 ms, each arriving {@code extraDelay(k)} after a 30 ms base, polling every ms. */
    private static Run play(int packets, LongUnaryOperator extraDelay) {
        return play(packets, 20, extraDelay);
    }

    /**
     * Sends {@code packets} of {@code packetMs} of Opus (48 kHz clock), each arriving {@code extraDelay(k)} after a
     * 30 ms base, polling every ms of the fake clock.
     */
    private static Run play(int packets, int packetMs, LongUnaryOperator extraDelay) {
        int clock = packetMs == 20 ? 8000 : 48_000;
        long units = (long) clock * packetMs / 1000;
        RtpJitterBuffer buffer = new RtpJitterBuffer(clock, new PlayoutDelay(MIN, INITIAL, MAX), 200);
        long[] arrival = new long[packets];
        Integer[] order = new Integer[packets];
        for (int k = 0; k < packets; k++) {
            arrival[k] = k * packetMs * MS + 30 * MS + extraDelay.applyAsLong(k);
            order[k] = k;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(k -> arrival[k]));
        Run run = new Run(packets);
        int next = 0;
        long end = arrival[order[packets - 1]] + 2 * MAX.toNanos();
        for (long now = 0; now <= end; now += MS) {
            while (next < packets && arrival[order[next]] <= now) {
                int k = order[next++];
                buffer.insert(new RtpPacket(k == 0, 0, k, units * k, 0x5EL, new byte[160]), arrival[k]);
                run.packetUnits = buffer.packetUnits();
                run.delays[k] = buffer.delayNanos();
            }
            for (PlayoutSlot slot = buffer.poll(now); slot != null; slot = buffer.poll(now)) {
                if (slot.lost()) {
                    run.lostSequences.add(slot.sequence());
                } else {
                    run.played.add(slot.sequence());
                }
            }
        }
        run.lateOrLost = packets - run.played.size();
        return run;
    }
}
