package vn.loa.node.rtp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.loa.wire.control.KeepaliveCodec;
import vn.loa.wire.rtp.MalformedPacketException;
import vn.loa.wire.rtp.RtcpReceiverReport;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.SrtpReceiver;
import vn.loa.wire.srtp.SrtpRejectedException;
import vn.loa.wire.srtp.StreamRollover;
import vn.loa.node.media.PayloadFormat;
import vn.loa.node.media.PayloadTypes;

/**
 * The node's RTP port: a UDP socket that decodes each datagram, keeps reception statistics per source and passes the
 * packets of the one source it is playing on to the playout.
 *
 * <p>Datagrams are handled on the socket's Vert.x event loop; {@link #report()} and {@link #expectSource} are safe
 * from any thread. Anything that is not RTP, carries a payload type this node does not decode, or comes from a
 * second source while the first is still sending is counted and dropped, never thrown.
 */
public final class RtpReceiver {

    private static final System.Logger LOG = System.getLogger(RtpReceiver.class.getName());

    /** Where accepted packets go. */
    @FunctionalInterface
    public interface PacketSink {
        void accept(RtpPacket packet, PayloadFormat format, long arrival);
    }

    private final DatagramSocket socket;
    private final PayloadTypes payloadTypes;
    private final PacketSink sink;
    private final long sourceTimeout;
    /** This receiver's own SSRC in its reports (RFC 3550 §8.1: random). */
    private final long ownSsrc = new java.security.SecureRandom().nextInt() & 0xFFFF_FFFFL;
    private volatile long expectedSsrc = -1;
    /** The zone stream's SRTP session, or null while the server sends plain RTP. */
    private volatile SrtpReceiver srtp;
    private SrtpMasterKey srtpKey;
    private volatile ReceptionReport report = ReceptionReport.NOTHING;
    private volatile java.util.function.Consumer<byte[]> keepaliveAnswers = datagram -> { };
    // Receiving thread only.
    private RtpSource current;
    private long retiredReceived;
    private long retiredLost;
    private long malformed;
    private long foreign;

    private RtpReceiver(DatagramSocket socket, PayloadTypes payloadTypes, PacketSink sink, Duration sourceTimeout) {
        this.socket = socket;
        this.payloadTypes = payloadTypes;
        this.sink = sink;
        this.sourceTimeout = sourceTimeout.toNanos();
    }

