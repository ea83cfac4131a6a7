package vn.loa.server.speech;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.http.ApiError;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.TextInput;
import vn.loa.tts.normalize.Normalized;
import vn.loa.tts.normalize.TextTooLongException;
import vn.loa.tts.normalize.VietnameseNormalizer;

/** HTTP routes of {@code /api/v1/tts}: how Loa will read a text aloud, so the clerk can check it before it airs. */
public final class SpeechRoutes {

    private final VietnameseNormalizer normalizer;
    private final Blocking blocking;

    public SpeechRoutes(VietnameseNormalizer normalizer, Blocking blocking) {
        this.normalizer = normalizer;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("normalizeText").addHandler(this::normalize);
    }

    private void normalize(RoutingContext ctx) {
        // The notice body may be rich text; the listener hears only its words.
        String text = TextInput.spoken(TextInput.rich(ctx.body().asJsonObject().getString("text")));
        Replies.reply(ctx, 200, blocking.run(() -> {
            try {
                Normalized reading = normalizer.normalize(text);
                return new JsonObject().put("normalized", reading.normalized())
                        .put("sentences", new JsonArray(reading.sentences()));
            } catch (TextTooLongException e) {
                throw ApiError.badRequest("text_too_long", "Văn bản dài " + e.length() + " ký tự; mỗi tin đọc tối đa "
                        + e.limit() + " ký tự. Hãy chia thành nhiều tin.");
            }
        }));
    }
}
