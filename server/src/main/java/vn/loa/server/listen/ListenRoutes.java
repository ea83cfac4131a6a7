package vn.loa.server.listen;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import vn.loa.server.air.ZoneMounts;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.refusal.Refusal;

/**
 * The residents' page of a unit, open to anyone without signing in (issue 21):
 * <ul>
 * <li>{@code GET /nghe/{unit}}: the page (webroot/nghe/index.html, large text, no framework);</li>
 * <li>{@code GET /nghe/{unit}/thong-tin}: the unit's name, its zones to listen to, how long notices are kept;</li>
 * <li>{@code GET /nghe/{unit}/thong-bao?q=}: the archive of aired public notices, newest first, searched by words;</li>
 * <li>{@code GET /nghe/{unit}/thong-bao/{id}/am-thanh}: one notice's sound;</li>
 * <li>{@code GET /nghe/{unit}/truc-tiep/{zone}.mp3|.opus}: a zone's live audio, what its loudspeakers air.</li>
 * </ul>
 * Nothing here names a server path, a user or a draft; ids outside the archive are "not found".
 */
public final class ListenRoutes {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int LONGEST_QUERY = 100;

    private final PublicArchive archive;
    private final ArchiveAudio audio;
    private final ZoneMounts mounts;
    private final int maxListeners;
    private final Blocking blocking;

    public ListenRoutes(PublicArchive archive, ArchiveAudio audio, ZoneMounts mounts, int maxListeners,
            Blocking blocking) {
        this.archive = archive;
        this.audio = audio;
        this.mounts = mounts;
        this.maxListeners = maxListeners;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/nghe/:unit").handler(ctx -> withUnit(ctx, unit -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-cache")
                .sendFile("webroot/nghe/index.html")));
        router.get("/nghe/:unit/thong-tin").handler(ctx -> withUnit(ctx, unit -> Replies.reply(ctx, 200,
                blocking.run(() -> about(unit)))));
        router.get("/nghe/:unit/thong-bao").handler(this::notices);
        router.get("/nghe/:unit/thong-bao/:id/am-thanh").handler(this::sound);
        router.get("/nghe/:unit/truc-tiep/:file").handler(this::live);
    }

    private JsonObject about(PublicArchive.Unit unit) {
        JsonArray zones = new JsonArray();
        for (PublicArchive.Zone z : archive.zones(unit)) {
            String base = "/nghe/" + unit.id() + "/truc-tiep/" + z.id();
            zones.add(new JsonObject().put("id", z.id()).put("name", z.name()).put("mp3", base + ".mp3")
                    .put("opus", base + ".opus"));
        }
        return new JsonObject().put("unit", new JsonObject().put("id", unit.id()).put("name", unit.name()))
                .put("zones", zones).put("archiveDays", archive.days()).put("live", maxListeners > 0);
    }

    private void notices(RoutingContext ctx) {
        String q = ctx.queryParams().get("q");
        if (q != null && q.length() > LONGEST_QUERY) {
            throw Refusal.invalid("invalid_request", "Từ khóa tìm kiếm tối đa " + LONGEST_QUERY + " ký tự / the "
                    + "search is at most " + LONGEST_QUERY + " characters", "q");
        }
        withUnit(ctx, unit -> Replies.reply(ctx, 200, blocking.run(() -> {
            JsonArray list = new JsonArray();
            for (PublicNotice n : archive.search(unit, q)) {
                list.add(new JsonObject().put("id", n.id()).put("title", n.title())
                        .put("text", vn.loa.server.http.TextInput.shown(n.text()))
                        .put("aired", n.aired().toString()).put("kind", n.audioId() == null ? "text" : "recording")
                        .put("audio", "/nghe/" + unit.id() + "/thong-bao/" + n.id() + "/am-thanh"));
            }
            return new JsonObject().put("notices", list).put("archiveDays", archive.days());
        })));
    }

    private void sound(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("thông báo", ctx.pathParam("id"));
        }
        withUnit(ctx, unit -> blocking.run(() -> audio.of(archive.find(unit, id)
                        .orElseThrow(() -> Refusal.notFound("thông báo", String.valueOf(id)))))
                .onFailure(ctx::fail)
                .onSuccess(heard -> ctx.response().putHeader("Content-Type", heard.type())
                        .putHeader("Cache-Control", "public, max-age=3600").sendFile(heard.path().toString())));
    }

    private void live(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        boolean mp3 = file.endsWith(".mp3");
        String zone = file.substring(0, Math.max(0, file.lastIndexOf('.')));
        if (!(mp3 || file.endsWith(".opus")) || !ID.matcher(zone).matches()) {
            throw Refusal.notFound("luồng", file);
        }
        withUnit(ctx, unit -> blocking.run(() -> archive.zones(unit).stream().filter(z -> z.id().equals(zone))
                        .findFirst().orElseThrow(() -> Refusal.notFound("khu vực", zone)))
                .onFailure(ctx::fail)
                .onSuccess(z -> start(ctx, z, mp3)));
    }

    private void start(RoutingContext ctx, PublicArchive.Zone zone, boolean mp3) {
        var response = ctx.response().setChunked(true).putHeader("Content-Type", mp3 ? "audio/mpeg" : "audio/ogg")
                .putHeader("Content-Encoding", "identity").putHeader("Cache-Control", "no-cache, no-store");
        var remote = ctx.request().remoteAddress();
        try {
            var leave = mounts.hear(zone.id(), zone.name(), mp3, response,
                    new InetSocketAddress(remote.hostAddress(), remote.port()), maxListeners);
            if (leave.isEmpty()) {
                ctx.fail(new Refusal(Refusal.Kind.UNAVAILABLE, "too_many_listeners", "Đang có quá nhiều người nghe, "
                        + "xin thử lại sau / too many listeners now, retry later"));
                return;
            }
            ctx.request().connection().closeHandler(v -> leave.get().run());
            response.closeHandler(v -> leave.get().run());
        } catch (java.io.IOException | RuntimeException e) {
            ctx.fail(new Refusal(Refusal.Kind.UNAVAILABLE, "stream_unavailable", "Chưa mở được luồng MP3, thử lại "
                    + "sau ít phút hoặc dùng .opus / the MP3 stream cannot start now; retry, or use .opus"));
        }
    }

    private void withUnit(RoutingContext ctx, java.util.function.Consumer<PublicArchive.Unit> then) {
        String id = ctx.pathParam("unit");
        if (!ID.matcher(id).matches()) {
            ctx.fail(Refusal.notFound("đơn vị", "?"));
            return;
        }
        blocking.run(() -> archive.unit(id).orElseThrow(() -> Refusal.notFound("đơn vị", id)))
                .onFailure(ctx::fail)
                .onSuccess(then::accept);
    }
}
