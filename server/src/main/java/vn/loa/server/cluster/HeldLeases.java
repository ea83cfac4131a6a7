package vn.loa.server.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The zone leases this member holds, as this process sees them: each valid until a moment on the monotonic clock,
 * counted from when the database was asked to extend it, less a margin. The database's expiry is later than that, so
 * this member stops sending before any other member may take the zone (fencing). A frozen process that wakes finds
 * its leases run out at once, before its renewal even reaches the database.
 *
 * <p>Thread-safe: read before every packet by the pacing thread, written by the lease keeper.
 */
final class HeldLeases {

    /** One lease held: its fencing token and until when (nanoTime) this member may send. */
    record Held(long token, long validUntil) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final LongSupplier nanos;
    private final long validFor;

    /**
     * @param lease  how long the database keeps a lease without renewal
     * @param margin how much sooner this member stops sending than the database lets others take over
     */
    HeldLeases(LongSupplier nanos, Duration lease, Duration margin) {
        this.nanos = nanos;
        this.validFor = lease.minus(margin).toNanos();
    }

    /** Whether this member may send {@code zone} now. */
    boolean holds(String zone) {
        Held h = held.get(zone);
        return h != null && nanos.getAsLong() - h.validUntil < 0;
    }

    /** A lease taken or extended, on a request to the database that left at {@code askedAt} (nanoTime). */
    void granted(String zone, long token, long askedAt) {
        held.put(zone, new Held(token, askedAt + validFor));
    }

    /** Forgets a lease the database no longer gives this member. */
    void lost(String zone) {
        held.remove(zone);
    }

    /** The zones and tokens held, valid or not, to renew. */
    Map<String, Held> all() {
        return Map.copyOf(held);
    }

    /** The zones held and still valid now. */
    Set<String> valid() {
        return held.keySet().stream().filter(this::holds).collect(java.util.stream.Collectors.toSet());
    }
}
