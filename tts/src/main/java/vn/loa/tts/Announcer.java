package vn.loa.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.loa.tts.cache.CachingEngine;
import vn.loa.tts.cache.SynthesisCache;
import vn.loa.tts.engine.OneRateSink;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;
import vn.loa.tts.engine.WavCodec;
import vn.loa.tts.espeak.EspeakConfig;
import vn.loa.tts.espeak.EspeakEngine;
import vn.loa.tts.normalize.Normalized;
import vn.loa.tts.normalize.VietnameseNormalizer;

/**
 * Reads notices aloud: normalises the text a clerk typed and speaks it, sentence by sentence, with a speech engine.
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
 * }</pre>
 */
public final class Announcer {

    /** Enough for about 25 minutes of espeak-ng speech: a day's repeated greetings, warnings and closings. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    private final VietnameseNormalizer normalizer;
    private final SpeechEngine engine;
    private final String defaultVoice;

    private Announcer(VietnameseNormalizer normalizer, SpeechEngine engine, String defaultVoice) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.defaultVoice = Objects.requireNonNull(defaultVoice, "defaultVoice");
        if (!engine.supports(defaultVoice)) {
            throw new IllegalArgumentException(engine.name() + " has no voice '" + defaultVoice + "'");
        }
    }

    public static Announcer create(VietnameseNormalizer normalizer, SpeechEngine engine, String defaultVoice) {
        return new Announcer(normalizer, engine, defaultVoice);
    }

    /** The default set-up: the standard normaliser, espeak-ng behind a 64 MB cache, the northern voice "vi". */
    public static Announcer withEspeak() {
        SpeechEngine espeak = new CachingEngine(new EspeakEngine(EspeakConfig.defaults()),
                new SynthesisCache(DEFAULT_CACHE_BYTES));
        return new Announcer(VietnameseNormalizer.create(), espeak, "vi");
    }

    /** The same announcer with another normaliser, for a commune with its own abbreviations or reading style. */
    public Announcer withNormalizer(VietnameseNormalizer other) {
        return new Announcer(other, engine, defaultVoice);
    }

    public VietnameseNormalizer normalizer() {
        return normalizer;
    }

    public SpeechEngine engine() {
        return engine;
    }

    /** The spoken form of a notice and its sentences; see {@link VietnameseNormalizer#normalize}. */
    public Normalized normalize(String text) {
        return normalizer.normalize(text);
    }

    /**
     * Normalises and speaks a notice, handing each sentence's audio to the sink as soon as it is ready.
     *
     * @param voice the engine's voice name, or null for the default
     * @return what was spoken
     * @throws vn.loa.tts.normalize.TextTooLongException if the text is over the normaliser's limit
     * @throws vn.loa.tts.engine.SpeechException if the engine fails
     */
    public Normalized speak(String text, String voice, VoiceSettings settings, SentenceSink sink) {
        Normalized spoken = normalizer.normalize(text);
        // A fallback may change engines part-way, and with them the rate: the notice keeps its first chunk's rate.
        engine.synthesize(new SpeechRequest(spoken.sentences(), voice == null ? defaultVoice : voice, settings),
                new OneRateSink(sink));
        return spoken;
    }

    /** The whole notice as one WAV file (16-bit mono; 22,050 Hz with espeak-ng); voice null for the default. */
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
