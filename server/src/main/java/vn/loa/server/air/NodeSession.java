package vn.loa.server.air;

import io.vertx.core.http.ServerWebSocket;
import java.net.InetSocketAddress;
import java.time.Instant;
import vn.loa.core.control.ControlCodec;
import vn.loa.core.control.ControlMessage;
import vn.loa.core.media.StreamCodec;

/**
 * One connected node agent: which node, where its RTP goes, and its last heartbeat. Sends commands on its channel.
 *
 * <p>Fields written by the channel's event loop and read by workers are volatile; each is a single value.
 */
public final class NodeSession {

    private final String nodeId;
    private final String zone;
    private final StreamCodec codec;
    private final InetSocketAddress rtpAddress;
    private final ServerWebSocket socket;
    private volatile ControlMessage.Heartbeat lastHeartbeat;
    private volatile Instant lastSeen;

    NodeSession(String nodeId, String zone, StreamCodec codec, InetSocketAddress rtpAddress, ServerWebSocket socket,
            Instant now) {
        this.nodeId = nodeId;
        this.zone = zone;
        this.codec = codec;
        this.rtpAddress = rtpAddress;
        this.socket = socket;
        this.lastSeen = now;
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

    /** Where the agent receives RTP: the address its channel comes from, and the port it announced. */
    public InetSocketAddress rtpAddress() {
        return rtpAddress;
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

    /** Sends a command; safe from any thread (Vert.x hands the write to the channel's event loop). */
    public void send(ControlMessage message) {
        socket.writeTextMessage(ControlCodec.encode(message));
    }
}
