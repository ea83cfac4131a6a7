package vn.loa.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.loa.tts.cache.CachingEngine;
import vn.loa.tts.cache.SynthesisCache;
import vn.loa.tts.engine.Language;
import vn.loa.tts.engine.OneRateSink;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SentencePause;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceCatalog;
import vn.loa.tts.engine.VoiceRouter;
import vn.loa.tts.engine.VoiceSettings;
import vn.loa.tts.engine.WavCodec;
import vn.loa.tts.espeak.EspeakConfig;
import vn.loa.tts.espeak.EspeakEngine;
import vn.loa.tts.normalize.EnglishNormalizer;
import vn.loa.tts.normalize.Normalized;
import vn.loa.tts.normalize.TextNormalizer;
import vn.loa.tts.normalize.VietnameseNormalizer;

/**
 * Reads notices aloud: normalises the text a clerk typed for the voice's language (Vietnamese, or English in
 * tourist areas) and speaks it, sentence by sentence, with a speech engine.
 *
 * <p>The one type the server needs from this module. Immutable and thread-safe. {@link #normalize} is pure and
 * fast; {@link #speak} and {@link #previewWav} block until the audio is made, so callers run them on a worker
 * thread, never on an event loop.
 *
 * <pre>{@code
 * Announcer announcer = Announcer.withEspeak();
 * Normalized n = announcer.normalize(text);                 // POST /api/v1/tts/normalize
 * byte[] wav = announcer.previewWav(text, "vi-vn-x-south"); // POST /api/v1/tts/preview
 * announcer.speak(text, "vi", VoiceSettings.NORMAL, chunk -> pipeline.offer(chunk)); // broadcast now
 * announcer.previewWav("Boats leave at 7h30.", "kevin16");  // read by the English normaliser
 * }</pre>
 */
public final class Announcer {

    /** Enough for about 25 minutes of espeak-ng speech: a day's repeated greetings, warnings and closings. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    private static final EnglishNormalizer ENGLISH = EnglishNormalizer.create();

    private final VietnameseNormalizer normalizer;
    private final SpeechEngine engine;
    private final VoiceCatalog voices;
    private final String defaultVoice;

    private Announcer(VietnameseNormalizer normalizer, SpeechEngine engine, VoiceCatalog voices, String defaultVoice) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.voices = Objects.requireNonNull(voices, "voices");
        this.defaultVoice = Objects.requireNonNull(defaultVoice, "defaultVoice");
        if (!engine.supports(defaultVoice)) {
            throw new IllegalArgumentException(engine.name() + " has no voice '" + defaultVoice + "'");
        }
    }

    /** An announcer whose voices are described by {@link VoiceCatalog#standard()} (others count as Vietnamese). */
    public static Announcer create(VietnameseNormalizer normalizer, SpeechEngine engine, String defaultVoice) {
        return new Announcer(normalizer, engine, VoiceCatalog.standard(), defaultVoice);
    }

    /** An announcer that offers these voices, each read in its own language. */
    public static Announcer create(VietnameseNormalizer normalizer, SpeechEngine engine, VoiceCatalog voices,
            String defaultVoice) {
        return new Announcer(normalizer, engine, voices, defaultVoice);
    }

    /** The default set-up: the standard normaliser, espeak-ng behind a 64 MB cache, the northern voice "vi". */
    public static Announcer withEspeak() {
        SpeechEngine espeak = new CachingEngine(new EspeakEngine(EspeakConfig.defaults()),
                new SynthesisCache(DEFAULT_CACHE_BYTES));
        return new Announcer(VietnameseNormalizer.create(), espeak, VoiceCatalog.of(VoiceCatalog.ESPEAK), "vi");
    }

    /**
     * Every voice that needs no service: espeak-ng's, FreeTTS's "kevin16" and embedded MaryTTS's when present, each
     * English one falling back to espeak-ng's English; behind a 64 MB cache. Default voice "vi".
     */
    public static Announcer withLocalVoices() {
        LocalVoices local = LocalVoices.create(new EspeakEngine(EspeakConfig.defaults()));
        SpeechEngine router = new CachingEngine(new VoiceRouter(local.engines()), new SynthesisCache(DEFAULT_CACHE_BYTES));
        return new Announcer(VietnameseNormalizer.create(), router, VoiceCatalog.of(local.voices()), "vi");
    }

