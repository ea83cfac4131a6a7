package vn.loa.tts.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.VoiceSettings;

/**
 * FPT.AI text to speech (v5): Vietnamese voices such as {@code banmai}, {@code leminh}, {@code lannhi}.
 *
 * <p>Thread-safe. The sentence is the request body; the key, voice, speed (−3 to 3) and format go in headers. The
 * reply is {@code {"async": URL, "error": 0, "message": ...}}: the audio appears at that URL a few seconds later, so
 * it is polled until ready.
 */
public final class FptAiEngine extends HttpSpeechEngine {

    public static final String NAME = "fpt-ai";

    public FptAiEngine(HttpEngineConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected byte[] wav(String sentence, String voice, VoiceSettings settings) {
        HttpRequest request = HttpRequest.newBuilder(config.endpoint()).timeout(config.requestTimeout())
                .header("api-key", config.apiKey())
                .header("voice", voice)
                .header("speed", String.valueOf(speed(settings)))
                .header("format", "wav")
                .POST(HttpRequest.BodyPublishers.ofString(sentence, StandardCharsets.UTF_8)).build();
        Map<String, Object> reply = reply(send(request).body());
        Object error = reply.get("error");
        if (!(error instanceof Double code && code == 0) || !(reply.get("async") instanceof String url)) {
            throw new SpeechException(NAME, "refused: " + reply.getOrDefault("message", reply));
        }
        return poll(URI.create(url));
    }

    /** FPT.AI's speed runs from −3 (slowest) to 3; Loa's 50–200 % maps onto it, 100 % being 0. */
    static int speed(VoiceSettings settings) {
        return Math.max(-3, Math.min(3, Math.round((settings.ratePercent() - 100) / 25f)));
    }

    private static Map<String, Object> reply(byte[] body) {
        try {
            return Json.object(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SpeechException(NAME, "answered something that is not its JSON reply: " + excerpt(body), e);
        }
    }
}
