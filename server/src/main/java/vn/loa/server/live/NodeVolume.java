package vn.loa.server.live;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.http.RequestCaller;
import vn.loa.wire.control.ControlMessage;
import vn.loa.core.model.Node;
import vn.loa.server.air.NodeSessions;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.refusal.Refusal;

/**
 * {@code POST /api/v1/nodes/{id}/volume}: sets a connected node agent's volume (0–100) at once, over its control
 * channel; the agent's next heartbeat reports it. Technicians and admins of the node's unit; audited.
 */
public final class NodeVolume {

    private final DeviceRegistry<Node> nodes;
    private final NodeSessions sessions;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Blocking blocking;

    public NodeVolume(DeviceRegistry<Node> nodes, NodeSessions sessions, Jdbi jdbi, AuditLog audit, Blocking blocking) {
        this.nodes = nodes;
        this.sessions = sessions;
        this.jdbi = jdbi;
        this.audit = audit;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("setNodeVolume").addHandler(this::set);
    }

    private void set(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        int level = ctx.body().asJsonObject().getInteger("level");
        Replies.reply(ctx, 200, blocking.run(() -> {
            if (!caller.may(Action.MANAGE_DEVICES)) {
                throw Refusal.forbidden("Chỉ kỹ thuật viên hoặc quản trị mới chỉnh được âm lượng loa.");
            }
            Node node = nodes.get(caller, id);
            var session = sessions.find(node.id()).orElseThrow(() -> Refusal.conflict("node_offline",
                    "Cụm loa '" + node.name() + "' đang mất kết nối; chỉ chỉnh được âm lượng khi loa đang kết nối."));
            session.send(new ControlMessage.Volume(level));
            jdbi.useTransaction(h -> audit.record(h, caller, "node.volume", "node:" + node.id(), "level=" + level));
            return new JsonObject().put("id", node.id()).put("level", level);
        }));
    }
}
