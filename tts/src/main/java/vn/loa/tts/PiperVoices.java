package vn.loa.tts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.loa.tts.engine.FallbackEngine;
import vn.loa.tts.engine.Language;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.Voice;
import vn.loa.tts.espeak.EspeakConfig;
import vn.loa.tts.espeak.EspeakEngine;
import vn.loa.tts.piper.EspeakPhonemizer;
import vn.loa.tts.piper.PiperEngine;

/**
 * The Piper voices an admin placed in a folder, offered beside the local voices, each with espeak-ng's "vi" behind
 * it for any sentence it fails on: one seam for the server and {@code loa say}.
 */
public final class PiperVoices {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private PiperVoices() {
    }

    /**
     * Loads every voice in {@code folder} ({@code NAME.onnx} + {@code NAME.onnx.json}) and adds it to
     * {@code voices} and {@code byVoice}, replacing a voice of the same name.
     *
     * @return the names added, sorted; empty when the folder does not exist or holds no voice
     * @throws vn.loa.tts.engine.SpeechException when ONNX Runtime or a voice cannot load
     */
    public static List<String> addTo(Path folder, EspeakEngine espeak, List<Voice> voices,
            Map<String, SpeechEngine> byVoice) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        PiperEngine piper = PiperEngine.load(folder, new EspeakPhonemizer(EspeakConfig.defaults().binary()));
        List<String> names = new ArrayList<>(new TreeSet<>(piper.voices()));
        for (String id : names) {
            voices.removeIf(v -> v.id().equals(id));
            voices.add(new Voice(id, Language.VIETNAMESE, PiperEngine.NAME, "Giọng tự nhiên " + id));
            byVoice.put(id, new FallbackEngine(List.of(new FallbackEngine.Choice(piper, null, LIMIT),
                    new FallbackEngine.Choice(espeak, "vi", LIMIT))));
        }
        return names;
    }
}
