package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.arbiter.ArbiterEvent;
import vn.loa.core.arbiter.Claim;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.arbiter.ZoneArbiter;
import vn.loa.core.model.Priority;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;

class ZoneStreamTest {

    private static final long MS = 1_000_000L;
    private static final long TICK = 20 * MS;

    private final FakeClock clock = new FakeClock();
    private final InstantSource wallClock = () -> Instant.ofEpochSecond(1_790_000_000L, clock.nanoTime());
    private final List<ArbiterEvent> log = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();

    private record Sent(long at, String zone, RtpPacket packet) {
        char programme() {
            return (char) packet.payload()[0];
        }

        int frame() {
            return ((packet.payload()[1] & 0xFF) << 8) | (packet.payload()[2] & 0xFF);
        }
    }

    @Test
    void emergencyTakesTheZoneFromTheNextPacketWithinOnePacketTime() {
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", wallClock, log::add);
        ZoneStream zone = new ZoneStream(arbiter, new RtpPacketizer(0, 0xAAL, 0, 0), 160);
        play(zone, arbiter, 'S', 500, Priority.SCHEDULED, PreemptionPolicy.RESUME);

        runTicks(0, 50, zone);
        long submittedAt = 50 * TICK + 7 * MS; // the hotline call lands between two packet times
        clock.waitUntil(submittedAt);
        play(zone, arbiter, 'E', 100, Priority.EMERGENCY, PreemptionPolicy.DROP);
        runTicks(51, 60, zone);

        Sent firstEmergency = sent.stream().filter(s -> s.programme() == 'E').findFirst().orElseThrow();
        assertThat(firstEmergency.at() - submittedAt).isLessThanOrEqualTo(TICK);
        assertThat(firstEmergency.packet().marker()).isTrue();
        assertThat(sent.get(50).programme()).isEqualTo('S');
    }

    @Test
    void preemptedProgrammeResumesWhereItWasCutOffAfterTheEmergencyEnds() {
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", wallClock, log::add);
        ZoneStream zone = new ZoneStream(arbiter, new RtpPacketizer(0, 0xAAL, 65_500, 0), 160);
        play(zone, arbiter, 'S', 500, Priority.SCHEDULED, PreemptionPolicy.RESUME);
        runTicks(0, 50, zone);
        play(zone, arbiter, 'E', 100, Priority.EMERGENCY, PreemptionPolicy.DROP);

        runTicks(51, 300, zone);

        List<Integer> scheduledFrames = sent.stream().filter(s -> s.programme() == 'S').map(Sent::frame).toList();
        assertThat(scheduledFrames.subList(0, 60)).isEqualTo(range(0, 60));
        Sent resumed = sent.get(151);
        assertThat(resumed.programme()).isEqualTo('S');
        assertThat(resumed.frame()).isEqualTo(51);
        assertThat(resumed.packet().marker()).isTrue();
        assertConsecutive(sent);
        assertThat(log).extracting(ArbiterEvent::kind).contains(ArbiterEvent.Kind.RESUMED);
    }

    @Test
    void aNoticeWithTheRestartPolicyStartsAgainFromItsFirstFrame() {
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", wallClock, log::add);
        ZoneStream zone = new ZoneStream(arbiter, new RtpPacketizer(0, 0xAAL, 0, 0), 160);
        play(zone, arbiter, 'S', 200, Priority.SCHEDULED, PreemptionPolicy.RESTART);
        runTicks(0, 30, zone);
        play(zone, arbiter, 'E', 10, Priority.EMERGENCY, PreemptionPolicy.DROP);

        runTicks(31, 50, zone);

        assertThat(sent.get(41).programme()).isEqualTo('S');
        assertThat(sent.get(41).frame()).isZero();
    }

    @Test
    void aProgrammeSharedByTwoZonesPlaysOnInTheZoneTheEmergencyDoesNotCover() {
        ZoneArbiter east = new ZoneArbiter("thon-dong", wallClock, log::add);
        ZoneArbiter west = new ZoneArbiter("thon-tay", wallClock, log::add);
        ZoneStream eastStream = new ZoneStream(east, new RtpPacketizer(0, 0xE1L, 0, 0), 160);
        ZoneStream westStream = new ZoneStream(west, new RtpPacketizer(0, 0x3EL, 0, 0), 160);
        ProgrammeFeed programme = ProgrammeFeed.open(() -> frames('S', 500));
        Claim claim = new Claim("S", Priority.SCHEDULED, PreemptionPolicy.RESUME);
        eastStream.attach("S", programme);
        westStream.attach("S", programme);
        east.submit(claim);
        west.submit(claim);
        runTicks(0, 20, eastStream, westStream);

        play(eastStream, east, 'E', 10, Priority.EMERGENCY, PreemptionPolicy.DROP);
        runTicks(21, 60, eastStream, westStream);

        List<Integer> westFrames = sent.stream().filter(s -> s.zone().equals("thon-tay")).map(Sent::frame).toList();
        assertThat(westFrames).isEqualTo(range(0, 61));
        // East rejoins the shared programme where it now is, not where it left it.
        Sent eastBack = sent.stream().filter(s -> s.zone().equals("thon-dong") && s.at() == 31 * TICK).findFirst()
                .orElseThrow();
        assertThat(eastBack.programme()).isEqualTo('S');
        assertThat(eastBack.frame()).isEqualTo(31);
    }

