package vn.loa.tts.piper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import vn.loa.tts.engine.SpeechException;

/**
 * A Piper voice's settings, from the {@code .onnx.json} file beside its model: the audio rate, the espeak-ng voice that
 * phonemises for it, the inference scales and the phoneme-to-id map.
 *
 * @param sampleRate the rate of the audio the model makes
 * @param espeakVoice the espeak-ng voice whose phonemes the model was trained on ("vi")
 * @param scales noise scale, length scale and noise width, as the model's {@code scales} input takes them
 * @param phonemeIds each phoneme (one code point, as a string) and its ids
 */
public record PiperVoiceConfig(int sampleRate, String espeakVoice, float[] scales, Map<String, List<Long>> phonemeIds) {

    /** Pad, start and end of a sentence, as Piper writes them. */
    static final String PAD = "_";
    static final String BOS = "^";
    static final String EOS = "$";

    /** Reads the config; a file without an audio rate or a phoneme map is refused with what it lacks. */
    public static PiperVoiceConfig read(Path json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new SpeechException(PiperEngine.NAME, "cannot read " + json + ": " + e.getMessage(), e);
        }
        JsonNode map = root.path("phoneme_id_map");
        int rate = root.path("audio").path("sample_rate").asInt(0);
        if (rate <= 0 || !map.isObject() || map.isEmpty()) {
            throw new SpeechException(PiperEngine.NAME, json + " is not a Piper voice config: it needs audio.sample_rate"
                    + " and phoneme_id_map");
        }
        Map<String, List<Long>> ids = new HashMap<>();
        map.fields().forEachRemaining(e -> ids.put(e.getKey(), StreamSupport.stream(e.getValue().spliterator(), false)
                .map(JsonNode::asLong).toList()));
        JsonNode inference = root.path("inference");
        float[] scales = {(float) inference.path("noise_scale").asDouble(0.667),
            (float) inference.path("length_scale").asDouble(1.0), (float) inference.path("noise_w").asDouble(0.8)};
        return new PiperVoiceConfig(rate, root.path("espeak").path("voice").asText("vi"), scales, Map.copyOf(ids));
    }
}
