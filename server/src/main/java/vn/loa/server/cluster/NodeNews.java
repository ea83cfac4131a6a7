package vn.loa.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import vn.loa.server.air.NodeSessions;

/**
 * Which member each node agent is connected to, told to all members over the clustered event bus (ADR 0049), so the
 * node list of any member shows an agent online wherever it is connected. A member that joins asks the others for
 * theirs; an agent of a member that has left the cluster counts as offline.
 */
final class NodeNews {

    static final String PRESENCE = "loa.cluster.node";
    static final String ASK = "loa.cluster.nodes.ask";

    private final Vertx vertx;
    private final String self;
    private final Supplier<java.util.List<String>> members;
    private final NodeSessions sessions;
    /** Agents connected to other members: node id to member id. */
    private final Map<String, String> elsewhere = new ConcurrentHashMap<>();

    NodeNews(Vertx vertx, String self, Supplier<java.util.List<String>> members, NodeSessions sessions) {
        this.vertx = vertx;
        this.self = self;
        this.members = members;
        this.sessions = sessions;
    }

    /** Hears the others' news and asks them what they have now. */
    void listen() {
        vertx.eventBus().<JsonObject>consumer(PRESENCE, message -> heard(message.body()));
        vertx.eventBus().<JsonObject>consumer(ASK, message -> {
            if (!self.equals(message.body().getString("from"))) {
                JsonArray online = new JsonArray();
                sessions.all().forEach(s -> online.add(s.nodeId()));
                vertx.eventBus().publish(PRESENCE, new JsonObject().put("member", self).put("online", online));
            }
        });
        vertx.eventBus().publish(ASK, new JsonObject().put("from", self));
    }

    /** An agent came online here ({@code true}) or left. */
    void changed(String node, boolean online) {
        vertx.eventBus().publish(PRESENCE, new JsonObject().put("member", self)
                .put(online ? "online" : "offline", new JsonArray().add(node)));
    }

    /** The member another agent is connected to, if it is connected to a member in the cluster now. */
    Optional<String> memberOf(String node) {
        String member = elsewhere.get(node);
        return member != null && members.get().contains(member) ? Optional.of(member) : Optional.empty();
    }

    private void heard(JsonObject news) {
        String member = news.getString("member");
        if (self.equals(member)) {
            return;
        }
        news.getJsonArray("online", new JsonArray()).forEach(node -> elsewhere.put((String) node, member));
        // An agent that moved may come online on its new member before its old one says it left.
        news.getJsonArray("offline", new JsonArray()).forEach(node -> elsewhere.remove((String) node, member));
    }
}
