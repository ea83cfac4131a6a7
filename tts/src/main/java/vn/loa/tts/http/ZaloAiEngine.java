package vn.loa.tts.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.VoiceSettings;

/**
 * Zalo AI text to speech: Vietnamese voices numbered by speaker ("1" to "6": southern and northern, female and male).
 *
 * <p>Thread-safe. Posts a form {@code input, speaker_id, speed, encode_type=0} (0 is WAV) with the key in an
 * {@code apikey} header; the reply is {@code {"data": {"url": URL}, "error_code": 0, "error_message": ...}}, and the
 * audio is fetched from that URL once it is ready.
 */
public final class ZaloAiEngine extends HttpSpeechEngine {

    public static final String NAME = "zalo-ai";

    public ZaloAiEngine(HttpEngineConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected byte[] wav(String sentence, String voice, VoiceSettings settings) {
        String form = "input=" + URLEncoder.encode(sentence, StandardCharsets.UTF_8)
                + "&speaker_id=" + URLEncoder.encode(voice, StandardCharsets.UTF_8)
                + "&speed=" + String.format(Locale.ROOT, "%.2f", speed(settings))
                + "&encode_type=0";
        HttpRequest request = HttpRequest.newBuilder(config.endpoint()).timeout(config.requestTimeout())
                .header("apikey", config.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        byte[] body = send(request).body();
        JsonNode reply = jsonReply(body);
        JsonNode url = reply.path("data").path("url");
        if (!reply.path("error_code").isNumber() || reply.path("error_code").asInt() != 0 || !url.isTextual()) {
            throw new SpeechException(NAME, "refused: "
                    + (reply.has("error_message") ? reply.path("error_message").asText() : reply));
        }
        return poll(URI.create(url.asText()));
    }

    /** Zalo's speed is a factor from 0.8 to 1.2. */
    static double speed(VoiceSettings settings) {
        return Math.max(0.8, Math.min(1.2, settings.ratePercent() / 100.0));
    }
}
