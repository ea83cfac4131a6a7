package vn.loa.scheduler.session;

/** What happens when items run past a fixed time (a relay's, or the closing jingle's): the clerk chooses per template. */
public enum OverrunRule {
    /** The item on air at the fixed time is cut there; items that would start after it are dropped. */
    CUT,
    /** The fixed-time item waits until the item before it ends, and the session ends late. */
    PUSH
}
