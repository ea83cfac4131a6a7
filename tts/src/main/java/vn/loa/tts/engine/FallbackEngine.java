package vn.loa.tts.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Engines tried in order (cloud first, then local), each with its own voice and time limit, behind one engine.
 *
 * <p>Thread-safe. If an engine fails or gives no sentence within its time limit, it is stopped (interrupted) and
 * the next engine speaks the sentences not yet delivered, so a notice is never spoken twice from the start. When
 * every engine has failed, a {@link SpeechException} lists each engine's reason. Owns a thread pool for running
 * engines under a time limit; {@link #close()} it when the application stops.
 */
public final class FallbackEngine implements SpeechEngine, AutoCloseable {

    /** Polling step while waiting for a chunk, so a failed engine is noticed at once rather than at its time limit. */
    private static final long STEP_MILLIS = 20;

    private final List<Choice> choices;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tts-fallback");
        t.setDaemon(true);
        return t;
    });

    public FallbackEngine(List<Choice> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one engine");
        }
        this.choices = List.copyOf(choices);
    }

    @Override
    public String name() {
        List<String> names = new ArrayList<>();
        choices.forEach(c -> names.add(c.engine().name()));
        return String.join(" > ", names);
    }

    /** Every voice name the chain accepts: the request's voice is used by choices that do not fix their own. */
    @Override
    public Set<String> voices() {
        Set<String> voices = new LinkedHashSet<>();
        choices.stream().filter(c -> c.voice() == null).forEach(c -> voices.addAll(c.engine().voices()));
        return voices;
    }

    @Override
    public boolean supports(String voice) {
        return choices.stream().anyMatch(c -> c.voice() != null || c.engine().supports(voice));
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        List<String> failures = new ArrayList<>();
        int delivered = 0;
        for (Choice choice : choices) {
            if (delivered == request.sentences().size()) {
                return;
            }
            String voice = choice.voice() != null ? choice.voice() : request.voice();
            if (!choice.engine().supports(voice)) {
                failures.add(choice.engine().name() + ": no voice '" + voice + "'");
                continue;
            }
            Progress progress = new Progress(delivered);
            try {
                run(choice, request.from(delivered).withVoice(voice), progress, sink);
                return;
            } catch (SpeechException e) {
                failures.add(e.getMessage());
                delivered = progress.delivered;
            }
        }
        if (delivered < request.sentences().size()) {
            throw new SpeechException(name(), "every engine failed after " + delivered + " of "
                    + request.sentences().size() + " sentences: " + String.join("; ", failures));
        }
    }

    private void run(Choice choice, SpeechRequest rest, Progress progress, SentenceSink sink) {
        BlockingQueue<SpeechChunk> ready = new LinkedBlockingQueue<>();
        Future<?> speaking = workers.submit(() -> choice.engine().synthesize(rest, ready::add));
        int offset = progress.delivered;
        try {
            for (int got = 0; got < rest.sentences().size(); got++) {
                SpeechChunk chunk = next(choice, ready, speaking);
                sink.accept(chunk.withIndex(offset + chunk.index()));
                progress.delivered++;
            }
        } finally {
            speaking.cancel(true);
        }
    }

    /** Waits for the engine's next chunk: at most its time limit, and no longer once the engine has stopped. */
    private static SpeechChunk next(Choice choice, BlockingQueue<SpeechChunk> ready, Future<?> speaking) {
        long deadline = System.nanoTime() + choice.timeout().toNanos();
        try {
            while (true) {
                SpeechChunk chunk = ready.poll(STEP_MILLIS, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                if (speaking.isDone() && ready.isEmpty()) {
                    speaking.get(); // throws what the engine threw
                    throw new SpeechException(choice.engine().name(), "stopped before its last sentence");
                }
                if (System.nanoTime() > deadline) {
                    throw new SpeechException(choice.engine().name(), "no sentence within "
                            + choice.timeout().toMillis() + " ms; stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException(choice.engine().name(), "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof SpeechException s ? s
                    : new SpeechException(choice.engine().name(), "failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * One engine of the chain.
     *
     * @param engine the engine
     * @param voice the voice to ask it for, or null to pass on the request's voice
     * @param timeout how long it may take for each sentence before the next engine takes over
     */
    public record Choice(SpeechEngine engine, String voice, Duration timeout) {

        public Choice {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** How many sentences of the whole request have gone to the sink. */
    private static final class Progress {
        int delivered;

        Progress(int delivered) {
            this.delivered = delivered;
        }
    }
}
