package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.loa.core.arbiter.Claim;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.arbiter.ZoneArbiter;
import vn.loa.core.model.Priority;
import vn.loa.core.rtp.RtpPacketizer;

class ZoneTickerTest {

    private static final long MS = 1_000_000L;

    @Test
    void hundredsOfZonesSendOnTheSame20MillisecondBoundariesWithoutDrift() {
        SplittableRandom random = new SplittableRandom(3);
        FakeClock clock = new FakeClock(deadline -> random.nextLong(3 * MS + 1));
        ZoneTicker ticker = new ZoneTicker(clock, Duration.ofMillis(20));
        List<long[]> sent = new ArrayList<>(); // {zone, time, sequence}
        for (int z = 0; z < 300; z++) {
            int zone = z;
            ZoneArbiter arbiter = new ZoneArbiter("zone-" + z, () -> Instant.EPOCH, e -> { });
            ZoneStream stream = new ZoneStream(arbiter, new RtpPacketizer(0, z, 0, 0), 160);
            stream.attach("p", ProgrammeFeed.open(() -> silence(250)));
            arbiter.submit(new Claim("p", Priority.SCHEDULED, PreemptionPolicy.RESUME));
            ticker.add(stream, p -> sent.add(new long[] {zone, clock.nanoTime(), p.sequenceNumber()}));
        }

        ticker.run(() -> ticker.nextTick() < 250);

        assertThat(sent).hasSize(300 * 250);
        for (long[] s : sent) {
            long deadline = s[2] * 20 * MS;
            assertThat(s[1] - deadline).isBetween(0L, 3 * MS);
        }
        assertThat(ticker.reanchors()).isZero();
        assertThat(ticker.worstLatenessNanos()).isLessThanOrEqualTo(3 * MS);
    }

    private static MediaSource<EncodedFrame> silence(int frames) {
        return new MediaSource<>() {
            private int next;

            @Override
            public EncodedFrame pull() {
                return next < frames ? new EncodedFrame(new byte[160], 160L * next++, 160, 8000) : null;
            }
        };
    }
}
