package vn.loa.node.playout;

/**
 * One continuous piece of audio as the node receives it: an announcement between the server's play and stop, or a
 * stream that came with no play ({@code announcement == null}).
 *
 * <p>Owned by the playout thread.
 */
final class Take {

    /** Set once, when a play arrives just after the audio it announces (see {@link TakeTracker}). */
    String announcement;
    final int sampleRate;
    /** Samples in the take so far, silence in timestamp gaps included: where the next audio goes. */
    long position;
    /** Packets that never came and were concealed. */
    long concealed;
    /** Lost packets rebuilt from the next packet's in-band FEC (Opus) rather than concealed. */
    long recovered;
    /** Samples of the run of concealed packets going on now, and of the longest run: the longest gap a listener heard. */
    long concealedRun;
    long longestGap;
    /** When real audio last arrived, in monotonic nanoseconds. */
    long lastAudio;
    /** When it opened or a play of its announcement last came: after that, it is known to be on air. */
    long confirmedAt;
    /** When its first audio played, in monotonic nanoseconds. */
    final long openedAt;

    Take(String announcement, int sampleRate, long now) {
        this.announcement = announcement;
        this.sampleRate = sampleRate;
        this.lastAudio = now;
        this.confirmedAt = now;
        this.openedAt = now;
    }

    long millis() {
        return position * 1000 / sampleRate;
    }

    long longestGapMillis() {
        return longestGap * 1000 / sampleRate;
    }

    String label() {
        return announcement == null ? "luồng không báo trước / unannounced stream" : "bản tin / announcement " + announcement;
    }
}
