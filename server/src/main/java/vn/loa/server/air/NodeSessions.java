package vn.loa.server.air;

import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import vn.loa.wire.control.ControlMessage;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.server.node.NodeJson;

/**
 * The node agents connected now, by node id; a node that connects again replaces its older session. Thread-safe.
 * Listeners hear of every arrival and departure, so the zone streams can add or drop the agent's address.
 */
public final class NodeSessions {

    private final Map<String, NodeSession> sessions = new ConcurrentHashMap<>();
    /** The sessions whose stream goes over their control channel, by the address they would be sent UDP at. */
    private final Map<InetSocketAddress, NodeSession> overChannel = new ConcurrentHashMap<>();
    /** Each agent's last heartbeat and when it came, kept after it disconnects: the figures a technician looks at. */
    private final Map<String, Heard> latest = new ConcurrentHashMap<>();
    /** Bytes sent to each session over UDP as of its last receiver report. */
    private final Map<NodeSession, Long> udpAtReport = new ConcurrentHashMap<>();

    /** Heartbeats taken since start-up, for {@code /metrics}: the load the agents put on this member. */
    private final java.util.concurrent.atomic.LongAdder heartbeats = new java.util.concurrent.atomic.LongAdder();

    private record Heard(ControlMessage.Heartbeat beat, Instant at) {
    }
    private volatile Consumer<String> zoneChanged = zone -> { };
    private volatile java.util.function.BiConsumer<String, Boolean> presence = (node, online) -> { };
    private volatile Consumer<NodeSession> arrived = session -> { };
    private volatile java.util.function.Function<String, Optional<String>> elsewhere = node -> Optional.empty();

    /** Who to tell, with the zone id, when an agent of that zone arrives or leaves. */
    public void onZoneChanged(Consumer<String> listener) {
        this.zoneChanged = listener;
    }

    /** Who to tell, with the node id, when an agent comes online ({@code true}) or goes offline (the reports). */
    public void onPresence(java.util.function.BiConsumer<String, Boolean> listener) {
        this.presence = listener;
    }

    /** Where to ask which other cluster member an agent is connected to (ADR 0049); alone, none. */
    public void connectedElsewhere(java.util.function.Function<String, Optional<String>> elsewhere) {
        this.elsewhere = elsewhere;
    }

    /** Who to tell of each agent that connects, before its zone's streams are told. */
    public void onArrival(Consumer<NodeSession> listener) {
        this.arrived = listener;
    }

    void add(NodeSession session) {
        NodeSession old = sessions.put(session.nodeId(), session);
        if (old == null) {
            presence.accept(session.nodeId(), true);
        }
        if (old != null && !old.zone().equals(session.zone())) {
            zoneChanged.accept(old.zone());
        }
        // The play command of what airs now is queued before the stream is pointed at the agent, so it goes out
        // ahead of the first packet: after a sequence wrap, SRTP needs it to decrypt that packet.
        arrived.accept(session);
        zoneChanged.accept(session.zone());
    }

    void remove(NodeSession session) {
        overChannel.remove(session.rtpAddress(), session);
        udpAtReport.remove(session);
        if (sessions.remove(session.nodeId(), session)) {
            presence.accept(session.nodeId(), false);
            zoneChanged.accept(session.zone());
        }
    }

    /** An agent's heartbeat arrived. */
    void heard(NodeSession session, ControlMessage.Heartbeat beat, Instant now) {
        session.heard(beat, now);
        latest.put(session.nodeId(), new Heard(beat, now));
        heartbeats.increment();
    }

    /** The heartbeats the connected agents have sent this server since it started. */
    public long heartbeats() {
        return heartbeats.sum();
    }

    /**
     * A signed keepalive of {@code session} came from {@code sender}: when its NAT mapping moved, its zone's streams
     * are re-pointed (within one keepalive of the move).
     *
     * @return false for a keepalive that was not taken (replayed, or of a session that has ended)
     */
    boolean keptAlive(NodeSession session, long counter, InetSocketAddress sender, Instant now) {
        if (sessions.get(session.nodeId()) != session) {
            return false;
        }
        InetSocketAddress before = session.rtpAddress();
        NodeSession.Kept kept = session.keptAlive(counter, sender, now);
        if (kept == NodeSession.Kept.NEW_ADDRESS) {
            if (overChannel.remove(before, session)) {
                overChannel.put(session.rtpAddress(), session);
            }
            zoneChanged.accept(session.zone());
        }
        return kept != NodeSession.Kept.STALE;
    }

    /**
     * The receiver report in a signed keepalive of {@code session}: kept, with the UDP bytes sent it since the last,
     * to tell a node that hears nothing.
     */
    void reported(NodeSession session, vn.loa.wire.rtp.RtcpReportBlock block, Instant now) {
        long sent = session.udpBytes();
        Long before = udpAtReport.put(session, sent);
        session.reported(LinkReport.of(block, session.codec().rtpMap().clockRate(), now),
                before == null ? 0 : sent - before);
    }

