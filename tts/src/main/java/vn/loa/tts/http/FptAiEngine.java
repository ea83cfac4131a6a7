package vn.loa.tts.http;

import java.net.URI;
import java.net.http.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
        JsonNode reply = jsonReply(send(request).body());
        if (!reply.path("error").isNumber() || reply.path("error").asInt() != 0 || !reply.path("async").isTextual()) {
            throw new SpeechException(NAME, "refused: " + (reply.has("message") ? reply.path("message").asText() : reply));
        }
        return poll(URI.create(reply.path("async").asText()));
    }

    /** FPT.AI's speed runs from −3 (slowest) to 3; Loa's 50–200 % maps onto it, 100 % being 0. */
    static int speed(VoiceSettings settings) {
        return Math.max(-3, Math.min(3, Math.round((settings.ratePercent() - 100) / 25f)));
    }
}
