package vn.loa.server.air;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.http.Blocking;
import vn.loa.server.node.NodeCredentials;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.refusal.Refusal;

/**
 * {@code GET /api/v1/nodes/prefetch/{id}.wav}: a node agent fetches an announcement's rendered audio ahead of its time.
 * The agent proves who it is with HTTP Basic authentication, its node id and token, like its control channel's hello;
 * it gets only files prefetched for it.
 */
public final class PrefetchRoutes {

    private final Jdbi jdbi;
    private final NodeRepository nodes;
    private final Prefetcher prefetcher;
    private final Blocking blocking;

    public PrefetchRoutes(Jdbi jdbi, Prefetcher prefetcher, Blocking blocking) {
        this.jdbi = jdbi;
        this.nodes = new NodeRepository();
        this.prefetcher = prefetcher;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("prefetchAudio").addHandler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        long id = Long.parseLong(file.substring(0, file.length() - ".wav".length()));
        NodeCredentials credentials = NodeCredentials.of(ctx.request(), false);
        if (credentials == null) {
            ctx.fail(NodeCredentials.unknownNode());
            return;
        }
        blocking.run(() -> jdbi.withHandle(h -> nodes.agentWithToken(h, credentials.nodeId(),
                        credentials.tokenHash())))
                .onSuccess(node -> {
                    if (node.isEmpty()) {
                        ctx.fail(NodeCredentials.unknownNode());
                        return;
                    }
                    prefetcher.file(node.get().id(), id).ifPresentOrElse(
                            path -> ctx.response().putHeader("Content-Type", "audio/wav").sendFile(path.toString())
                                    .onFailure(e -> ctx.fail(Refusal.notFound("tệp tải trước", file))),
                            () -> ctx.fail(Refusal.notFound("tệp tải trước cho loa này", file)));
                })
                .onFailure(ctx::fail);
    }

}
