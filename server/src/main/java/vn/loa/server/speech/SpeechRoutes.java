package vn.loa.server.speech;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Map;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.TextInput;
import vn.loa.tts.normalize.Explanation;
import vn.loa.server.refusal.Refusal;
import vn.loa.tts.normalize.Normalized;
import vn.loa.tts.normalize.ReadingToken;
import vn.loa.tts.normalize.TextTooLongException;
import vn.loa.tts.Announcer;
import vn.loa.tts.engine.Language;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.Voice;

/**
 * HTTP routes of {@code /api/v1/tts}: the voices there are, and how Loa will read a text aloud, in words and in
 * sound, before it airs, with the class and reading of each written token; and the units' own readings.
 */
public final class SpeechRoutes {

    private final Abbreviations abbreviations;
    private final java.util.Set<String> voices;
    private final Blocking blocking;
    private final int previewMaxChars;
    private final java.util.concurrent.Semaphore previews;

    /**
     * @param previewMaxChars the longest text a preview reads: its WAV is built in memory (~1 MB per 100 characters)
     * @param previewConcurrency previews made at once; more are refused at once, so a flood cannot exhaust memory
     */
    public SpeechRoutes(Abbreviations abbreviations, java.util.Set<String> voices, Blocking blocking,
            int previewMaxChars, int previewConcurrency) {
        this.abbreviations = abbreviations;
        this.voices = voices;
        this.blocking = blocking;
        this.previewMaxChars = previewMaxChars;
        this.previews = new java.util.concurrent.Semaphore(previewConcurrency);
    }

    public void mount(RouterBuilder api) {
        api.getRoute("normalizeText").addHandler(this::normalize);
        api.getRoute("previewSpeech").addHandler(this::preview);
        api.getRoute("listVoices").addHandler(this::listVoices);
        api.getRoute("listAbbreviations").addHandler(this::listAbbreviations);
        api.getRoute("replaceAbbreviations").addHandler(this::replaceAbbreviations);
    }

    private void listAbbreviations(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonObject(new java.util.LinkedHashMap<>(
                abbreviations.effective(caller.unitPath())))));
    }

    private void replaceAbbreviations(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        ctx.body().asJsonObject().forEach(e -> entries.put(TextInput.plain(e.getKey()).strip(),
                TextInput.plain((String) e.getValue()).strip()));
        Replies.reply(ctx, 200, blocking.run(() -> new JsonObject(new java.util.LinkedHashMap<>(
                abbreviations.replace(caller, entries)))));
    }

    /** The notice read aloud as a WAV file, so the clerk hears it before it airs. */
    private void preview(RoutingContext ctx) {
        Announcer announcer = abbreviations.announcerFor(RequestCaller.of(ctx).unitPath());
        JsonObject body = ctx.body().asJsonObject();
        String text = TextInput.spoken(TextInput.rich(body.getString("text")));
        String voice = knownVoice(body.getString("voice"));
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("missing_content", "Hãy nhập nội dung cần nghe thử.");
        }
        if (text.length() > previewMaxChars) {
            throw new Refusal(Refusal.Kind.TOO_LARGE,
                    "preview_too_long", "Văn bản dài " + text.length() + " ký tự; nghe thử đọc tối đa "
                    + previewMaxChars + " ký tự một lần. Hãy nghe thử từng đoạn; tin vẫn phát được cả bài.");
        }
        if (!previews.tryAcquire()) {
            ctx.response().putHeader("Retry-After", "5");
            throw new Refusal(Refusal.Kind.TOO_MANY,
                    "too_many_previews", "Máy chủ đang đọc nghe thử cho nhiều người; hãy thử lại sau "
                    + "vài giây.");
        }
        blocking.run(() -> {
            try {
                return announcer.previewWav(text, voice);
            } catch (TextTooLongException e) {
                throw tooLong(e);
            } catch (SpeechException e) {
                throw new Refusal(Refusal.Kind.UNAVAILABLE,
                        "speech_unavailable", "Bộ đọc tiếng nói đang lỗi, chưa nghe thử được; hãy thử lại "
                        + "hoặc báo kỹ thuật viên. (" + e.getMessage() + ")");
            } finally {
                previews.release();
            }
        }).onSuccess(wav -> ctx.response().putHeader("Content-Type", "audio/wav")
                .putHeader("Content-Disposition", "inline; filename=\"nghe-thu.wav\"")
                .end(io.vertx.core.buffer.Buffer.buffer(wav)))
                .onFailure(ctx::fail);
    }

    /** The voice, if it is one the server offers (null stays null); otherwise a 400 naming the voices there are. */
    private String knownVoice(String voice) {
        if (voice != null && !voices.contains(voice)) {
            throw Refusal.invalid("unknown_voice", "Không có giọng đọc '" + voice + "'. Các giọng có: "
                    + String.join(", ", new java.util.TreeSet<>(voices)) + ".");
        }
        return voice;
    }

    /** The voices a notice may name, with their language, engine and a label for the clerk; the default first. */
    private void listVoices(RoutingContext ctx) {
        Announcer announcer = abbreviations.announcerFor(RequestCaller.of(ctx).unitPath());
        JsonArray list = new JsonArray();
        for (Voice v : announcer.voices().all()) {
            JsonObject item = new JsonObject().put("id", v.id()).put("language", v.language().code())
                    .put("engine", v.engine()).put("label", v.label())
                    .put("default", v.id().equals(announcer.defaultVoice()));
            if (item.getBoolean("default")) {
                list.getList().add(0, item);
            } else {
                list.add(item);
            }
        }
        Replies.reply(ctx, 200, io.vertx.core.Future.succeededFuture(list));
    }

    private static Refusal tooLong(TextTooLongException e) {
        return Refusal.invalid("text_too_long", "Văn bản dài " + e.length() + " ký tự; mỗi tin đọc tối đa "
                + e.limit() + " ký tự. Hãy chia thành nhiều tin.");
    }

    /** The reading of a text in the voice's language, or in the language asked for, or in the default voice's. */
    private void normalize(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        // The notice body may be rich text; the listener hears only its words.
        String text = TextInput.spoken(TextInput.rich(body.getString("text")));
        String voice = knownVoice(body.getString("voice"));
        Announcer announcer = abbreviations.announcerFor(RequestCaller.of(ctx).unitPath());
        Language language = voice == null && body.getString("language") != null
                ? Language.ofCode(body.getString("language")) : announcer.language(voice);
        Replies.reply(ctx, 200, blocking.run(() -> {
            try {
                Explanation explained = announcer.normalizer(language).explain(text);
                Normalized reading = explained.normalized();
                JsonArray tokens = new JsonArray();
                for (ReadingToken token : explained.tokens()) {
                    tokens.add(new JsonObject().put("text", token.text()).put("kind", token.kind().apiName())
                            .put("reading", token.reading()));
                }
                return new JsonObject().put("normalized", reading.normalized())
                        .put("sentences", new JsonArray(reading.sentences()))
                        .put("pauses", new JsonArray(reading.pauses())).put("language", language.code())
                        .put("tokens", tokens);
            } catch (TextTooLongException e) {
                throw tooLong(e);
            }
        }));
    }
}
