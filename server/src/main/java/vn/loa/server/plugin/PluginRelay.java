package vn.loa.server.plugin;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.core.plugin.PluginHost;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginResponse;
import vn.loa.plugin.Unit;
import vn.loa.server.access.Caller;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * Passes {@code /api/v1/plugins/{name}/...} to the plugin's own routes, outside the OpenAPI contract (a plugin
 * describes its routes in its README). The caller is already signed in; the request carries their unit and reaches
 * only the instance that serves that unit (its own configuration or the nearest above), so nothing of a sibling unit
 * is within its reach. The plugin answers on its own thread within its time limit, or the client gets a 502.
 */
final class PluginRelay {

    private static final String PREFIX = "/api/v1/plugins/";

    private final PluginHost host;

    PluginRelay(PluginHost host) {
        this.host = host;
    }

    void mount(Router router) {
        router.route(PREFIX + ":name/*").handler(this::relay);
    }

    private void relay(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String name = ctx.pathParam("name");
        Unit unit = PluginAdmin.unitOf(caller);
        if (!host.serves(name, unit)) {
            if (host.status(name, unit).isPresent()) {
                throw Refusal.conflict("plugin_not_running", "Plugin '" + name
                        + "' chưa bật hoặc không có đường dẫn HTTP; quản trị viên bật nó trong mục plugin.");
            }
            throw Refusal.notFound("plugin", name);
        }
        String path = ctx.normalizedPath().substring(PREFIX.length() + name.length());
        Map<String, List<String>> query = new LinkedHashMap<>();
        ctx.queryParams().names().forEach(n -> query.put(n, ctx.queryParams().getAll(n)));
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        PluginRequest request = new PluginRequest(ctx.request().method().name(), path.isEmpty() ? "/" : path, query,
                ctx.request().getHeader("Content-Type"), body, caller.username(), caller.role().wireName(), unit);
        Future.fromCompletionStage(host.route(name, request), ctx.vertx().getOrCreateContext())
                .onSuccess(r -> answer(ctx, r))
                .onFailure(e -> ctx.fail(new Refusal(Refusal.Kind.DEPENDENCY_FAILED,
                        "plugin_error", "Plugin '" + name + "' lỗi: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))));
    }

    private static void answer(RoutingContext ctx, PluginResponse r) {
        if (r == null || r.status() < 200 || r.status() > 599) {
            ctx.fail(new Refusal(Refusal.Kind.DEPENDENCY_FAILED, "plugin_error", "Plugin trả lời không hợp lệ."));
            return;
        }
        var response = ctx.response().setStatusCode(r.status());
        if (r.contentType() != null) {
            response.putHeader("Content-Type", r.contentType());
        }
        response.end(io.vertx.core.buffer.Buffer.buffer(r.body()));
    }
}
