package vn.loa.core.arbiter;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import vn.loa.core.arbiter.ArbiterEvent.Kind;

/**
 * Decides which programme one zone hears: EMERGENCY over LIVE over SCHEDULED over BACKGROUND, and first come, first
 * served within a priority, except that a raised claim ({@link Claim#raised}) waits ahead of the others of its
 * priority (it never interrupts one: only a higher priority does).
 *
 * <p>Thread-safe: calls are serialised, because claims arrive from the hotline, the scheduler and the web UI while
 * the zone's pacer reads {@link #onAir()} every packet. A decision takes effect at once, so the pacer's next packet
 * (within one packet time) already comes from the new programme. Every change goes to the listener.
 */
public final class ZoneArbiter {

    private record Entry(Claim claim, long order, boolean interrupted) {
    }

    private static final Comparator<Entry> PRECEDENCE = Comparator
            .comparing((Entry e) -> e.claim().priority()).reversed()
            .thenComparing((Entry e) -> !e.claim().raised())
            .thenComparingLong(Entry::order);

    private final String zone;
    private final InstantSource clock;
    private final ArbiterListener listener;
    private final PriorityQueue<Entry> waiting = new PriorityQueue<>(PRECEDENCE);
    private Entry onAir;
    private long submissions;

    public ZoneArbiter(String zone, InstantSource clock, ArbiterListener listener) {
        this.zone = zone;
        this.clock = clock;
        this.listener = listener;
    }

    public String zone() {
        return zone;
    }

    /** Asks for the zone: the claim goes on air now if it outranks what plays, else it waits its turn. */
    public synchronized void submit(Claim claim) {
        if (isKnown(claim.programmeId())) {
            throw new IllegalArgumentException(claim.programmeId() + " already claims zone " + zone);
        }
        Entry entry = new Entry(claim, submissions++, false);
        if (onAir == null) {
            putOnAir(entry);
        } else if (claim.priority().preempts(onAir.claim().priority())) {
            preempt(onAir, claim);
            putOnAir(entry);
        } else {
            waiting.add(entry);
            emit(Kind.QUEUED, claim, null);
        }
    }

    /** The programme on air has played to its end; the next in line goes on air. */
    public synchronized void finished(String programmeId) {
        if (onAir == null || !onAir.claim().programmeId().equals(programmeId)) {
            throw new IllegalStateException(programmeId + " is not on air in zone " + zone);
        }
        Claim done = onAir.claim();
        onAir = null;
        emit(Kind.FINISHED, done, null);
        next();
    }

    /** Takes a claim back, on air or waiting; unknown ids are ignored, as a cancel may race with the end. */
    public synchronized void withdraw(String programmeId) {
        if (onAir != null && onAir.claim().programmeId().equals(programmeId)) {
            Claim gone = onAir.claim();
            onAir = null;
            emit(Kind.WITHDRAWN, gone, null);
            next();
            return;
        }
        waiting.stream().filter(e -> e.claim().programmeId().equals(programmeId)).findFirst().ifPresent(e -> {
            waiting.remove(e);
            emit(Kind.WITHDRAWN, e.claim(), null);
        });
    }

    /** The claim the zone hears now. */
    public synchronized Optional<Claim> onAir() {
        return Optional.ofNullable(onAir).map(Entry::claim);
    }

    /** Claims waiting, in the order they would go on air. */
    public synchronized List<Claim> waiting() {
        List<Entry> sorted = new ArrayList<>(waiting);
        sorted.sort(PRECEDENCE);
        return sorted.stream().map(Entry::claim).toList();
    }

    private void preempt(Entry victim, Claim by) {
        emit(Kind.PREEMPTED, victim.claim(), by);
        if (victim.claim().policy() == PreemptionPolicy.DROP) {
            emit(Kind.DROPPED, victim.claim(), by);
        } else {
            // It keeps its place: it was submitted before anything else of its priority that is waiting.
            waiting.add(new Entry(victim.claim(), victim.order(), true));
        }
    }

    private void next() {
        Entry entry = waiting.poll();
        if (entry != null) {
            putOnAir(entry);
        }
    }

    private void putOnAir(Entry entry) {
        onAir = entry;
        Kind kind = !entry.interrupted() ? Kind.STARTED
                : entry.claim().policy() == PreemptionPolicy.RESUME ? Kind.RESUMED : Kind.RESTARTED;
        emit(kind, entry.claim(), null);
    }

    private boolean isKnown(String programmeId) {
        return (onAir != null && onAir.claim().programmeId().equals(programmeId))
                || waiting.stream().anyMatch(e -> e.claim().programmeId().equals(programmeId));
    }

    private void emit(Kind kind, Claim claim, Claim cause) {
        listener.onEvent(new ArbiterEvent(zone, clock.instant(), kind, claim, cause));
    }
}
