package vn.loa.core.media;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The running counts of one stage of one zone stream: units in and out (frames or packets), drops, and time spent.
 *
 * <p>Written by the one pacing thread only, read by any. This sits on the path of every packet of every zone, so an
 * increment allocates nothing and fences nothing: the writer stores with opaque mode (a plain store on x86, never
 * torn) and readers load the same way, which is all a counter read for {@code /metrics} needs.
 */
public final class StageMeter {

    private static final VarHandle IN;
    private static final VarHandle OUT;
    private static final VarHandle DROPS;
    private static final VarHandle NANOS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IN = lookup.findVarHandle(StageMeter.class, "in", long.class);
            OUT = lookup.findVarHandle(StageMeter.class, "out", long.class);
            DROPS = lookup.findVarHandle(StageMeter.class, "drops", long.class);
            NANOS = lookup.findVarHandle(StageMeter.class, "nanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long in;
    private long out;
    private long drops;
    private long nanos;

    /** Adds what one pass through the stage did; pacing thread only. */
    void add(long unitsIn, long unitsOut, long nanosSpent) {
        IN.setOpaque(this, in + unitsIn);
        OUT.setOpaque(this, out + unitsOut);
        NANOS.setOpaque(this, nanos + nanosSpent);
    }

    /** Counts one unit the stage could not pass on; pacing thread only. */
    void drop() {
        DROPS.setOpaque(this, drops + 1);
    }

    public long in() {
        return (long) IN.getOpaque(this);
    }

    public long out() {
        return (long) OUT.getOpaque(this);
    }

    public long drops() {
        return (long) DROPS.getOpaque(this);
    }

    public long nanos() {
        return (long) NANOS.getOpaque(this);
    }
}