    @Test
    void aSilentZoneSendsNothingButItsTimestampsRunOn() {
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", wallClock, log::add);
        ZoneStream zone = new ZoneStream(arbiter, new RtpPacketizer(0, 0xAAL, 0, 0), 160);
        play(zone, arbiter, 'S', 5, Priority.SCHEDULED, PreemptionPolicy.RESUME);
        runTicks(0, 9, zone);
        play(zone, arbiter, 'T', 5, Priority.SCHEDULED, PreemptionPolicy.RESUME);

        runTicks(10, 14, zone);

        assertThat(sent).hasSize(10);
        assertThat(sent.get(5).packet().timestamp()).isEqualTo(10 * 160);
        assertThat(sent.get(5).packet().sequenceNumber()).isEqualTo(5);
        assertThat(sent.get(5).packet().marker()).isTrue();
    }

    @Test
    void aWithdrawnProgrammeClosesItsSourceAndOneWaitingItsTurnNeverOpensOne() {
        ZoneArbiter arbiter = new ZoneArbiter("thon-dong", wallClock, log::add);
        ZoneStream zone = new ZoneStream(arbiter, new RtpPacketizer(0, 0xAAL, 0, 0), 160);
        List<String> closed = new ArrayList<>();
        List<String> opened = new ArrayList<>();
        for (char tag : new char[] {'S', 'B'}) {
            zone.attach(String.valueOf(tag), ProgrammeFeed.open(() -> {
                opened.add(String.valueOf(tag));
                MediaSource<EncodedFrame> frames = frames(tag, 10_000);
                return new MediaSource<>() {
                    @Override
                    public EncodedFrame pull() {
                        return frames.pull();
                    }

                    @Override
                    public void close() {
                        closed.add(String.valueOf(tag));
                    }
                };
            }));
        }
        arbiter.submit(new Claim("S", Priority.SCHEDULED, PreemptionPolicy.RESUME));
        arbiter.submit(new Claim("B", Priority.BACKGROUND, PreemptionPolicy.RESUME));
        runTicks(0, 10, zone);
        List<String> openedWhileSAired = List.copyOf(opened);

        arbiter.withdraw("S");
        runTicks(11, 12, zone);

        assertThat(openedWhileSAired).containsExactly("S");
        assertThat(closed).containsExactly("S");
        assertThat(sent.get(sent.size() - 1).programme()).isEqualTo('B');
    }

    private void play(ZoneStream zone, ZoneArbiter arbiter, char tag, int frames, Priority priority,
            PreemptionPolicy policy) {
        zone.attach(String.valueOf(tag), ProgrammeFeed.open(() -> frames(tag, frames)));
        arbiter.submit(new Claim(String.valueOf(tag), priority, policy));
    }

    private void runTicks(long first, long last, ZoneStream... zones) {
        for (long tick = first; tick <= last; tick++) {
            clock.waitUntil(tick * TICK);
            for (ZoneStream zone : zones) {
                RtpPacket packet = zone.tick(tick);
                if (packet != null) {
                    sent.add(new Sent(clock.nanoTime(), packet.ssrc() == 0x3EL ? "thon-tay" : "thon-dong", packet));
                }
            }
        }
    }

    /** Frames whose payload names the programme and the frame's index, so the test can tell what was heard. */
    private static MediaSource<EncodedFrame> frames(char tag, int count) {
        return new MediaSource<>() {
            private int next;

            @Override
            public EncodedFrame pull() {
                if (next == count) {
                    return null;
                }
                int i = next++;
                return new EncodedFrame(new byte[] {(byte) tag, (byte) (i >> 8), (byte) i}, 160L * i, 160, 8000);
            }
        };
    }

    private static void assertConsecutive(List<Sent> packets) {
        for (int i = 1; i < packets.size(); i++) {
            RtpPacket a = packets.get(i - 1).packet();
            RtpPacket b = packets.get(i).packet();
            assertThat(b.sequenceNumber()).isEqualTo((a.sequenceNumber() + 1) & 0xFFFF);
            assertThat(b.timestamp()).isEqualTo(a.timestamp() + 160);
        }
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }
}
