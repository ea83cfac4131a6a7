package vn.loa.tts.http;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import vn.loa.tts.engine.VoiceSettings;

/**
 * A remote MaryTTS server, through its {@code /process} API: English voices such as {@code cmu-slt-hsmm}.
 *
 * <p>Thread-safe. Posts {@code INPUT_TEXT}, {@code INPUT_TYPE=TEXT}, {@code OUTPUT_TYPE=AUDIO},
 * {@code AUDIO=WAVE_FILE}, {@code LOCALE} and {@code VOICE} as a form and receives a WAV file. MaryTTS has no
 * Vietnamese voice, and its rate and pitch need SSML-like effects, so voice settings are not passed on.
 */
public final class MaryTtsEngine extends HttpSpeechEngine {

    public static final String NAME = "marytts";

    private final String locale;

    /** @param config endpoint such as {@code http://mary:59125/process}; the API key is unused */
    public MaryTtsEngine(HttpEngineConfig config, String locale) {
        super(config);
        this.locale = locale;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected byte[] wav(String sentence, String voice, VoiceSettings settings) {
        Map<String, String> form = Map.of("INPUT_TEXT", sentence, "INPUT_TYPE", "TEXT", "OUTPUT_TYPE", "AUDIO",
                "AUDIO", "WAVE_FILE", "LOCALE", locale, "VOICE", voice);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(config.endpoint()).timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return send(request).body();
    }
}
