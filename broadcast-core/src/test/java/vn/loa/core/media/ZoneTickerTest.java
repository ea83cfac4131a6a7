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
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.rtp.NtpTimestamp;
import vn.loa.wire.rtp.RtcpCodec;
import vn.loa.wire.rtp.RtcpSenderReport;
import vn.loa.wire.rtp.RtpPacketizer;

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

    @Test
    void aSendingZoneReportsEveryFiveSecondsWithItsCountsAndTheWallClock() {
        FakeClock clock = new FakeClock();
        Instant wall = Instant.parse("2026-11-28T01:00:00Z");
        ZoneTicker ticker = new ZoneTicker(clock, Duration.ofMillis(20), () -> wall.plusNanos(clock.nanoTime()),
                "loa@test");
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", () -> wall, e -> { });
        ZoneStream stream = new ZoneStream(arbiter, new RtpPacketizer(0, 0x5EL, 0, 1000), 160);
        stream.attach("p", ProgrammeFeed.open(() -> silence(300))); // 6 s, then the zone falls silent
        arbiter.submit(new Claim("p", Priority.SCHEDULED, PreemptionPolicy.RESUME));
        List<RtcpSenderReport> reports = new ArrayList<>();
        ticker.add(stream, p -> { }, bytes -> reports.add(RtcpCodec.decodeSenderReport(bytes)));

        ticker.run(() -> ticker.nextTick() < 1000); // 20 s

        // At 5 s and 10 s; at 15 s the zone had sent nothing new, so it was no longer a sender.
        assertThat(reports).extracting(RtcpSenderReport::packetCount).containsExactly(250L, 300L);
        RtcpSenderReport report = reports.get(0);
        assertThat(report.ssrc()).isEqualTo(0x5EL);
        assertThat(report.packetCount()).isEqualTo(250);
        assertThat(report.octetCount()).isEqualTo(250 * 160);
        assertThat(report.rtpTimestamp()).isEqualTo(1000 + 249 * 160);
        assertThat(report.ntpTime()).isEqualTo(NtpTimestamp.of(wall.plusMillis(249 * 20)));
    }

    @Test
    void aShortStallIsCaughtUpByTheMissedPacketsAtOnce() {
        FakeClock clock = new FakeClock();
        ZoneTicker ticker = new ZoneTicker(clock, Duration.ofMillis(20));
        List<Integer> sent = new ArrayList<>();
        ticker.add(playing("p", 20), p -> sent.add(p.sequenceNumber()));

        ticker.tickDue();
        clock.advanceMillis(70);
        ticker.tickDue();

        assertThat(sent).containsExactly(0, 1, 2, 3);
        assertThat(ticker.nextDeadline()).isEqualTo(80 * MS);
        assertThat(ticker.reanchors()).isZero();
    }

    @Test
    void aLongStallRestartsTheScheduleInsteadOfBurstingSecondsOfAudio() {
        FakeClock clock = new FakeClock();
        ZoneTicker ticker = new ZoneTicker(clock, Duration.ofMillis(20));
        List<Integer> sent = new ArrayList<>();
        ticker.add(playing("p", 200), p -> sent.add(p.sequenceNumber()));
        ticker.tickDue();

        clock.advanceMillis(1000); // a stop-the-world pause
        ticker.tickDue();

        assertThat(sent).containsExactly(0, 1);
        assertThat(ticker.reanchors()).isEqualTo(1);
        assertThat(ticker.nextDeadline()).isEqualTo(1020 * MS);
    }

    @Test
    void everyStageOfAZoneCountsWhatPassedThroughItAndAProtectionThatRefusesCountsADrop() {
        FakeClock clock = new FakeClock(deadline -> 2 * MS);
        ZoneTicker ticker = new ZoneTicker(clock, Duration.ofMillis(20));
        ZoneStream stream = playing("p", 10);
        Protection everyOtherPacket = new Protection() {
            @Override
            public vn.loa.wire.rtp.RtpPacket protect(vn.loa.wire.rtp.RtpPacket packet) {
                return packet.sequenceNumber() % 2 == 0 ? packet : null;
            }

            @Override
            public byte[] protectControl(byte[] rtcp) {
                return rtcp;
            }
        };
        RecordingOutput output = new RecordingOutput();
        ticker.add(stream, everyOtherPacket, output);

        ticker.run(() -> ticker.nextTick() < 20);

        PipelineMeters meters = stream.meters();
        assertThat(output.packets).extracting(p -> p.sequenceNumber()).containsExactly(0, 2, 4, 6, 8);
        assertThat(meters.out(PipelineStage.SHARE)).isEqualTo(10);
        assertThat(meters.out(PipelineStage.PACKETISE)).isEqualTo(10);
        assertThat(meters.in(PipelineStage.PROTECT)).isEqualTo(10);
        assertThat(meters.out(PipelineStage.PROTECT)).isEqualTo(5);
        assertThat(meters.drops(PipelineStage.PROTECT)).isEqualTo(5);
        assertThat(meters.out(PipelineStage.PACE)).isEqualTo(5);
        assertThat(meters.nanos(PipelineStage.PACE)).as("the first left on time, the others 2 ms late")
                .isEqualTo(4 * 2 * MS);
        assertThat(meters.in(PipelineStage.FAN_OUT)).isEqualTo(5);
    }

    private static ZoneStream playing(String programme, int frames) {
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", () -> Instant.EPOCH, e -> { });
        ZoneStream stream = new ZoneStream(arbiter, new RtpPacketizer(0, 1, 0, 0), 160);
        stream.attach(programme, ProgrammeFeed.open(() -> silence(frames)));
        arbiter.submit(new Claim(programme, Priority.SCHEDULED, PreemptionPolicy.RESUME));
        return stream;
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
