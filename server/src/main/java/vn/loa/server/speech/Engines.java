package vn.loa.server.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.SpeechSettings;
import vn.loa.tts.Announcer;
import vn.loa.tts.LocalVoices;
import vn.loa.tts.PiperVoices;
import vn.loa.tts.cache.CachingEngine;
import vn.loa.tts.cache.SynthesisCache;
import vn.loa.tts.engine.FallbackEngine;
import vn.loa.tts.engine.Language;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.Voice;
import vn.loa.tts.engine.VoiceCatalog;
import vn.loa.tts.engine.VoiceRouter;
import vn.loa.tts.espeak.EspeakConfig;
import vn.loa.tts.espeak.EspeakEngine;
import vn.loa.tts.http.FptAiEngine;
import vn.loa.tts.http.HttpEngineConfig;
import vn.loa.tts.http.MaryTtsEngine;
import vn.loa.tts.http.ViettelAiEngine;
import vn.loa.tts.http.ZaloAiEngine;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.normalize.VietnameseNormalizer;

/**
 * Builds the announcer from the operator's speech settings: the local voices (espeak-ng's Vietnamese and English,
 * FreeTTS's English, embedded MaryTTS's if present), and optionally a cloud service's voices, each tried with the
 * service first and espeak-ng behind it (cloud → local), all behind one synthesis cache.
 */
public final class Engines {

    /** The announcer and every voice a notice may name. */
    public record Speech(Announcer announcer, Set<String> voices) {
    }

    private static final Duration LOCAL_LIMIT = Duration.ofSeconds(30);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engines.class);

    private Engines() {
    }

    public static Speech from(SpeechSettings settings) {
        EspeakEngine espeak = new EspeakEngine(EspeakConfig.defaults());
        LocalVoices local = LocalVoices.create(espeak);
        Map<String, SpeechEngine> byVoice = local.engines();
        List<Voice> voices = local.voices();
        if (settings.cloud() != null) {
            HttpEngineConfig config = HttpEngineConfig.of(settings.cloudUrl(), settings.cloudKey(),
                    Set.copyOf(settings.cloudVoices()));
            SpeechEngine cloud = switch (settings.cloud()) {
                case "fpt" -> new FptAiEngine(config);
                case "viettel" -> new ViettelAiEngine(config);
                case "zalo" -> new ZaloAiEngine(config);
                default -> new MaryTtsEngine(config, "en_US");
            };
            // A MaryTTS server speaks English; the Vietnamese services Vietnamese.
            Language language = settings.cloud().equals("marytts") ? Language.ENGLISH : Language.VIETNAMESE;
            List<FallbackEngine.Choice> chain = new ArrayList<>();
            chain.add(new FallbackEngine.Choice(cloud, null, settings.cloudTimeout()));
            // espeak-ng with the notice's own voice when it has it, else with its voice of the same language: a
            // cloud voice's notice is still read when the service is down.
            chain.add(new FallbackEngine.Choice(espeak, null, LOCAL_LIMIT));
            chain.add(new FallbackEngine.Choice(espeak, language.code(), LOCAL_LIMIT));
            FallbackEngine cloudFirst = new FallbackEngine(chain);
            for (String id : settings.cloudVoices()) {
                voices.removeIf(v -> v.id().equals(id));
                voices.add(new Voice(id, language, cloud.name(), "Giọng " + id + " (" + cloud.name() + ")"));
                byVoice.put(id, cloudFirst);
            }
        }
        String defaultVoice = piperVoices(settings, espeak, voices, byVoice);
        if (!byVoice.containsKey(defaultVoice)) {
            throw new ConfigException("tts.voice (LOA_TTS_VOICE) '" + settings.defaultVoice() + "' is not a voice of the "
                    + "configured engines: " + byVoice.keySet());
        }
        VoiceCatalog catalog = VoiceCatalog.of(voices);
        Announcer announcer = Announcer.create(VietnameseNormalizer.create(), new CachingEngine(new VoiceRouter(byVoice),
                new SynthesisCache(Announcer.DEFAULT_CACHE_BYTES)), catalog, defaultVoice);
        return new Speech(announcer, catalog.ids());
    }

    /**
     * Offers each Piper voice an admin placed in the voices folder, with espeak-ng's "vi" behind it for any sentence
     * it fails on; returns the default voice: the first Piper voice when {@code tts.engine=piper} and tts.voice names
     * none of them, else tts.voice. Without ONNX Runtime or a loadable voice, espeak-ng stays the default (logged).
     */
    private static String piperVoices(SpeechSettings settings, EspeakEngine espeak, List<Voice> voices,
            Map<String, SpeechEngine> byVoice) {
        boolean wanted = settings.engine().equals("piper");
        if (!wanted && !java.nio.file.Files.isDirectory(settings.piperVoices())) {
            return settings.defaultVoice();
        }
        List<String> names;
        try {
            names = PiperVoices.addTo(settings.piperVoices(), espeak, voices, byVoice);
        } catch (SpeechException e) {
            LOG.warn("Piper voices in {} not loaded, espeak-ng reads instead: {}", settings.piperVoices(), e.getMessage());
            return settings.defaultVoice();
        }
        if (names.isEmpty() && wanted) {
            LOG.warn("tts.engine=piper but {} holds no voice (NAME.onnx + NAME.onnx.json): espeak-ng reads instead",
                    settings.piperVoices());
        }
        return wanted && !names.isEmpty() && !names.contains(settings.defaultVoice()) ? names.get(0)
                : settings.defaultVoice();
    }
}
