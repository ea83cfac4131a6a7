package vn.loa.core.model;

/**
 * How urgently an announcement must reach the speakers; a higher priority preempts a lower one in the zones it covers.
 *
 * <p>The declaration order is the order of precedence, lowest first, so {@link #compareTo} ranks them.
 */
public enum Priority {
    /** Music, relays: whatever plays when nothing else does. */
    BACKGROUND,
    /** The programme grid and approved notices. */
    SCHEDULED,
    /** A person speaking live (web UI microphone, an approver). */
    LIVE,
    /** Hotline, CAP alert, panic button: ignores quiet hours and skips approval. */
    EMERGENCY;

    /** True when this priority may interrupt {@code other} on a shared zone. */
    public boolean preempts(Priority other) {
        return compareTo(other) > 0;
    }
}
