package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.core.arbiter.ArbiterEvent;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.codec.OpusAudioDecoder;
import vn.loa.core.model.Priority;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;
import vn.loa.wire.rtp.RtpPacket;

class TransmitterTest {

    private static final int ESPEAK_RATE = 22_050;

    private final FakeClock clock = new FakeClock();
    private final List<ArbiterEvent> log = new ArrayList<>();
    private final Transmitter transmitter = new Transmitter(clock,
            () -> Instant.parse("2026-11-28T01:00:00Z").plusNanos(clock.nanoTime()), "loa@test", log::add);
    private final RecordingOutput east = new RecordingOutput();
    private final RecordingOutput west = new RecordingOutput();
    private final RecordingOutput north = new RecordingOutput();

    @Test
    void emergencyPreemptsScheduledProgrammeInItsZonesAndItResumesAfterwards() {
        transmitter.openZone("thon-dong", StreamCodec.PCMU, east);
        transmitter.openZone("thon-tay", StreamCodec.OPUS, west);
        transmitter.openZone("thon-bac", StreamCodec.PCMU, north);
        transmitter.air("news", Priority.SCHEDULED, PreemptionPolicy.RESUME, Set.of("thon-dong", "thon-tay", "thon-bac"),
                () -> tone(440, 2.0), MixPlan.once());
        runFor(Duration.ofMillis(1000));

        transmitter.air("storm", Priority.EMERGENCY, PreemptionPolicy.DROP, Set.of("thon-dong", "thon-tay"),
                () -> tone(1000, 1.0), MixPlan.once());
        runFor(Duration.ofMillis(2500));

        // West has the programme to itself (the only Opus zone): it resumes where it was cut off.
        short[] westHeard = decodeOpus(west.packets);
        assertThat(west.packets).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(111));
        assertThat(westHeard.length).isEqualTo(3 * 48_000);
        assertThat(dominant(westHeard, 0.2, 0.9, 48_000)).isEqualTo(440);
        assertThat(dominant(westHeard, 1.1, 1.9, 48_000)).isEqualTo(1000);
        assertThat(dominant(westHeard, 2.1, 2.9, 48_000)).isEqualTo(440);
        // North, which the emergency does not cover, hears the programme through.
        short[] northHeard = decodePcmu(north.packets);
        assertThat(northHeard.length).isEqualTo(2 * 8000);
        assertThat(dominant(northHeard, 1.1, 1.9, 8000)).isEqualTo(440);
        // East shares its PCMU feed with north, which kept it going: the programme ended during the storm.
        short[] eastHeard = decodePcmu(east.packets);
        assertThat(eastHeard.length).isEqualTo(2 * 8000);
        assertThat(dominant(eastHeard, 0.2, 0.9, 8000)).isEqualTo(440);
        assertThat(dominant(eastHeard, 1.1, 1.9, 8000)).isEqualTo(1000);
        assertThat(log).filteredOn(e -> e.kind() == ArbiterEvent.Kind.PREEMPTED).extracting(ArbiterEvent::zone)
                .containsExactlyInAnyOrder("thon-dong", "thon-tay");
        assertThat(east.reports).as("no sender report before the first 5 s").isEmpty();
    }

    @Test
    void theProgrammeIsHeardAtTheTargetLoudness() {
        transmitter.openZone("thon-dong", StreamCodec.PCMU, east);
        transmitter.air("news", Priority.SCHEDULED, PreemptionPolicy.RESUME, Set.of("thon-dong"),
                () -> tone(440, 2.0), MixPlan.once());

        runFor(Duration.ofMillis(2100));

        short[] heard = decodePcmu(east.packets);
        assertThat(20 * Math.log10(Signals.rms(heard, 4000, 12_000))).isCloseTo(-20, within(0.5));
    }

    @Test
    void eachZoneCountsEveryStageOfItsPathAndTheProgrammeItSharesIsCountedInBoth() {
        transmitter.openZone("thon-dong", StreamCodec.PCMU, east);
        transmitter.openZone("thon-bac", StreamCodec.PCMU, north);
        transmitter.air("news", Priority.SCHEDULED, PreemptionPolicy.RESUME, Set.of("thon-dong", "thon-bac"),
                () -> tone(440, 2.0), MixPlan.once());

        runFor(Duration.ofMillis(2500));

        for (String zone : List.of("thon-dong", "thon-bac")) {
            PipelineMeters meters = transmitter.meters(zone);
            assertThat(meters.out(PipelineStage.SOURCE)).as(zone).isPositive();
            // 2 s in 20 ms frames, encoded once for both zones, each zone counting all of them.
            assertThat(meters.out(PipelineStage.FRAME)).as(zone).isEqualTo(100);
            assertThat(meters.in(PipelineStage.ENCODE)).as(zone).isEqualTo(100);
            assertThat(meters.out(PipelineStage.ENCODE)).as(zone).isEqualTo(100);
            for (PipelineStage stage : List.of(PipelineStage.SHARE, PipelineStage.PACKETISE, PipelineStage.PROTECT,
                    PipelineStage.PACE)) {
                assertThat(meters.out(stage)).as(zone + " " + stage.label()).isEqualTo(100);
            }
            assertThat(meters.in(PipelineStage.FAN_OUT)).as(zone).isEqualTo(100);
            assertThat(meters.drops(PipelineStage.PROTECT)).isZero();
        }
        assertThat(east.packets).hasSize(100);
    }

    private void runFor(Duration duration) {
        long end = clock.nanoTime() + duration.toNanos();
        while (clock.nanoTime() < end) {
            transmitter.tickDue();
            clock.waitUntil(transmitter.nextDeadline());
        }
    }

    private static MediaSource<PcmFrame> tone(double frequency, double seconds) {
        return new PcmBufferSource(Signals.sine(frequency, 0.05, ESPEAK_RATE, (int) (seconds * ESPEAK_RATE)),
                ESPEAK_RATE);
    }

    private static int dominant(short[] pcm, double fromSeconds, double toSeconds, int rate) {
        int from = (int) (fromSeconds * rate);
        int to = (int) (toSeconds * rate);
        return Signals.toneAmplitude(pcm, from, to, 440, rate) > Signals.toneAmplitude(pcm, from, to, 1000, rate)
                ? 440 : 1000;
    }

    private static short[] decodePcmu(List<RtpPacket> packets) {
        short[] out = new short[0];
        for (RtpPacket p : packets) {
            out = append(out, MuLaw.decode(p.payload()));
        }
        return out;
    }

    private static short[] decodeOpus(List<RtpPacket> packets) {
        OpusAudioDecoder decoder = new OpusAudioDecoder();
        short[] out = new short[0];
        for (RtpPacket p : packets) {
            out = append(out, decoder.decode(p.payload()));
        }
        return out;
    }

    private static short[] append(short[] a, short[] b) {
        short[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
