package vn.loa.tts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.tts.engine.FallbackEngine;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.Voice;
import vn.loa.tts.engine.VoiceCatalog;
import vn.loa.tts.espeak.EspeakEngine;
import vn.loa.tts.freetts.FreeTtsEngine;
import vn.loa.tts.marytts.EmbeddedMaryEngine;

/**
 * The voices Loa speaks without any service: espeak-ng's Vietnamese and English voices, FreeTTS's "kevin16", and
 * embedded MaryTTS's "cmu-slt-hsmm" when its jars are on the class path. Each English voice of a Java engine falls
 * back to espeak-ng's English, so an English notice is never read by a Vietnamese voice.
 *
 * <p>Immutable. Add cloud voices to {@link #engines()} and {@link #voices()} copies and build a
 * {@link vn.loa.tts.engine.VoiceRouter} over them.
 */
public final class LocalVoices {

    /** How long a local engine may take for one sentence before the next takes over; MaryTTS starts in seconds. */
    private static final Duration LOCAL_LIMIT = Duration.ofSeconds(30);
    private static final Duration MARY_LIMIT = Duration.ofSeconds(60);

    private final Map<String, SpeechEngine> engines = new LinkedHashMap<>();
    private final List<Voice> voices = new ArrayList<>();

    private LocalVoices(EspeakEngine espeak, boolean withMary) {
        VoiceCatalog.ESPEAK.forEach(v -> add(v, espeak));
        add(VoiceCatalog.KEVIN, new FallbackEngine(List.of(
                new FallbackEngine.Choice(new FreeTtsEngine(), null, LOCAL_LIMIT),
                new FallbackEngine.Choice(espeak, "en", LOCAL_LIMIT))));
        if (withMary) {
            add(VoiceCatalog.MARY_SLT, maryFirst(espeak));
        }
    }

    /** The local voices; embedded MaryTTS's only if its jars are present. */
    public static LocalVoices create(EspeakEngine espeak) {
        return new LocalVoices(espeak, maryIsPresent());
    }

    /**
     * Whether MaryTTS's jars are on the class path (they are optional dependencies). Asked by name: loading
     * {@link EmbeddedMaryEngine} itself without them fails, because it catches MaryTTS's exceptions.
     */
    static boolean maryIsPresent() {
        try {
            Class.forName("marytts.LocalMaryInterface", false, LocalVoices.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Only called when MaryTTS is present, so that this class loads without it. */
    private static SpeechEngine maryFirst(EspeakEngine espeak) {
        return new FallbackEngine(List.of(new FallbackEngine.Choice(new EmbeddedMaryEngine(), null, MARY_LIMIT),
                new FallbackEngine.Choice(espeak, "en", LOCAL_LIMIT)));
    }

    private void add(Voice voice, SpeechEngine engine) {
        voices.add(voice);
        engines.put(voice.id(), engine);
    }

    /** The engine (or fallback chain) for each voice, in the order offered; a copy. */
    public Map<String, SpeechEngine> engines() {
        return new LinkedHashMap<>(engines);
    }

    /** The voices, in the order offered; a copy. */
    public List<Voice> voices() {
        return new ArrayList<>(voices);
    }
}
