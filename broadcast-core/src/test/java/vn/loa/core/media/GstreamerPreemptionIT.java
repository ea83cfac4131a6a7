package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.arbiter.ArbiterEvent;
import vn.loa.core.arbiter.Claim;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.arbiter.ZoneArbiter;
import vn.loa.wire.codec.G711Encoder;
import vn.loa.core.model.Priority;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.Signals;
import vn.loa.wire.rtp.RtpPacketizer;

/** An emergency takes over a zone playing a scheduled programme, as a GStreamer receiver records it. */
class GstreamerPreemptionIT {

    private static final int RATE = 8000;
    private static final double SCHEDULED_HZ = 400;
    private static final double EMERGENCY_HZ = 1200;

    @TempDir
    Path dir;

    @Test
    void anEmergencyTakesOverTheRecordedZoneWithin100MillisecondsAndTheProgrammeResumes() throws Exception {
        List<ArbiterEvent> log = new ArrayList<>();
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", InstantSource.system(), log::add);
        ZoneStream zone = new ZoneStream(arbiter, new RtpPacketizer(0, 0xE0L, 0, 0), 160);
        ZoneTicker ticker = new ZoneTicker(MediaClock.system(), Duration.ofMillis(20));
        // Stream time, not wall time: on a loaded machine the pacer may run late and catch up, so the moment of the
        // claim is placed in the recording by how many packets had left before it.
        AtomicLong packetsSent = new AtomicLong();

        try (GstreamerReceiver receiver = GstreamerReceiver.recordPcmu(dir.resolve("zone.wav"));
                UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(receiver.address(), receiver.port()));
            ticker.add(zone, packet -> {
                fanOut.accept(packet);
                packetsSent.incrementAndGet();
            });
            zone.attach("programme", ProgrammeFeed.open(() -> tone(SCHEDULED_HZ, 4)));
            arbiter.submit(new Claim("programme", Priority.SCHEDULED, PreemptionPolicy.RESUME));
            Thread pacing = new Thread(() -> ticker.run(() -> arbiter.onAir().isPresent()), "zone-ticker");
            pacing.start();

            MediaClock.system().waitUntil(System.nanoTime() + 1_500_000_000L);
            zone.attach("storm", ProgrammeFeed.open(() -> tone(EMERGENCY_HZ, 1)));
            long packetsBefore = packetsSent.get();
            arbiter.submit(new Claim("storm", Priority.EMERGENCY, PreemptionPolicy.DROP));

            pacing.join(30_000);
            MediaClock.system().waitUntil(System.nanoTime() + 500_000_000L);
            short[] heard = GstreamerInteropIT.readWav(receiver.finish());

            double submittedInStream = packetsBefore * 0.020;
            double switchHeard = firstWindowWhere(heard, 0, EMERGENCY_HZ, SCHEDULED_HZ) / (double) RATE;
            double backHeard = firstWindowWhere(heard, (int) (switchHeard * RATE), SCHEDULED_HZ, EMERGENCY_HZ)
                    / (double) RATE;
            System.out.printf("preemption: submitted at %.3f s, heard at %.3f s (%.0f ms), programme back at %.3f s%n",
                    submittedInStream, switchHeard, 1000 * (switchHeard - submittedInStream), backHeard);

            assertThat(switchHeard - submittedInStream).isBetween(-0.010, 0.100);
            assertThat(backHeard - switchHeard).as("the emergency plays whole").isBetween(0.95, 1.05);
            // 4 s of programme + 1 s of emergency, nothing of the programme lost while it waited.
            assertThat(heard.length / (double) RATE).isBetween(4.9, 5.1);
            assertThat(log).extracting(ArbiterEvent::kind).containsSubsequence(ArbiterEvent.Kind.PREEMPTED,
                    ArbiterEvent.Kind.RESUMED, ArbiterEvent.Kind.FINISHED);
        }
    }

    /** Start of the first 10 ms window from {@code from} where tone {@code a} is louder than tone {@code b}. */
    private static int firstWindowWhere(short[] pcm, int from, double a, double b) {
        int window = RATE / 100;
        for (int at = from; at + window <= pcm.length; at += window) {
            if (Signals.toneAmplitude(pcm, at, at + window, a, RATE)
                    > 2 * Signals.toneAmplitude(pcm, at, at + window, b, RATE)) {
                return at;
            }
        }
        return -RATE;
    }

    private static MediaSource<EncodedFrame> tone(double frequency, int seconds) {
        return MediaPipeline
                .from("tone", new PcmBufferSource(Signals.sine(frequency, 0.3, RATE, seconds * RATE), RATE))
                .then("frame", FrameSizer.every(Duration.ofMillis(20)))
                .then("encode", EncodeStage.with(G711Encoder.muLaw()))
                .build();
    }
}
