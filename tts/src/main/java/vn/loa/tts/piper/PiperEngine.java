package vn.loa.tts.piper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.SentencePause;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;

/**
 * The Piper engine: VITS voices in Piper's format ({@code NAME.onnx} beside {@code NAME.onnx.json}) run in the JVM
 * with ONNX Runtime, a voice per model, named by its file ("vi_VN-vais1000-medium").
 *
 * <p>Thread-safe: ONNX Runtime sessions may run concurrently. Each sentence is phonemised (espeak-ng, as Piper voices
 * are trained), mapped to the voice's phoneme ids, run through the model, and handed to the sink before the next is
 * synthesised, so the first sentence airs before the last is made. The model's inputs are Piper's: {@code input}
 * (int64 [1, n] ids), {@code input_lengths} (int64 [1]), {@code scales} (float [3]) and, for a voice of several
 * speakers, {@code sid}; its first output is the audio, floats in [-1, 1], normalised to full scale as Piper does.
 * Any failure is a {@link SpeechException}; the server puts espeak-ng behind it ({@code FallbackEngine}).
 */
public final class PiperEngine implements SpeechEngine, AutoCloseable {

    public static final String NAME = "piper";

    private record Loaded(OrtSession session, PiperVoiceConfig config) {
    }

    private final Map<String, Loaded> voices;
    private final Phonemizer phonemizer;

    private PiperEngine(Map<String, Loaded> voices, Phonemizer phonemizer) {
        this.voices = Map.copyOf(voices);
        this.phonemizer = phonemizer;
    }

    /**
     * Loads every voice in a folder: each {@code *.onnx} with its {@code .onnx.json}. An empty or missing folder
     * gives an engine with no voices.
     *
     * @throws SpeechException if ONNX Runtime cannot load (no native library for this machine) or a model is broken
     */
    public static PiperEngine load(Path folder, Phonemizer phonemizer) {
        Map<String, Path> models = new LinkedHashMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".onnx")).sorted().forEach(f -> models.put(
                        f.getFileName().toString().replaceFirst("\\.onnx$", ""), f));
            } catch (IOException e) {
                throw new SpeechException(NAME, "cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return load(models, phonemizer);
    }

    /** Loads these voices: voice name to model file (its config is the file name plus ".json"). */
    public static PiperEngine load(Map<String, Path> models, Phonemizer phonemizer) {
        Map<String, Loaded> voices = new HashMap<>();
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            for (Map.Entry<String, Path> model : models.entrySet()) {
                PiperVoiceConfig config = PiperVoiceConfig.read(Path.of(model.getValue() + ".json"));
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1); // two shared cores: one sentence must not starve the streams
                voices.put(model.getKey(), new Loaded(environment.createSession(model.getValue().toString(), options),
                        config));
            }
        } catch (OrtException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            voices.values().forEach(v -> closeQuietly(v.session()));
            throw new SpeechException(NAME, "ONNX Runtime could not load a voice: " + e.getMessage(), e);
        }
        return new PiperEngine(voices, phonemizer);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> voices() {
        return voices.keySet();
    }

    /** The rate of a voice's audio. */
    public int sampleRate(String voice) {
        return voices.get(voice).config().sampleRate();
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        Loaded voice = voices.get(request.voice());
        if (voice == null) {
            throw new SpeechException(NAME, "no voice '" + request.voice() + "'; it has " + voices.keySet());
        }
        PcmFormat format = new PcmFormat(voice.config().sampleRate());
        for (int i = 0; i < request.sentences().size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SpeechException(NAME, "interrupted at sentence " + (i + 1));
            }
            String sentence = request.sentences().get(i);
            long[] ids = PhonemeIds.of(phonemizer.phonemes(sentence, voice.config().espeakVoice()), voice.config());
            byte[] pcm = SentencePause.append(pcm(run(voice, ids, request.settings().ratePercent())), format, sentence,
                    request.settings());
            sink.accept(new SpeechChunk(i, sentence, format, pcm));
        }
    }

    /** The model's audio for these ids; a faster rate is a shorter length scale, as Piper's --length-scale. */
    private static float[] run(Loaded voice, long[] ids, int ratePercent) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] scales = voice.config().scales().clone();
        scales[1] = scales[1] * 100f / ratePercent;
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length}));
            inputs.put("input_lengths", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {ids.length}),
                    new long[] {1}));
            inputs.put("scales", OnnxTensor.createTensor(env, FloatBuffer.wrap(scales), new long[] {3}));
            if (voice.session().getInputNames().contains("sid")) {
                inputs.put("sid", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {0}), new long[] {1}));
            }
            inputs.keySet().retainAll(voice.session().getInputNames());
            try (OrtSession.Result result = voice.session().run(inputs)) {
                FloatBuffer audio = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] samples = new float[audio.remaining()];
                audio.get(samples);
                return samples;
            }
        } catch (OrtException e) {
            throw new SpeechException(NAME, "the model failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** 16-bit little-endian PCM of the model's floats, scaled so the loudest sample is full scale (as Piper does). */
    static byte[] pcm(float[] audio) {
        float peak = 0.01f;
        for (float s : audio) {
            peak = Math.max(peak, Math.abs(s));
        }
        byte[] pcm = new byte[audio.length * PcmFormat.BYTES_PER_SAMPLE];
        for (int i = 0; i < audio.length; i++) {
            int v = Math.max(-32768, Math.min(32767, Math.round(audio[i] * (32767f / peak))));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }

    @Override
    public void close() {
        voices.values().forEach(v -> closeQuietly(v.session()));
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do with it
        }
    }
}