    /**
     * Opens the RTP port on all interfaces.
     *
     * @param port the UDP port, or 0 for any free one ({@link #port()} then says which)
     * @param sourceTimeout how long the playing source may be quiet before another may take over
     */
    public static Future<RtpReceiver> listen(Vertx vertx, int port, PayloadTypes payloadTypes, PacketSink sink,
            Duration sourceTimeout) {
        // 256 KiB of socket buffer holds over ten seconds of G.711 should the JVM pause.
        DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setReceiveBufferSize(256 * 1024));
        RtpReceiver receiver = new RtpReceiver(socket, payloadTypes, sink, sourceTimeout);
        socket.handler(packet -> receiver.receive(packet.data().getBytes(), System.nanoTime()));
        return socket.listen(port, "0.0.0.0").map(s -> receiver);
    }

    /** Who hears the server's answers to keepalives, which arrive on this port between the RTP packets. */
    public void onKeepaliveAnswer(java.util.function.Consumer<byte[]> listener) {
        this.keepaliveAnswers = listener;
    }

    /** Sends one datagram from this port (a keepalive: the server sends the stream back where it came from). */
    public void send(byte[] datagram, String host, int port) {
        socket.send(io.vertx.core.buffer.Buffer.buffer(datagram), port, host)
                .onFailure(e -> LOG.log(Level.DEBUG, "keepalive not sent: " + e.getMessage()));
    }

    /** The UDP port the socket is bound to. */
    public int port() {
        return socket.localAddress().port();
    }

    /**
     * Decrypts every datagram with this SRTP master key from now on (the server's welcome carries it); null returns to
     * plain RTP. Packets that fail authentication are counted as malformed and dropped.
     */
    public synchronized void useSrtp(SrtpMasterKey key) {
        if (key != null && key.equals(srtpKey)) {
            return; // the same stream after a reconnect: its contexts already follow the rollover counter
        }
        SrtpReceiver old = srtp;
        srtp = key == null ? null : new SrtpReceiver(key);
        srtpKey = key;
        if (old != null) {
            old.close();
        }
    }

    /**
     * Where a running SRTP stream stands, from a play command: its first packet here is decrypted at the rollover
     * counter this implies, so an agent that joins after the sequence number wrapped still hears it.
     */
    public void expectPosition(StreamRollover position) {
        SrtpReceiver session = srtp;
        if (session != null) {
            session.expect(position);
        }
    }

    /** Lets the source a play command names take over at once, even while another is still sending. */
    public void expectSource(long ssrc) {
        expectedSsrc = ssrc;
    }

    public ReceptionReport report() {
        return report;
    }

    /**
     * An RTCP receiver report of the source playing (loss since the last one, cumulative loss, jitter), or null before
     * a source was heard. Each call starts a new reporting interval: the keepalives, which carry it, call it.
     */
    public synchronized RtcpReceiverReport receiverReport() {
        RtpSource source = current;
        if (source == null || !source.validated()) {
            return null;
        }
        return new RtcpReceiverReport(ownSsrc, List.of(source.reportBlock()));
    }

    public Future<Void> close() {
        return socket.close();
    }

    /**
     * Handles one datagram that arrived at {@code arrival} (monotonic nanoseconds): from the RTP port, or a frame of
     * the control channel when the stream comes that way.
     */
    public void receive(byte[] datagram, long arrival) {
        if (KeepaliveCodec.looksLikeKeepalive(datagram)) {
            keepaliveAnswers.accept(datagram); // outside this receiver's lock: the keeper takes it to ask for reports
            return;
        }
        receiveMedia(datagram, arrival);
    }

    private synchronized void receiveMedia(byte[] datagram, long arrival) {
        try {
            SrtpReceiver session = srtp;
            RtpPacket packet = RtpPacketCodec.decode(session == null ? datagram : session.unprotect(datagram));
            Optional<PayloadFormat> format = payloadTypes.formatOf(packet.payloadType());
            if (format.isEmpty()) {
                drop("foreign", ++foreign, "payload type " + packet.payloadType());
            } else if (chooseSource(packet, format.get(), arrival)) {
                for (RtpPacket accepted : current.offer(packet, arrival)) {
                    sink.accept(accepted, format.get(), arrival);
                }
            } else {
                drop("foreign", ++foreign, "second source " + Long.toHexString(packet.ssrc()));
            }
        } catch (MalformedPacketException | SrtpRejectedException e) {
            drop("malformed", ++malformed, e.getMessage());
        }
        publish();
    }

    /** Whether {@code packet}'s source is (now) the one played; switches when the current one has gone quiet. */
    private boolean chooseSource(RtpPacket packet, PayloadFormat format, long arrival) {
        if (current != null && current.ssrc() == packet.ssrc()) {
            return true;
        }
        boolean free = current == null || !current.validated() || arrival - current.lastHeard() > sourceTimeout
                || packet.ssrc() == expectedSsrc;
        if (!free) {
            return false;
        }
        if (current != null) {
            retiredReceived += current.received();
            retiredLost += current.lost();
        }
        current = new RtpSource(packet.ssrc(), format.clockRate(), arrival);
        return true;
    }

    private void publish() {
        RtpSource source = current;
        report = new ReceptionReport(
                retiredReceived + (source == null ? 0 : source.received()),
                retiredLost + (source == null ? 0 : source.lost()),
                source == null ? 0 : source.jitterMs(),
                malformed, foreign);
    }

    private static void drop(String kind, long count, String why) {
        // The first of each kind says what it is; after that, a line per thousand keeps a flood out of the log.
        if (count == 1 || count % 1000 == 0) {
            LOG.log(Level.WARNING, "bỏ gói RTP / dropped RTP datagram ({0} #{1}): {2}", kind, count, why);
        }
    }
}
