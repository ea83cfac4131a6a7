package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.wire.pcm.Signals;
import vn.loa.core.model.Priority;
import vn.loa.wire.rtp.RtcpCodec;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.SrtpReceiver;
import vn.loa.wire.srtp.SrtpSender;
import vn.loa.wire.srtp.StreamRollover;

class SrtpProtectionTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final SrtpMasterKey key = SrtpMasterKey.generate();

    @Test
    void everyNodeAgentOfTheZoneDecryptsTheOneProtectedCopyUdpFanOutSends() throws Exception {
        try (DatagramSocket nodeA = node(); DatagramSocket nodeB = node(); UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(LOOPBACK, nodeA.getLocalPort()));
            fanOut.add(new InetSocketAddress(LOOPBACK, nodeB.getLocalPort()));
            SrtpProtection zone = new SrtpProtection(new SrtpSender(key));
            assertThat(zone.rollover()).as("nothing sent yet").isEmpty();
            RtpPacketizer packetizer = new RtpPacketizer(0, 0x5EC0L, 65_530, 0);
            List<RtpPacket> sent = new ArrayList<>();

            for (int i = 0; i < 10; i++) {
                byte[] payload = new byte[160];
                Arrays.fill(payload, (byte) i);
                RtpPacket packet = packetizer.packetize(payload, 160);
                sent.add(packet);
                fanOut.send(zone.protect(packet));
            }

            for (DatagramSocket node : List.of(nodeA, nodeB)) {
                SrtpReceiver agent = new SrtpReceiver(key);
                for (RtpPacket expected : sent) {
                    byte[] datagram = receive(node);
                    assertThat(datagram).hasSize(172 + 10);
                    assertThat(RtpPacketCodec.decode(agent.unprotect(datagram))).isEqualTo(expected);
                }
            }
            assertThat(zone.rollover()).map(StreamRollover::rolloverCounter).contains(1);
            assertThat(zone.rollover()).map(StreamRollover::sequence).contains(sent.get(sent.size() - 1)
                    .sequenceNumber());
            assertThat(fanOut.datagramsSent()).as("one protected copy per node").isEqualTo(20);
            assertThat(zone.dropped()).isZero();
        }
    }

    @Test
    void aZoneAiredThroughTheTransmitterIsHeardAsThePlainZoneBesideItAndItsReportsDecryptToo() throws Exception {
        FakeClock clock = new FakeClock();
        Transmitter transmitter = new Transmitter(clock,
                () -> Instant.parse("2026-11-28T01:00:00Z").plusNanos(clock.nanoTime()), "loa@test", event -> { });
        RecordingOutput plain = new RecordingOutput();
        RecordingOutput wire = new RecordingOutput();
        transmitter.openZone("thon-dong", StreamCodec.PCMU, plain);
        transmitter.openZone("thon-tay", StreamCodec.PCMU, Optional.of(key), wire);
        transmitter.air("bao-bao", Priority.EMERGENCY, PreemptionPolicy.DROP, Set.of("thon-dong", "thon-tay"),
                () -> new PcmBufferSource(Signals.sine(440, 0.3, 8000, 8 * 8000), 8000), MixPlan.once());

        long end = Duration.ofSeconds(7).toNanos();
        while (clock.nanoTime() < end) {
            transmitter.tickDue();
            clock.waitUntil(transmitter.nextDeadline());
        }

        SrtpReceiver agent = new SrtpReceiver(key);
        assertThat(wire.packets).hasSameSizeAs(plain.packets).hasSizeGreaterThan(300);
        for (int i = 0; i < wire.packets.size(); i++) {
            RtpPacket heard = RtpPacketCodec.decode(agent.unprotect(RtpPacketCodec.encode(wire.packets.get(i))));
            assertThat(heard.payload()).isEqualTo(plain.packets.get(i).payload());
        }
        assertThat(wire.reports).as("a sender report after 5 s").isNotEmpty();
        for (byte[] report : wire.reports) {
            assertThat(RtcpCodec.decodeSenderReport(agent.unprotectControl(report)).ssrc())
                    .isEqualTo(wire.packets.get(0).ssrc());
        }
        assertThat(transmitter.position("thon-tay").map(StreamRollover::ssrc)).contains(wire.packets.get(0).ssrc());
        assertThat(transmitter.position("thon-dong")).as("a plain stream has no SRTP index").isEmpty();
        PipelineMeters meters = transmitter.meters("thon-tay");
        assertThat(meters.out(PipelineStage.PROTECT)).isEqualTo(wire.packets.size());
        assertThat(meters.drops(PipelineStage.PROTECT)).isZero();
    }

    @Test
    void aPaddedPacketIsDroppedAndCountedRatherThanSentWithItsPaddingInTheClear() {
        SrtpProtection zone = new SrtpProtection(new SrtpSender(key));

        assertThat(zone.protect(new RtpPacket(false, 0, 1, 0, 7, List.of(), null, new byte[160], 4))).isNull();
        assertThat(zone.dropped()).isEqualTo(1);
    }

    private static DatagramSocket node() throws Exception {
        DatagramSocket socket = new DatagramSocket(0, LOOPBACK);
        socket.setSoTimeout(2000);
        return socket;
    }

    private static byte[] receive(DatagramSocket node) throws Exception {
        DatagramPacket datagram = new DatagramPacket(new byte[2048], 2048);
        node.receive(datagram);
        return Arrays.copyOf(datagram.getData(), datagram.getLength());
    }
}
