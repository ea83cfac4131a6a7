package vn.loa.node.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.node.Await;
import vn.loa.node.media.PayloadTypes;

/** Real datagrams over loopback into the receiver's socket. */
class RtpReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Vertx vertx = Vertx.vertx();
    private final List<RtpPacket> played = new CopyOnWriteArrayList<>();
    private RtpReceiver receiver;
    private DatagramSocket sender;

    @BeforeEach
    void open() throws Exception {
        receiver = RtpReceiver.listen(vertx, 0, new PayloadTypes(), (packet, format, arrival) -> played.add(packet),
                Duration.ofSeconds(2)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        sender = new DatagramSocket();
    }

    @AfterEach
    void close() throws Exception {
        sender.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void send(byte[] datagram) throws Exception {
        sender.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), receiver.port()));
    }

    private void sendStream(RtpPacketizer packetizer, int packets) throws Exception {
        for (int i = 0; i < packets; i++) {
            send(RtpPacketCodec.encode(packetizer.packetize(new byte[160], 160)));
        }
    }

    @Test
    void bindsAnEphemeralPortWhenAskedForZero() {
        assertThat(receiver.port()).isBetween(1, 65535);
    }

    @Test
    void malformedDatagramsAreCountedAndDroppedWhileTheStreamPlaysOn() throws Exception {
        send("hello".getBytes());
        send(new byte[] {(byte) 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2}); // RTP version 1
        send(new byte[] {(byte) 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1});        // 15 CSRCs announced, none there
        sendStream(new RtpPacketizer(0, 0xCAFE, 100, 0), 10);

        Await.until(WAIT, "ten packets played", () -> played.size() == 10);
        assertThat(receiver.report().malformed()).isEqualTo(3);
        assertThat(receiver.report().received()).isEqualTo(10);
        assertThat(receiver.report().lost()).isZero();
        assertThat(played.get(0).sequenceNumber()).as("the probation packet is kept, not cut").isEqualTo(100);
    }

    @Test
    void unknownPayloadTypesAndASecondSourceAreForeign() throws Exception {
        RtpPacketizer zone = new RtpPacketizer(0, 0x1111, 0, 0);
        sendStream(zone, 5);
        Await.until(WAIT, "the zone's stream plays", () -> played.size() == 5);

        sendStream(new RtpPacketizer(96, 0x2222, 0, 0), 2);  // a type nobody announced
        sendStream(new RtpPacketizer(8, 0x3333, 0, 0), 3);   // another sender while the zone's still talks
        sendStream(zone, 5);

        Await.until(WAIT, "the zone's stream goes on", () -> played.size() == 10);
        Await.until(WAIT, "five foreign packets", () -> receiver.report().foreign() == 5);
        assertThat(played).extracting(RtpPacket::ssrc).containsOnly(0x1111L);
    }

    @Test
    void lossIsCountedFromTheSequenceNumbers() throws Exception {
        RtpPacketizer zone = new RtpPacketizer(0, 0x4444, 65_530, 0);
        for (int i = 0; i < 12; i++) {
            RtpPacket packet = zone.packetize(new byte[160], 160);
            if (i != 6) { // one lost, across the sequence wrap
                send(RtpPacketCodec.encode(packet));
            }
        }
        Await.until(WAIT, "eleven packets", () -> receiver.report().received() == 11);
        assertThat(receiver.report().lost()).isEqualTo(1);
    }
}
