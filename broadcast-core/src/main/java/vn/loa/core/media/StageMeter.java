package vn.loa.core.media;

/**
 * The running counts of one stage of one zone stream: units in and out (frames or packets), drops, and time spent.
 *
 * <p>Written by the one pacing thread only (so a plain read then a volatile write is a safe increment), read by any
 * thread; an increment costs no allocation, since this sits on the path of every packet.
 */
public final class StageMeter {

    private volatile long in;
    private volatile long out;
    private volatile long drops;
    private volatile long nanos;

    /** Adds what one pass through the stage did; pacing thread only. */
    void add(long unitsIn, long unitsOut, long nanosSpent) {
        in += unitsIn;
        out += unitsOut;
        nanos += nanosSpent;
    }

    /** Counts one unit the stage could not pass on; pacing thread only. */
    void drop() {
        drops++;
    }

    public long in() {
        return in;
    }

    public long out() {
        return out;
    }

    public long drops() {
        return drops;
    }

    public long nanos() {
        return nanos;
    }
}
