package vn.loa.server.air;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetSocketAddress;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.server.http.Blocking;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.node.NodeCredentials;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneRepository;

/**
 * {@code GET /streams/{zone}.opus}: a zone's live audio as an endless Ogg Opus stream over HTTP, Icecast-style, for a
 * stream box of that zone. The box proves who it is with HTTP Basic (node id and token, which a URL can carry as
 * {@code http://id:token@server/streams/zone.opus}) or, for players that cannot, {@code ?node=&token=}.
 */
public final class MountRoutes {

    private final Jdbi jdbi;
    private final NodeRepository nodes = new NodeRepository();
    private final ZoneRepository zones = new ZoneRepository();
    private final ZoneMounts mounts;
    private final Blocking blocking;

    public MountRoutes(Jdbi jdbi, ZoneMounts mounts, Blocking blocking) {
        this.jdbi = jdbi;
        this.mounts = mounts;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/streams/:file").handler(this::listen);
    }

    private void listen(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        MountListener.Format format = file.endsWith(".opus") ? MountListener.Format.OPUS
                : file.endsWith(".mp3") ? MountListener.Format.MP3 : null;
        if (format == null || file.length() > 64 + 5) {
            ctx.fail(new Refusal(Refusal.Kind.NOT_FOUND,
                    "not_found", "Luồng có dạng /streams/{khu vực}.mp3 hoặc .opus / a zone's "
                    + "stream is /streams/{zone}.mp3 or .opus"));
            return;
        }
        String zone = file.substring(0, file.lastIndexOf('.'));
        NodeCredentials credentials = NodeCredentials.of(ctx.request(), true);
        if (credentials == null) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"Loa\"");
            ctx.fail(NodeCredentials.unknownNode());
            return;
        }
        blocking.run(() -> jdbi.withHandle(h -> new Found(
                        nodes.withToken(h, NodeKind.STREAM, credentials.nodeId(), credentials.tokenHash())
                                .orElse(null),
                        zones.find(h, zone).map(z -> z.name()).orElse(null))))
                .onSuccess(found -> {
                    if (found.node() == null) {
                        ctx.fail(NodeCredentials.unknownNode());
                    } else if (found.zoneName() == null) {
                        ctx.fail(Refusal.notFound("khu vực", zone));
                    } else if (!found.node().zone().equals(zone)) {
                        ctx.fail(new Refusal(Refusal.Kind.FORBIDDEN,
                                "wrong_zone", "Loa " + found.node().id() + " thuộc khu vực "
                                + found.node().zone() + ": hãy mở /streams/" + found.node().zone()
                                + file.substring(file.lastIndexOf('.')) + " / this box belongs to zone "
                                + found.node().zone()));
                    } else {
                        start(ctx, found.node(), zone, found.zoneName(), format);
                    }
                })
                .onFailure(ctx::fail);
    }

    private record Found(Node node, String zoneName) {
    }

    private void start(RoutingContext ctx, Node node, String zone, String zoneName, MountListener.Format format) {
        boolean mp3 = format == MountListener.Format.MP3;
        boolean icy = mp3 && "1".equals(ctx.request().getHeader("Icy-MetaData"));
        var response = ctx.response().setChunked(true).putHeader("Content-Type", mp3 ? "audio/mpeg" : "audio/ogg")
                .putHeader("Content-Encoding", "identity").putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("icy-name", ascii(zoneName));
        if (icy) {
            response.putHeader("icy-metaint", String.valueOf(ICY_INTERVAL));
        }
        var remote = ctx.request().remoteAddress();
        MountListener listener = new MountListener(node.id(), zone, format,
                new InetSocketAddress(remote.hostAddress(), remote.port()), response, zoneName,
                icy ? ICY_INTERVAL : 0, mounts.clock().instant());
        ctx.request().connection().closeHandler(v -> mounts.leave(listener));
        try {
            mounts.join(zone, listener);
        } catch (java.io.IOException | RuntimeException e) {
            ctx.fail(new Refusal(Refusal.Kind.UNAVAILABLE,
                    "stream_unavailable", "Chưa mở được luồng MP3, thử lại sau ít phút hoặc dùng "
                    + ".opus / the MP3 stream cannot start now; retry, or use .opus"));
        }
    }

    /** Bytes of MP3 between two titles, as Icecast sends by default. */
    private static final int ICY_INTERVAL = 16_000;

    /** HTTP header values are ASCII: a Vietnamese zone name loses its marks there (the Ogg comment keeps them). */
    private static String ascii(String text) {
        String plain = java.text.Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\x20-\\x7E]", "");
    }

}
