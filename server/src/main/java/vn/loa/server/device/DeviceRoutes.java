package vn.loa.server.device;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * The five HTTP routes of a kind of device ({@code list}, {@code create}, {@code get}, {@code update}, {@code delete}
 * + the resource's name as operation ids), with the JSON shape supplied by the resource.
 */
public final class DeviceRoutes<T> {

    /** How a resource reads its body (with the id from the path or the body) and writes a device. */
    public record Json<T>(BiFunction<JsonObject, String, T> read, Function<T, JsonObject> write) {
    }

    /** Registration, which may answer with more than the device (a node's one-time token). */
    public interface Registration<T> {
        JsonObject register(Caller caller, T device);
    }

    private final DeviceRegistry<T> registry;
    private final Registration<T> registration;
    private final Json<T> json;
    private final Blocking blocking;

    public DeviceRoutes(DeviceRegistry<T> registry, Registration<T> registration, Json<T> json, Blocking blocking) {
        this.registry = registry;
        this.registration = registration;
        this.json = json;
        this.blocking = blocking;
    }

    /** Mounts {@code listNodes}, {@code createNode}, ... for {@code resource} "Node". */
    public void mount(RouterBuilder api, String resource) {
        api.getRoute("list" + resource + "s").addHandler(this::list);
        api.getRoute("create" + resource).addHandler(this::create);
        api.getRoute("get" + resource).addHandler(this::get);
        api.getRoute("update" + resource).addHandler(this::update);
        api.getRoute("delete" + resource).addHandler(this::delete);
    }

    private void list(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() ->
                new JsonArray(registry.list(caller).stream().map(json.write()).toList())));
    }

    private void get(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        Replies.reply(ctx, 200, blocking.run(() -> json.write().apply(registry.get(caller, id))));
    }

    private void create(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        // The input schema serves updates too, where the id is in the path: a new device must name its own.
        String id = vn.loa.server.http.TextInput.required(body.getString("id"), "id");
        T device = json.read().apply(body, id);
        Replies.reply(ctx, 201, blocking.run(() -> registration.register(caller, device)));
    }

    private void update(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        if (body.containsKey("id") && !id.equals(body.getString("id"))) {
            throw Refusal.invalid("id_mismatch", "Mã trong nội dung khác mã trên đường dẫn; không thể đổi mã.");
        }
        T device = json.read().apply(body, id);
        Replies.reply(ctx, 200, blocking.run(() -> json.write().apply(registry.update(caller, device))));
    }

    private void delete(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        blocking.run(() -> {
            registry.delete(caller, id);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }
}
