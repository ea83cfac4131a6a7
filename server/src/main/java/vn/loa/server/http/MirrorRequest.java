package vn.loa.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.Optional;
import vn.loa.server.refusal.ReadOnlyMirror;

/**
 * A request the contract refused because it names a downstream's mirrored zone, node or board ({@code xa-a/thon-1})
 * where an id of this system's own is expected (ADR 0059): answered 403 {@code mirror_read_only}, which says what to
 * do, instead of the contract's "does not match the pattern".
 */
final class MirrorRequest {

    private MirrorRequest() {
    }

    static Optional<ApiError> of(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof HttpException http && http.getCause() != null) {
            failure = http.getCause();
        }
        if (failure instanceof SchemaValidationException schema) {
            String at = SchemaField.location(schema);
            Object value = at == null || at.isEmpty() ? null : valueAt(ctx, at.replaceFirst("^#", ""));
            if (value instanceof String id && ReadOnlyMirror.named(id)) {
                return Optional.of(ApiError.of(ReadOnlyMirror.refusal(id, SchemaField.of(schema))));
            }
        }
        if (failure instanceof ValidatorException) {
            return ctx.pathParams().values().stream().filter(ReadOnlyMirror::named).findFirst()
                    .map(id -> ApiError.of(ReadOnlyMirror.refusal(id, null)));
        }
        return Optional.empty();
    }

    private static Object valueAt(RoutingContext ctx, String pointer) {
        try {
            JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
            return body == null ? null : JsonPointer.from(pointer).queryJson(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
