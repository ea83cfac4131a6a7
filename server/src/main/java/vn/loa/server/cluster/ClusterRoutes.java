package vn.loa.server.cluster;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Role;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/** HTTP route of {@code GET /api/v1/cluster} (admin): the members, what each owns, the leases and their age. */
public final class ClusterRoutes {

    private final Cluster cluster;
    private final Blocking blocking;

    public ClusterRoutes(Cluster cluster, Blocking blocking) {
        this.cluster = cluster;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getCluster").addHandler(this::overview);
    }

    private void overview(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> {
            if (caller.role() != Role.ADMIN) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "forbidden",
                        "Chỉ quản trị viên xem được cụm máy chủ.", "Only an admin may see the cluster.", null);
            }
            return cluster.overview();
        }));
    }
}
