package vn.loa.server.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.function.Consumer;

/**
 * Builds the {@code /api/v1} router from {@code openapi.yaml}, the one source of request validation, and serves the
 * description itself at {@code /api/v1/openapi.json} and {@code .yaml}.
 *
 * <p>Order of the root handlers matters: the body is read (with its size limit) before the validator runs, and the
 * caller is authenticated before any route's own handler.
 */
public final class ApiRouter {

    private ApiRouter() {
    }

    /**
     * Loads the contract and returns a router with every operation validated; {@code mount} attaches the resources'
     * handlers by operation id.
     */
    public static Future<Router> create(Vertx vertx, long bodyLimit, Handler<RoutingContext> authenticator,
            java.util.function.Supplier<java.util.List<String>> members, Consumer<RouterBuilder> mount) {
        return vertx.fileSystem().readFile("openapi.yaml").compose(yaml ->
                OpenAPIContract.from(vertx, "openapi.yaml").map(contract -> {
                    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
                    // First, so that every answer carries them, refusals and 404s too.
                    builder.rootHandler(new SecurityHeaders(members));
                    builder.rootHandler(BodyHandler.create(false).setBodyLimit(bodyLimit));
                    builder.rootHandler(new JsonBodyCheck());
                    builder.rootHandler(authenticator);
                    for (OpenAPIRoute route : builder.getRoutes()) {
                        // Authentication is the root handler above; the contract's security block documents it.
                        route.setDoSecurity(false);
                    }
                    mount.accept(builder);
                    Router router = builder.createRouter();
                    JsonObject json = contract.getRawContract();
                    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
                            .putHeader("Content-Type", "application/json; charset=utf-8").end(json.encodePrettily()));
                    router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
                            .putHeader("Content-Type", "application/yaml; charset=utf-8").end(yaml));
                    return router;
                }));
    }
}
