package vn.loa.server.air;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The node agents connected now, by node id; a node that connects again replaces its older session. Thread-safe.
 * Listeners hear of every arrival and departure, so the zone streams can add or drop the agent's address.
 */
public final class NodeSessions {

    private final Map<String, NodeSession> sessions = new ConcurrentHashMap<>();
    private volatile Consumer<String> zoneChanged = zone -> { };

    /** Who to tell, with the zone id, when an agent of that zone arrives or leaves. */
    public void onZoneChanged(Consumer<String> listener) {
        this.zoneChanged = listener;
    }

    void add(NodeSession session) {
        NodeSession old = sessions.put(session.nodeId(), session);
        if (old != null && !old.zone().equals(session.zone())) {
            zoneChanged.accept(old.zone());
        }
        zoneChanged.accept(session.zone());
    }

    void remove(NodeSession session) {
        if (sessions.remove(session.nodeId(), session)) {
            zoneChanged.accept(session.zone());
        }
    }

    public Optional<NodeSession> find(String nodeId) {
        return Optional.ofNullable(sessions.get(nodeId));
    }

    public Collection<NodeSession> all() {
        return sessions.values();
    }

    public boolean isOnline(String nodeId) {
        return sessions.containsKey(nodeId);
    }
}
