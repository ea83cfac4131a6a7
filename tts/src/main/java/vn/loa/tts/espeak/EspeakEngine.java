package vn.loa.tts.espeak;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;
import vn.loa.tts.engine.WavCodec;

/**
 * The espeak-ng engine: Loa's default Vietnamese voice, run as one process per sentence.
 *
 * <p>Thread-safe. Up to {@link EspeakConfig#parallelism()} sentences are synthesised at once, always starting with
 * the earliest, and delivered in order, so the first sentence goes on air after one process run (tens of
 * milliseconds). A process that hangs past the sentence timeout, or whose caller is interrupted, is killed.
 * Owns a small thread pool; {@link #close()} it when the application stops.
 */
public final class EspeakEngine implements SpeechEngine, AutoCloseable {

    public static final String NAME = "espeak-ng";

    /** Northern, Central and Southern Vietnamese, plus English for tourist areas. */
    public static final Set<String> VOICES = Set.of("vi", "vi-vn-x-central", "vi-vn-x-south", "en", "en-us");

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EspeakConfig config;
    private final ExecutorService workers;

    public EspeakEngine(EspeakConfig config) {
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.parallelism(), r -> {
            Thread t = new Thread(r, "espeak-ng-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> voices() {
        return VOICES;
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        if (!supports(request.voice())) {
            throw new SpeechException(NAME, "no voice '" + request.voice() + "'; it has " + VOICES);
        }
        List<String> command = command(request.voice(), request.settings());
        List<String> sentences = request.sentences();
        Deque<Future<WavCodec.Decoded>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            for (int delivered = 0; delivered < sentences.size(); delivered++) {
                while (next < sentences.size() && inFlight.size() < config.parallelism()) {
                    String sentence = sentences.get(next++);
                    inFlight.add(workers.submit(() -> EspeakProcess.run(command, sentence, config)));
                }
                WavCodec.Decoded audio = inFlight.removeFirst().get();
                sink.accept(new SpeechChunk(delivered, sentences.get(delivered), audio.format(), audio.pcm()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException(NAME, "interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SpeechException s ? s
                    : new SpeechException(NAME, "failed: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            throw new SpeechException(NAME, "cancelled", e);
        } finally {
            inFlight.forEach(f -> f.cancel(true)); // interrupting a worker kills its process
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** The command line for a voice and its settings; the text itself goes through stdin. */
    List<String> command(String voice, VoiceSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(config.binary().toString());
        command.addAll(List.of("-v", voice,
                "-s", String.valueOf(config.wordsPerMinute() * settings.ratePercent() / 100),
                "-p", String.valueOf(Math.min(99, settings.pitch())),
                "-a", String.valueOf(settings.volumePercent()),
                "-b", "1", "--stdout", "--stdin"));
        return command;
    }
}
