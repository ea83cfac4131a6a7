package vn.loa.server.node;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.NodeKind;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.RequestCaller;

/**
 * {@code POST /api/v1/nodes/here}: a third-party RTP speaker whose public address changes (a 4G SIM, a port-forward on
 * a router with a dynamic address) says where it is now, as a dynamic-DNS client would: HTTP Basic with its node id
 * and token, optionally the port it receives on. Its address becomes the one the request came from; the move is
 * audited and its zone's streams follow at once.
 */
public final class NodeHereRoutes {

    private final Jdbi jdbi;
    private final NodeRepository nodes = new NodeRepository();
    private final AuditLog audit;
    private final Consumer<String> zoneMoved;
    private final Blocking blocking;

    /** @param zoneMoved told the zone of a node that moved, so that what airs there goes to its new address */
    public NodeHereRoutes(Jdbi jdbi, AuditLog audit, Consumer<String> zoneMoved, Blocking blocking) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.zoneMoved = zoneMoved;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("nodeHere").addHandler(this::here);
    }

    private void here(RoutingContext ctx) {
        NodeCredentials credentials = NodeCredentials.of(ctx.request(), false);
        if (credentials == null) {
            ctx.fail(NodeCredentials.unknownNode());
            return;
        }
        JsonObject body = ctx.body().available() && ctx.body().length() > 0 ? ctx.body().asJsonObject() : null;
        Integer port = body == null ? null : body.getInteger("port");
        String host = RequestCaller.address(ctx);
        blocking.run(() -> jdbi.inTransaction(h -> nodes.withToken(h, NodeKind.RTP, credentials.nodeId(),
                        credentials.tokenHash()).map(node -> {
                            String registered = node.address();
                            String at = (host.contains(":") ? "[" + host + "]" : host) + ":"
                                    + (port != null ? port : registered.substring(registered.lastIndexOf(':') + 1));
                            if (!at.equals(registered)) {
                                nodes.moveTo(h, node.id(), at);
                                String path = nodes.find(h, node.id()).map(s -> s.zonePath()).orElse("/");
                                audit.record(h, "node:" + node.id(), host, path, "node.here", "node:" + node.id(),
                                        registered + " -> " + at);
                            }
                            return new JsonObject().put("id", node.id()).put("address", at).put("zone", node.zone());
                        })))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        ctx.fail(NodeCredentials.unknownNode());
                        return;
                    }
                    zoneMoved.accept(found.get().getString("zone"));
                    ctx.json(found.get());
                })
                .onFailure(ctx::fail);
    }
}
