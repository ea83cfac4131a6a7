package vn.loa.tts.espeak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How Loa runs espeak-ng: which binary, how long one sentence may take, and how many sentences run at once.
 *
 * @param binary the espeak-ng executable; a bare name is looked up on the PATH
 * @param sentenceTimeout how long one sentence may take before its process is killed; espeak-ng speaks a sentence in
 *     tens of milliseconds, so seconds mean it hung
 * @param parallelism how many sentences are synthesised at once; the first is always started first
 * @param wordsPerMinute espeak-ng's rate at {@code VoiceSettings.ratePercent} 100
 */
public record EspeakConfig(Path binary, Duration sentenceTimeout, int parallelism, int wordsPerMinute) {

    public EspeakConfig {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(sentenceTimeout, "sentenceTimeout");
        if (sentenceTimeout.isNegative() || sentenceTimeout.isZero()) {
            throw new IllegalArgumentException("sentenceTimeout must be positive, got " + sentenceTimeout);
        }
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("parallelism must be 1..16, got " + parallelism);
        }
        if (wordsPerMinute < 80 || wordsPerMinute > 450) {
            throw new IllegalArgumentException("wordsPerMinute must be 80..450, got " + wordsPerMinute);
        }
    }

    /** espeak-ng from the PATH, 10 s per sentence, one process per core (at most 4), espeak-ng's own 175 wpm. */
    public static EspeakConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new EspeakConfig(Path.of("espeak-ng"), Duration.ofSeconds(10), Math.max(1, Math.min(4, cores)), 175);
    }

    public EspeakConfig withBinary(Path other) {
        return new EspeakConfig(other, sentenceTimeout, parallelism, wordsPerMinute);
    }

    public EspeakConfig withSentenceTimeout(Duration other) {
        return new EspeakConfig(binary, other, parallelism, wordsPerMinute);
    }
}
