package vn.loa.server.speech;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.loa.tts.espeak.EspeakInstallation;

/**
 * Whether the default Vietnamese speech engine (espeak-ng) can run, for {@code /health}. The answer is kept for a
 * while because finding out starts a process, and monitors poll often. Thread-safe; blocking (call on a worker).
 */
public final class SpeechReadiness {

    private static final Duration KEEP = Duration.ofSeconds(30);

    private final Clock clock;
    private Instant checkedAt;
    private String version;

    public SpeechReadiness(Clock clock) {
        this.clock = clock;
    }

    /** The espeak-ng version line, or null when it cannot run. */
    public synchronized String espeakVersion() {
        Instant now = clock.instant();
        if (checkedAt == null || Duration.between(checkedAt, now).compareTo(KEEP) > 0) {
            version = EspeakInstallation.version();
            checkedAt = now;
        }
        return version;
    }
}
