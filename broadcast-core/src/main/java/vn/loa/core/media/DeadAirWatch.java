package vn.loa.core.media;

import java.time.Duration;

/**
 * The rule for dead air: audio quieter than {@link #SILENCE_LEVEL} for longer than the limit switches the air to a
 * fallback, and sound heard for {@code returnAfter} switches it back. Time is the audio's own (the length of what was
 * heard), so the rule is the same on any clock.
 *
 * <p>Not thread-safe: one reader feeds it in order.
 */
public final class DeadAirWatch {

    /** Samples below this (about -50 dBFS) count as silence. */
    public static final int SILENCE_LEVEL = 100;

    /** What hearing some audio changed. */
    public enum Change { NONE, TO_FALLBACK, BACK }

    private final Duration limit;
    private final Duration returnAfter;
    private Duration silent = Duration.ZERO;
    private Duration sounding = Duration.ZERO;
    private boolean onFallback;

    /** @param returnAfter how long sound must last before the air goes back to it (a click is not a return) */
    public DeadAirWatch(Duration limit, Duration returnAfter) {
        this.limit = limit;
        this.returnAfter = returnAfter;
    }

    /** Hears {@code length} of the watched audio. */
    public Change heard(short[] samples, Duration length) {
        if (loud(samples)) {
            silent = Duration.ZERO;
            sounding = sounding.plus(length);
            if (onFallback && sounding.compareTo(returnAfter) >= 0) {
                onFallback = false;
                return Change.BACK;
            }
            return Change.NONE;
        }
        sounding = Duration.ZERO;
        silent = silent.plus(length);
        if (!onFallback && silent.compareTo(limit) > 0) {
            onFallback = true;
            return Change.TO_FALLBACK;
        }
        return Change.NONE;
    }

    /** Whether the air should carry the fallback now. */
    public boolean onFallback() {
        return onFallback;
    }

    /** How long the watched audio has been silent. */
    public Duration silentFor() {
        return silent;
    }

    /** Whether any sample is above the silence level. */
    public static boolean loud(short[] samples) {
        for (short s : samples) {
            if (s > SILENCE_LEVEL || s < -SILENCE_LEVEL) {
                return true;
            }
        }
        return false;
    }
}
