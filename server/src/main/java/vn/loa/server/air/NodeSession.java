package vn.loa.server.air;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import vn.loa.wire.control.ControlCodec;
import vn.loa.wire.control.ControlMessage;
import vn.loa.core.media.StreamCodec;

/**
 * One connected node agent: which node, where its RTP goes, and its last heartbeat. Sends commands on its channel.
 *
 * <p>Where RTP goes: to the address and port its signed keepalives come from once one has arrived (symmetric RTP:
 * the path its NAT keeps open), before that to the address its channel comes from and the port it announced; or, when
 * the agent says UDP does not get through, as binary frames on its channel.
 *
 * <p>Fields written by the channel's event loop or a fan-out thread and read by others are volatile; each is a single
 * value. {@link #keptAlive} is synchronised: the counter and the address move together.
 */
public final class NodeSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nodeId;
    private final String zone;
    private final StreamCodec codec;
    private final InetSocketAddress declared;
    private final ServerWebSocket socket;
    private final byte[] keepaliveKey = new byte[32];
    private volatile ControlMessage.Heartbeat lastHeartbeat;
    private volatile Instant lastSeen;
    private final Instant connectedAt;
    private final java.time.Duration keepalive;
    private volatile InetSocketAddress observed;
    private volatile Instant lastKeepalive;
    private volatile boolean overChannel;
    private long lastCounter = -1;
    private final LongAdder channelBytes = new LongAdder();
    private final LongAdder channelDropped = new LongAdder();
    private volatile LinkReport linkReport;
    /** Whether its last two receiver reports showed nothing arriving while the stream was sent it over UDP. */
    private volatile boolean udpNothingHeard;
    private long udpBytesDone;
    private ChannelRelay udpRelay;
    private long udpSince;

    /** @param keepalive how often the agent is asked to send keepalives */
    NodeSession(String nodeId, String zone, StreamCodec codec, InetSocketAddress declared, ServerWebSocket socket,
            Instant now, java.time.Duration keepalive) {
        this.connectedAt = now;
        this.keepalive = keepalive;
        this.nodeId = nodeId;
        this.zone = zone;
        this.codec = codec;
        this.declared = declared;
        this.socket = socket;
        this.lastSeen = now;
        RANDOM.nextBytes(keepaliveKey);
    }

    public String nodeId() {
        return nodeId;
    }

    public String zone() {
        return zone;
    }

    /** The codec of the stream this agent is sent. */
    public StreamCodec codec() {
        return codec;
    }

    /** Where the agent receives RTP: where its keepalives come from, or its channel's address and announced port. */
    public InetSocketAddress rtpAddress() {
        InetSocketAddress seen = observed;
        return seen != null ? seen : declared;
    }

    /** The address its keepalives come from (its NAT's public side), or null before the first. */
    public InetSocketAddress observedAddress() {
        return observed;
    }

    /** The address its channel comes from with the RTP port its hello announced. */
    public InetSocketAddress declaredAddress() {
        return declared;
    }

    public Instant lastKeepalive() {
        return lastKeepalive;
    }

    /**
     * Whether UDP seems not to reach this agent although its channel is up: no keepalive for three intervals (an
     * agent too old to send them, or one whose network lets nothing through and has not asked for the channel), or
     * its receiver report says nothing arrived since the last one while audio was sent to it over UDP (a NAT or
     * firewall that lets the keepalives out and nothing in).
     */
    boolean udpSilent(Instant now) {
        if (overChannel) {
            return false;
        }
        if (udpNothingHeard) {
            return true;
        }
        Instant last = lastKeepalive != null ? lastKeepalive : connectedAt;
        return now.isAfter(last.plus(keepalive.multipliedBy(3)));
    }

    /** Whether the stream reaches this agent as frames on its control channel (UDP blocked) rather than UDP. */
    public boolean overChannel() {
        return overChannel;
    }

    /** The session's secret for signing keepalives, sent to the agent only in its welcome. */
    byte[] keepaliveKey() {
        return keepaliveKey;
    }

    public ControlMessage.Heartbeat lastHeartbeat() {
        return lastHeartbeat;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    void heard(ControlMessage.Heartbeat heartbeat, Instant now) {
        this.lastHeartbeat = heartbeat;
        this.lastSeen = now;
    }

    /**
     * A signed keepalive arrived from {@code sender}; an older or repeated counter (a replay) is ignored.
     *
     * @return whether it was taken and moved the stream to a new address (the NAT gave a new mapping)
     */
    synchronized Kept keptAlive(long counter, InetSocketAddress sender, Instant now) {
        if (counter <= lastCounter) {
            return Kept.STALE;
        }
        lastCounter = counter;
        lastKeepalive = now;
        if (sender.equals(observed)) {
            return Kept.SAME_ADDRESS;
        }
        observed = sender;
        return Kept.NEW_ADDRESS;
    }

    /** What a keepalive did. */
    enum Kept { STALE, SAME_ADDRESS, NEW_ADDRESS }

    void overChannel(boolean yes) {
        this.overChannel = yes;
    }

    /** Sends a command; safe from any thread (Vert.x hands the write to the channel's event loop). */
    /** Closes its control channel: the agent connects again and is welcomed afresh (a new stream key, port). */
    void close(String reason) {
        socket.close((short) 1012, reason); // 1012: service restart, "come back"
    }

    public void send(ControlMessage message) {
        socket.writeTextMessage(ControlCodec.encode(message));
    }

    /**
     * Sends one (S)RTP packet as a binary frame; from the pacing thread. A channel whose TCP cannot keep up drops
     * packets rather than queue them: late audio is worse than a gap the agent conceals.
     */
    void sendMedia(byte[] packet) {
        if (socket.isClosed() || socket.writeQueueFull()) {
            channelDropped.increment();
            return;
        }
        socket.writeBinaryMessage(Buffer.buffer(packet));
        channelBytes.add(packet.length);
    }

    /**
     * The receiver report of a keepalive arrived: the link as the agent measures it. {@code sentMeanwhile}: bytes the
     * server sent it over UDP since the previous report.
     */
    synchronized void reported(LinkReport report, long sentMeanwhile) {
        LinkReport before = linkReport;
        if (before != null) {
            udpNothingHeard = sentMeanwhile > 0 && !overChannel && report.highestSequence() == before.highestSequence();
        }
        linkReport = report;
    }

    /** The agent's last receiver report, or null before one. */
    LinkReport linkReport() {
        return linkReport;
    }

    /** The stream now reaches this agent over UDP from {@code relay}'s zone stream, or no more (null). */
    synchronized void udpFrom(ChannelRelay relay) {
        if (relay == udpRelay) {
            return;
        }
        udpBytesDone = udpBytes();
        udpRelay = relay;
        udpSince = relay == null ? 0 : relay.udpBytesEach();
    }

    /** IP bytes of audio sent to this agent over UDP this session (each datagram with its 28 bytes of headers). */
    synchronized long udpBytes() {
        return udpBytesDone + (udpRelay == null ? 0 : udpRelay.udpBytesEach() - udpSince);
    }

    /** When the session began. */
    Instant connectedAt() {
        return connectedAt;
    }

    /** Bytes of audio sent on the channel, and packets dropped because it was full. */
    long channelBytes() {
        return channelBytes.sum();
    }

    long channelDropped() {
        return channelDropped.sum();
    }
}