    /**
     * The local voices and every Piper voice in {@code piperFolder} (see {@link PiperVoices}), for {@code loa say}:
     * the default voice is the first Piper voice when {@code piperFirst} and there is one, else "vi".
     *
     * @throws vn.loa.tts.engine.SpeechException when ONNX Runtime or a voice in the folder cannot load
     */
    public static Announcer withLocalVoices(java.nio.file.Path piperFolder, boolean piperFirst) {
        EspeakEngine espeak = new EspeakEngine(EspeakConfig.defaults());
        LocalVoices local = LocalVoices.create(espeak);
        java.util.Map<String, SpeechEngine> byVoice = local.engines();
        List<vn.loa.tts.engine.Voice> offered = local.voices();
        List<String> piper = PiperVoices.addTo(piperFolder, espeak, offered, byVoice);
        SpeechEngine router = new CachingEngine(new VoiceRouter(byVoice), new SynthesisCache(DEFAULT_CACHE_BYTES));
        return new Announcer(VietnameseNormalizer.create(), router, VoiceCatalog.of(offered),
                piperFirst && !piper.isEmpty() ? piper.get(0) : "vi");
    }

    /** The same announcer with another normaliser, for a commune with its own abbreviations or reading style. */
    public Announcer withNormalizer(VietnameseNormalizer other) {
        return new Announcer(other, engine, voices, defaultVoice);
    }

    public VietnameseNormalizer normalizer() {
        return normalizer;
    }

    public SpeechEngine engine() {
        return engine;
    }

    /** The voices this announcer offers. */
    public VoiceCatalog voices() {
        return voices;
    }

    public String defaultVoice() {
        return defaultVoice;
    }

    /** The language a voice reads in; null for the default voice. */
    public Language language(String voice) {
        return voices.languageOf(voice == null ? defaultVoice : voice);
    }

    /** The normaliser for a language: the commune's Vietnamese one, or the English one. */
    public TextNormalizer normalizer(Language language) {
        return language == Language.ENGLISH ? ENGLISH : normalizer;
    }

    /** The spoken form of a notice, as the default voice will read it; see {@link TextNormalizer#normalize}. */
    public Normalized normalize(String text) {
        return normalize(text, null);
    }

    /** The spoken form of a notice as this voice will read it (in the voice's language); null for the default. */
    public Normalized normalize(String text, String voice) {
        return normalizer(language(voice)).normalize(text);
    }

    /**
     * Normalises a notice for the voice's language and speaks it, handing each sentence's audio to the sink as soon
     * as it is ready. Every chunk comes at the rate of the first.
     *
     * @param voice the engine's voice name, or null for the default
     * @return what was spoken
     * @throws vn.loa.tts.normalize.TextTooLongException if the text is over the normaliser's limit
     * @throws vn.loa.tts.engine.SpeechException if the engine fails
     */
    public Normalized speak(String text, String voice, VoiceSettings settings, SentenceSink sink) {
        Normalized spoken = normalize(text, voice);
        // A fallback may change engines part-way, and with them the rate: the notice keeps its first chunk's rate.
        SentenceSink oneRate = new OneRateSink(sink);
        // Headings, list items and the clerk's marks pause as the plan says, whichever engine spoke the sentence.
        engine.synthesize(new SpeechRequest(spoken.sentences(), voice == null ? defaultVoice : voice, settings),
                chunk -> oneRate.accept(SentencePause.withPause(chunk, spoken.pauses().get(chunk.index()), settings)));
        return spoken;
    }

    /** The whole notice as one WAV file (16-bit mono, one rate: 22,050 Hz with espeak-ng); voice null for the default. */
    public byte[] previewWav(String text, String voice) {
        List<SpeechChunk> chunks = new ArrayList<>();
        speak(text, voice, VoiceSettings.NORMAL, chunks::add);
        return WavCodec.encode(chunks);
    }

    /** Loads the normaliser's patterns and dictionary now, so the first notice of the day is not the slow one. */
    public void warmUp() {
        normalizer.normalize("UBND xã thông báo: 7h30 ngày 28/11/2026 họp tại NVH thôn 3, phí 20.000đ/hộ, "
                + "gọi 0912 345 678.");
    }
}