    /** The agent chose how its stream reaches it: as UDP, or as frames on its channel when UDP does not get through. */
    void mediaPath(NodeSession session, boolean viaChannel) {
        if (session.overChannel() == viaChannel) {
            return;
        }
        session.overChannel(viaChannel);
        if (viaChannel) {
            overChannel.put(session.rtpAddress(), session);
        } else {
            overChannel.remove(session.rtpAddress(), session);
        }
        zoneChanged.accept(session.zone());
    }

    /** The agent that the stream reaches over its channel instead of UDP at {@code address}, if any. */
    Optional<NodeSession> overChannelAt(InetSocketAddress address) {
        return overChannel.isEmpty() ? Optional.empty() : Optional.ofNullable(overChannel.get(address));
    }

    public Optional<NodeSession> find(String nodeId) {
        return Optional.ofNullable(sessions.get(nodeId));
    }

    /**
     * Closes the channels of {@code zone}'s agents so that they connect again: their stream changed (its packet time,
     * ADR 0058), and the welcome is what carries a stream's SRTP key and port.
     */
    public void rewelcome(String zone) {
        sessions.values().stream().filter(s -> s.zone().equals(zone)).forEach(s -> s.close("stream changed"));
    }

    public Collection<NodeSession> all() {
        return sessions.values();
    }

    /** A node's JSON with, for agents, whether it is connected and what its last heartbeat said. */
    public JsonObject describe(Node node, Instant now) {
        JsonObject json = NodeJson.write(node);
        if (node.kind() != NodeKind.AGENT) {
            return json;
        }
        Optional<String> member = sessions.containsKey(node.id()) ? Optional.empty() : elsewhere.apply(node.id());
        json.put("online", sessions.containsKey(node.id()) || member.isPresent());
        member.ifPresent(m -> json.put("member", m));
        Heard heard = latest.get(node.id());
        if (heard != null) {
            var beat = heard.beat();
            long expected = beat.packetsReceived() + beat.packetsLost();
            double lossPercent = expected == 0 ? 0 : Math.round(beat.packetsLost() * 1000.0 / expected) / 10.0;
            json.put("status", new JsonObject().put("state", beat.state()).put("volume", beat.volume())
                    .put("packetsReceived", beat.packetsReceived()).put("packetsLost", beat.packetsLost())
                    .put("lossPercent", lossPercent).put("jitterMs", beat.jitterMs())
                    .put("late", beat.late()).put("recovered", beat.recovered()).put("bufferMs", beat.bufferMs())
                    .put("missedPercent", missedPercent(beat))
                    .put("lastSeen", heard.at().toString()));
        }
        NodeSession session = sessions.get(node.id());
        if (session != null) {
            json.put("path", path(session, now).put("udpSilent", session.udpSilent(now)));
        }
        return json;
    }

    /**
     * How the stream reaches a connected agent, for the technician: {@code udp} or {@code channel}, the public
     * address its keepalives come from (null before the first: UDP then goes to its channel's address), when the
     * last came, and the audio sent on the channel.
     */
    private static JsonObject path(NodeSession session, Instant now) {
        InetSocketAddress seen = session.observedAddress();
        return new JsonObject().put("via", session.overChannel() ? "channel" : "udp")
                .put("address", text(session.rtpAddress()))
                .put("observed", seen == null ? null : text(seen))
                .put("declared", text(session.declaredAddress()))
                .put("lastKeepalive", session.lastKeepalive() == null ? null : session.lastKeepalive().toString())
                .put("channelBytes", session.channelBytes()).put("channelDropped", session.channelDropped())
                .put("udpBytes", session.udpBytes())
                .put("bytesPerHour", bytesPerHour(session.udpBytes() + session.channelBytes(), session, now))
                .put("link", session.linkReport() == null ? null : session.linkReport().toJson());
    }

    /**
     * The share of packets the listener missed after the node's repairs: lost on the way or late for the jitter
     * buffer, less those rebuilt from in-band FEC (what concealment then papered over).
     */
    private static double missedPercent(ControlMessage.Heartbeat beat) {
        long expected = beat.packetsReceived() + beat.packetsLost();
        long missed = Math.max(0, beat.packetsLost() + beat.late() - beat.recovered());
        return expected == 0 ? 0 : Math.round(missed * 1000.0 / expected) / 10.0;
    }

    /** Data used per hour of this session (at least a minute of it, so a fresh one does not extrapolate a burst). */
    private static long bytesPerHour(long bytes, NodeSession session, Instant now) {
        long seconds = Math.max(60, java.time.Duration.between(session.connectedAt(), now).toSeconds());
        return bytes * 3600 / seconds;
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public boolean isOnline(String nodeId) {
        return sessions.containsKey(nodeId);
    }
}
