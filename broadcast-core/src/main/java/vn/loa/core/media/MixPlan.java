package vn.loa.core.media;

import java.time.Duration;
import java.util.Objects;
import vn.loa.wire.pcm.PcmFrame;

/**
 * How an announcement is played out: a chime before, how many times the content plays, the pause between plays,
 * and a chime after. Communes repeat notices (usually twice or three times) so that people who missed the start
 * hear it whole.
 *
 * @param chimeBefore played once before the first play, or {@code null}
 * @param chimeAfter played once after the last play, or {@code null}
 * @param plays how many times the content plays, at least once
 * @param pauseBetweenPlays silence between two plays of the content
 */
public record MixPlan(PcmFrame chimeBefore, PcmFrame chimeAfter, int plays, Duration pauseBetweenPlays) {

    public MixPlan {
        Objects.requireNonNull(pauseBetweenPlays, "pauseBetweenPlays");
        if (plays < 1) {
            throw new IllegalArgumentException("content must play at least once: " + plays);
        }
        if (pauseBetweenPlays.isNegative()) {
            throw new IllegalArgumentException("pause must not be negative: " + pauseBetweenPlays);
        }
    }

    /** The content once, no chimes. */
    public static MixPlan once() {
        return new MixPlan(null, null, 1, Duration.ZERO);
    }
}
