package vn.loa.server.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/**
 * HTTP routes of {@code /api/v1/audit}: the log of who did what, filtered and paged, newest first; and {@code /verify},
 * whether its hash chains and signed digests are intact; {@code /key}, the key that signs the digests.
 */
public final class AuditRoutes {

    private final AuditQuery query;
    private final Blocking blocking;

    public AuditRoutes(AuditQuery query, Blocking blocking) {
        this.query = query;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listAudit").addHandler(this::list);
        api.getRoute("verifyAudit").addHandler(this::verify);
        api.getRoute("auditKey").addHandler(this::key);
    }

    private void key(RoutingContext ctx) {
        AuditSeal seal = query.seal(RequestCaller.of(ctx));
        JsonObject key = new JsonObject().put("algorithm", "Ed25519").put("keyId", seal.keyId())
                .put("publicKey", seal.publicKeyPem());
        Replies.reply(ctx, 200, io.vertx.core.Future.succeededFuture(key));
    }

    private void verify(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> {
            AuditChain.Verification v = query.verify(caller);
            JsonObject json = new JsonObject().put("intact", v.firstBroken() == null).put("checked", v.checked())
                    .put("unsealed", v.unsealed()).put("digests", v.digests());
            if (v.firstBroken() != null) {
                json.put("firstBroken", new JsonObject().put("id", v.firstBroken().id())
                        .put("unit", v.firstBroken().unitPath()).put("reason", v.firstBroken().reason()));
            }
            return json;
        }));
    }

    private void list(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        var q = ctx.queryParams();
        AuditQuery.Filter filter = new AuditQuery.Filter(q.get("actor"), q.get("action"), q.get("target"),
                time(q.get("from"), "from"), time(q.get("to"), "to"),
                q.get("limit") == null ? 100 : Integer.parseInt(q.get("limit")),
                q.get("offset") == null ? 0 : Integer.parseInt(q.get("offset")));
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(query.list(caller, filter).stream()
                .map(AuditRoutes::json).toList())));
    }

    private static java.time.Instant time(String value, String name) {
        return vn.loa.server.http.TimeInput.instant(value, name, "invalid_request");
    }

    private static JsonObject json(AuditQuery.Entry e) {
        return new JsonObject().put("id", e.id()).put("at", e.at().toString()).put("actor", e.actor())
                .put("address", e.address()).put("action", e.action()).put("target", e.target()).put("detail", e.detail());
    }
}
