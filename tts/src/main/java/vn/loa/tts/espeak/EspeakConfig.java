package vn.loa.tts.espeak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How Loa runs espeak-ng: which binary, how long it may go without producing audio, and its normal rate.
 *
 * @param binary the espeak-ng executable; a bare name is looked up on the PATH
 * @param silenceTimeout how long espeak-ng may go without writing audio before it is taken for hung and killed;
 *     it speaks about a thousand times faster than real time, so seconds of nothing mean it is stuck
 * @param wordsPerMinute espeak-ng's rate at {@code VoiceSettings.ratePercent} 100
 */
public record EspeakConfig(Path binary, Duration silenceTimeout, int wordsPerMinute) {

    public EspeakConfig {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        if (silenceTimeout.isNegative() || silenceTimeout.isZero()) {
            throw new IllegalArgumentException("silenceTimeout must be positive, got " + silenceTimeout);
        }
        if (wordsPerMinute < 80 || wordsPerMinute > 450) {
            throw new IllegalArgumentException("wordsPerMinute must be 80..450, got " + wordsPerMinute);
        }
    }

    /** espeak-ng from the PATH, killed after 10 s without audio, at espeak-ng's own 175 words per minute. */
    public static EspeakConfig defaults() {
        return new EspeakConfig(Path.of("espeak-ng"), Duration.ofSeconds(10), 175);
    }

    public EspeakConfig withBinary(Path other) {
        return new EspeakConfig(other, silenceTimeout, wordsPerMinute);
    }

    public EspeakConfig withSilenceTimeout(Duration other) {
        return new EspeakConfig(binary, other, wordsPerMinute);
    }
}
