package vn.loa.server.air;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Zone;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.node.OnHours;
import vn.loa.server.zone.ZoneRepository;

/**
 * Works out where an announcement's audio must go: every node in the subtrees of its zones, grouped by stream, each
 * with the address its packets go to, or the reason it cannot be reached now.
 */
final class AirTargets {

    /** One node to reach: its address, or null with the reason it is unreachable. */
    record Target(Node node, InetSocketAddress address, String unreachable) {
    }

    /** The id prefix of a zone's multicast group in delivery rows. */
    static final String MULTICAST = "multicast:";

    private final ZoneRepository zones;
    private final NodeRepository nodes;
    private final NodeSessions sessions;
    /** Where a stream box pulls its zone's HTTP stream from now, by node id; empty when it does not. */
    private final java.util.function.Function<String, Optional<InetSocketAddress>> listening;

    AirTargets(ZoneRepository zones, NodeRepository nodes, NodeSessions sessions,
            java.util.function.Function<String, Optional<InetSocketAddress>> listening) {
        this.zones = zones;
        this.nodes = nodes;
        this.sessions = sessions;
        this.listening = listening;
    }

    /** Why a node is not sent a notice: it is outside its on-hours, and the notice is no emergency. */
    static final String OFF_HOURS = "bỏ qua: ngoài giờ hoạt động của loa / skipped: outside on-hours";

    /**
     * The nodes below each of {@code zoneIds}, by stream, to air audio of {@code priority} at {@code at}: a node outside
     * its on-hours then is a target with no address and the reason {@link #OFF_HOURS}, unless the audio is EMERGENCY.
     */
    Map<ZoneStreams.Key, List<Target>> below(Handle h, List<String> zoneIds, Priority priority, Instant at) {
        Map<ZoneStreams.Key, List<Target>> byStream = below(h, zoneIds);
        if (priority != Priority.EMERGENCY) {
            byStream.values().forEach(list -> list.replaceAll(t -> OnHours.on(t.node().onHours(), at) ? t
                    : new Target(t.node(), null, OFF_HOURS)));
        }
        return byStream;
    }

    /** The nodes below each of {@code zoneIds}, by stream. */
    private Map<ZoneStreams.Key, List<Target>> below(Handle h, List<String> zoneIds) {
        Map<String, Node> found = new LinkedHashMap<>();
        for (String id : zoneIds) {
            zones.find(h, id).map(Zone::path).ifPresent(path -> {
                nodes.inSubtree(h, path).forEach(n -> found.putIfAbsent(n.id(), n));
                List<Zone> subtree = zones.subtree(h, path);
                subtree.stream().map(AirTargets::multicastNode).flatMap(Optional::stream)
                        .forEach(n -> found.putIfAbsent(n.id(), n));
                subtree.stream().map(this::residentsNode).flatMap(Optional::stream)
                        .forEach(n -> found.putIfAbsent(n.id(), n));
            });
        }
        return group(h, found.values());
    }

    /**
     * A zone's multicast group as a node of its own, so that it gets a stream, a destination and a delivery row
     * ({@code multicast:<zone>}) like any loudspeaker.
     */
    static Optional<Node> multicastNode(Zone zone) {
        return Optional.ofNullable(zone.multicast()).map(group -> new Node(MULTICAST + zone.id(),
                "Multicast " + zone.name(), zone.id(), NodeKind.RTP, group, "PCMU"));
    }

    /**
     * A zone's residents listening on the public page, as a stream node of their own while at least one listens, so
     * the zone's mount is fed even where no stream box is ({@code nghe:<zone>} in delivery rows).
     */
    private Optional<Node> residentsNode(Zone zone) {
        String id = ZoneMounts.RESIDENTS + zone.id();
        return listening.apply(id).map(at -> new Node(id, "Người nghe trên trang /nghe", zone.id(), NodeKind.STREAM,
                null, "OPUS"));
    }

    /** A zone's Opus packet time for third-party speakers (ADR 0054): 20, 40 or 60 ms. */
    static int opusPacketTime(Handle h, String zoneId) {
        return h.createQuery("SELECT opus_ptime FROM zone WHERE id = :id").bind("id", zoneId).mapTo(Integer.class)
                .findOne().orElse(20);
    }

    /** The path of a zone, for the reading rules of its unit; the root's when it is gone. */
    String pathOf(Handle h, String zoneId) {
        return zones.find(h, zoneId).map(Zone::path).orElse("/");
    }

    /** The nodes directly in one zone, by stream: what its streams should send to now. */
    Map<ZoneStreams.Key, List<Target>> in(Handle h, String zoneId) {
        List<Node> all = new ArrayList<>(nodes.inZone(h, zoneId));
        zones.find(h, zoneId).flatMap(AirTargets::multicastNode).ifPresent(all::add);
        zones.find(h, zoneId).flatMap(this::residentsNode).ifPresent(all::add);
        return group(h, all);
    }

    private Map<ZoneStreams.Key, List<Target>> group(Handle h, Iterable<Node> all) {
        Map<ZoneStreams.Key, List<Target>> byStream = new LinkedHashMap<>();
        Map<String, Integer> packetTimes = new java.util.HashMap<>();
        for (Node node : all) {
            int packetTime = packetTimes.computeIfAbsent(node.zone(), z -> opusPacketTime(h, z));
            byStream.computeIfAbsent(ZoneStreams.keyOf(node, packetTime), k -> new ArrayList<>())
                    .add(target(node));
        }
        return byStream;
    }

    private Target target(Node node) {
        if (node.kind() == NodeKind.AGENT) {
            return sessions.find(node.id())
                    .map(s -> new Target(node, s.rtpAddress(), null))
                    .orElseGet(() -> new Target(node, null, "loa chưa kết nối với máy chủ / agent not connected"));
        }
        if (node.kind() == NodeKind.STREAM) {
            // Reached while it pulls the zone's mount; its address (its HTTP connection) marks it for the streams.
            return listening.apply(node.id()).map(from -> new Target(node, from, null))
                    .orElseGet(() -> new Target(node, null, "hộp loa chưa mở luồng HTTP / the box is not pulling "
                            + "its zone's stream"));
        }
        int colon = node.address().lastIndexOf(':');
        String host = node.address().substring(0, colon).replace("[", "").replace("]", "");
        InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(node.address().substring(colon + 1)));
        return address.isUnresolved()
                ? new Target(node, null, "không phân giải được địa chỉ " + node.address() + " / cannot resolve")
                : new Target(node, address, null);
    }
}
