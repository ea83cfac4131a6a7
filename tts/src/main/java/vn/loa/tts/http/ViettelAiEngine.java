package vn.loa.tts.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.VoiceSettings;

/**
 * Viettel AI text to speech: Vietnamese voices such as {@code hn-quynhanh}, {@code hue-baoquoc}, {@code hcm-diemmy}.
 *
 * <p>Thread-safe. Posts JSON {@code {text, voice, speed, tts_return_option: 2, token, without_filter}} and receives
 * the WAV file itself (option 2 is WAV, 3 would be MP3). An error comes back as JSON with a message instead.
 */
public final class ViettelAiEngine extends HttpSpeechEngine {

    public static final String NAME = "viettel-ai";
    private static final int WAV = 2;

    public ViettelAiEngine(HttpEngineConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected byte[] wav(String sentence, String voice, VoiceSettings settings) {
        String body = JSON.createObjectNode()
                .put("text", sentence)
                .put("voice", voice)
                .put("speed", Math.round(speed(settings) * 100) / 100.0)
                .put("tts_return_option", WAV)
                .put("token", config.apiKey())
                .put("without_filter", false)
                .toString();
        HttpRequest request = HttpRequest.newBuilder(config.endpoint()).timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response = send(request);
        byte[] audio = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").contains("json")
                || (audio.length > 0 && audio[0] == '{')) {
            throw new SpeechException(NAME, "refused: " + excerpt(audio));
        }
        return audio;
    }

    /** Viettel's speed is a factor around 1.0, from 0.7 to 1.3. */
    static double speed(VoiceSettings settings) {
        return Math.max(0.7, Math.min(1.3, settings.ratePercent() / 100.0));
    }
}
