package vn.loa.server.air;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.http.ApiError;
import vn.loa.server.http.Blocking;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.node.NodeTokens;

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
        String[] credentials = basic(ctx.request().getHeader("Authorization"));
        if (credentials == null) {
            ctx.fail(unknownNode());
            return;
        }
        blocking.run(() -> jdbi.withHandle(h -> nodes.agentWithToken(h, credentials[0],
                        NodeTokens.sha256(credentials[1]))))
                .onSuccess(node -> {
                    if (node.isEmpty()) {
                        ctx.fail(unknownNode());
                        return;
                    }
                    prefetcher.file(node.get().id(), id).ifPresentOrElse(
                            path -> ctx.response().putHeader("Content-Type", "audio/wav").sendFile(path.toString())
                                    .onFailure(e -> ctx.fail(ApiError.notFound("tệp tải trước", file))),
                            () -> ctx.fail(ApiError.notFound("tệp tải trước cho loa này", file)));
                })
                .onFailure(ctx::fail);
    }

    /** The id and token of a Basic header, or null when there is none or it is not well-formed. */
    private static String[] basic(String header) {
        if (header == null || header.length() > 1024 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 || colon == decoded.length() - 1 ? null
                : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static ApiError unknownNode() {
        return new ApiError(401, "unknown_node", "Mã loa hoặc mã bí mật không đúng (HTTP Basic: mã loa và mã bí mật). "
                + "/ unknown node id or token");
    }
}
