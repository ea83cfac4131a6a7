package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtcpCodec;
import vn.loa.wire.rtp.RtcpSenderReport;
import vn.loa.wire.rtp.NtpTimestamp;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.rtp.RtpPacketizer;

class UdpFanOutTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void everyNodeOnLoopbackReceivesTheSamePackets() throws Exception {
        try (DatagramSocket nodeA = receiver(); DatagramSocket nodeB = receiver();
                UdpFanOut fanOut = UdpFanOut.open(1)) {
            fanOut.add(new InetSocketAddress(LOOPBACK, nodeA.getLocalPort()));
            fanOut.add(new InetSocketAddress(LOOPBACK, nodeB.getLocalPort()));
            RtpPacketizer packetizer = new RtpPacketizer(0, 0x10AL, 7, 0);

            for (int i = 0; i < 5; i++) {
                byte[] payload = new byte[160];
                Arrays.fill(payload, (byte) i);
                fanOut.accept(packetizer.packetize(payload, 160));
            }

            for (DatagramSocket node : new DatagramSocket[] {nodeA, nodeB}) {
                for (int i = 0; i < 5; i++) {
                    RtpPacket got = receive(node);
                    assertThat(got.sequenceNumber()).isEqualTo(7 + i);
                    assertThat(got.timestamp()).isEqualTo(160L * i);
                    assertThat(got.payload()).containsOnly((byte) i);
                }
            }
            assertThat(fanOut.datagramsSent()).isEqualTo(10);
            assertThat(fanOut.bytesSent()).isEqualTo(10 * 172);
            assertThat(fanOut.sendFailures()).isZero();
        }
    }

    @Test
    void nodesSpreadOverTheSendingThreadsAllHearThePacketsInOrderFromTheOnePort() throws Exception {
        DatagramSocket[] nodes = new DatagramSocket[40];
        try (UdpFanOut fanOut = UdpFanOut.open(1)) {
            for (int n = 0; n < nodes.length; n++) {
                nodes[n] = receiver();
                fanOut.add(new InetSocketAddress(LOOPBACK, nodes[n].getLocalPort()));
            }
            RtpPacketizer packetizer = new RtpPacketizer(0, 0x10BL, 100, 0);
            for (int i = 0; i < 3; i++) {
                fanOut.accept(packetizer.packetize(new byte[160], 160));
            }

            for (DatagramSocket node : nodes) {
                for (int i = 0; i < 3; i++) {
                    byte[] buffer = new byte[1500];
                    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                    node.receive(datagram);
                    assertThat(datagram.getPort()).as("the source port nodes see").isEqualTo(fanOut.localPort());
                    assertThat(RtpPacketCodec.decode(buffer, 0, datagram.getLength()).sequenceNumber())
                            .isEqualTo(100 + i);
                }
            }
            assertThat(fanOut.datagramsSent()).isEqualTo(3 * nodes.length);
        } finally {
            for (DatagramSocket node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    @Test
    void aRoundSpreadOverThePacketTimeInBatchesStillReachesEveryNodeInOrder() throws Exception {
        int count = 2 * UdpFanOut.BATCH * 2 + 7; // several batches on every shard
        DatagramSocket[] nodes = new DatagramSocket[count];
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        try (UdpFanOut fanOut = UdpFanOut.open(new UdpFanOut.Ttl(UdpFanOut.Ttl.SYSTEM_DEFAULT, 1),
                java.time.Duration.ofMillis(10))) {
            fanOut.onBatchSent(late -> batches.incrementAndGet());
            for (int n = 0; n < count; n++) {
                nodes[n] = receiver();
                fanOut.add(new InetSocketAddress(LOOPBACK, nodes[n].getLocalPort()));
            }
            RtpPacketizer packetizer = new RtpPacketizer(0, 0x10CL, 500, 0);
            for (int i = 0; i < 3; i++) {
                fanOut.accept(packetizer.packetize(new byte[160], 160));
                Thread.sleep(20); // deliberate: rounds come a packet time apart, as audio does
            }

            for (DatagramSocket node : nodes) {
                for (int i = 0; i < 3; i++) {
                    assertThat(receive(node).sequenceNumber()).isEqualTo(500 + i);
                }
            }
            assertThat(fanOut.datagramsSent()).isEqualTo(3L * count);
            assertThat(batches.get()).isGreaterThanOrEqualTo(3 * 3);
        } finally {
            for (DatagramSocket node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    @Test
    void aSpreadRoundWhoseBatchMayNoLongerLeaveIsDroppedOnTheSendingThread() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean mayLeave = new java.util.concurrent.atomic.AtomicBoolean(false);
        try (UdpFanOut fanOut = UdpFanOut.open(new UdpFanOut.Ttl(UdpFanOut.Ttl.SYSTEM_DEFAULT, 1), Duration.ofMillis(10));
                DatagramSocket node = receiver()) {
            java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
            fanOut.onBatchSent(late -> batches.incrementAndGet());
            fanOut.sendOnlyWhile(mayLeave::get); // a cluster member's lease, lost while the round waited
            fanOut.add(new InetSocketAddress(LOOPBACK, node.getLocalPort()));
            RtpPacketizer packetizer = new RtpPacketizer(0, 0x10CL, 500, 0);
            fanOut.accept(packetizer.packetize(new byte[160], 160));
            await().atMost(Duration.ofSeconds(5)).until(() -> batches.get() == 1); // its batch's time came
            mayLeave.set(true);
            fanOut.accept(packetizer.packetize(new byte[160], 160));

            assertThat(receive(node).sequenceNumber()).as("the first round never left").isEqualTo(501);
            assertThat(fanOut.datagramsSent()).isEqualTo(1);
        }
    }

    @Test
    void twoThousandNodesFedInSpreadRoundsEachHearEveryPacketOnceAndInOrder() throws Exception {
        List<DatagramChannel> nodes = new ArrayList<>();
        try (UdpFanOut fanOut = UdpFanOut.open(new UdpFanOut.Ttl(UdpFanOut.Ttl.SYSTEM_DEFAULT, 1),
                java.time.Duration.ofMillis(15))) {
            for (int i = 0; i < 2000; i++) {
                DatagramChannel node = DatagramChannel.open();
                node.bind(new InetSocketAddress(LOOPBACK, 0));
                node.configureBlocking(false);
                node.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 18);
                nodes.add(node);
                fanOut.add((InetSocketAddress) node.getLocalAddress());
            }
            RtpPacketizer packetizer = new RtpPacketizer(0, 0x10DL, 0, 0);
            long next = System.nanoTime();
            for (int k = 0; k < 50; k++) {
                byte[] payload = new byte[160];
                Arrays.fill(payload, (byte) k);
                fanOut.accept(packetizer.packetize(payload, 160));
                next += 20_000_000;
                java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
            }
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> fanOut.datagramsSent() >= 50L * nodes.size());
            Thread.sleep(200); // deliberate: datagrams still in flight land before the sockets are drained

            ByteBuffer buffer = ByteBuffer.allocate(2048);
            for (DatagramChannel node : nodes) {
                List<Integer> heard = new ArrayList<>();
                while (true) {
                    buffer.clear();
                    if (node.receive(buffer) == null) {
                        break;
                    }
                    int sequence = buffer.getShort(2) & 0xFFFF;
                    assertThat(buffer.get(12)).as("the payload sent with packet %d", sequence).isEqualTo((byte) sequence);
                    heard.add(sequence);
                }
                assertThat(heard).as("node at %s", node.getLocalAddress()).hasSize(50).isSorted();
            }
        } finally {
            for (DatagramChannel node : nodes) {
                node.close();
            }
        }
    }

    @Test
    void senderReportsGoToTheRtcpPortNextToEachNodesRtpPort() throws Exception {
        try (DatagramSocket rtp = new DatagramSocket(0, LOOPBACK)) {
            int port = rtp.getLocalPort();
            try (DatagramSocket rtcp = openOrSkip(port + 1); UdpFanOut fanOut = UdpFanOut.open(1)) {
                fanOut.add(new InetSocketAddress(LOOPBACK, port));
                RtcpSenderReport report = new RtcpSenderReport(0x10AL, new NtpTimestamp(1, 2), 3, 4, 5);

                fanOut.sendControl(RtcpCodec.encodeCompound(report, "loa@commune"));

                byte[] buffer = new byte[1500];
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                rtcp.setSoTimeout(5000);
                rtcp.receive(datagram);
                assertThat(RtcpCodec.decodeSenderReport(Arrays.copyOf(buffer, datagram.getLength())))
                        .isEqualTo(report);
            }
        }
    }

    private static DatagramSocket openOrSkip(int port) throws Exception {
        try {
            return new DatagramSocket(port, LOOPBACK);
        } catch (java.net.BindException e) {
            org.junit.jupiter.api.Assumptions.abort("port " + port + " is taken on this machine");
            throw e;
        }
    }

    private static DatagramSocket receiver() throws Exception {
        DatagramSocket socket = new DatagramSocket(0, LOOPBACK);
        socket.setSoTimeout(5000); // a bound on a lost datagram, not a timing assertion
        return socket;
    }

    private static RtpPacket receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[1500];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.receive(datagram);
        return RtpPacketCodec.decode(buffer, 0, datagram.getLength());
    }
}
