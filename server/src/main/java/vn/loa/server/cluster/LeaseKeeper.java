package vn.loa.server.cluster;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this member's zone leases: every tick it extends those it holds, notes those it lost, and takes zones that
 * have no owner (a member died or left) up to its share of them. A zone taken is handed to {@code gained}, which puts
 * back on air what was airing there. Tasks that one member must do for all (a plugin's poller, ADR 0049) are leased
 * the same way, with a share of their own. A member holding more than its share (another has joined) gives back one
 * idle zone or task a tick, so the newcomer takes it and nothing on air is cut (ADR 0049).
 *
 * <p>One thread of its own: its database calls block, and a tick must not wait behind anything else.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    /** How long a lease runs without renewal: a dead owner's zones are taken over at most this (plus a tick) later. */
    static final Duration LEASE = Duration.ofMillis(2_500);
    /** How much sooner the owner stops sending than others may take over: packets in flight, a slow renewal. */
    static final Duration MARGIN = Duration.ofMillis(500);
    static final Duration TICK = Duration.ofMillis(250);
    /** How long a member holds more than its share before it gives one back. */
    static final Duration REBALANCE_AFTER = Duration.ofSeconds(2);

    private final Jdbi jdbi;
    private final ZoneLeases leases;
    private final HeldLeases held;
    private final String member;
    private final Supplier<Set<String>> members;
    /** Since when (nanoTime) this member has held more than its share, or 0. Keeper thread only. */
    private long excessSince;
    private final Consumer<String> gained;
    private final Consumer<String> lost;
    private final Counter takeovers;
    private final Counter losses;
    private final LongSupplier nanos;
    private final java.util.function.Predicate<String> busy;
    private final Set<String> tasks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loa-cluster-leases");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });

    /**
     * @param members the ids of the members up now (this one among them), to take only a fair share of the free zones
     * @param gained  told each zone this member has just taken, on this keeper's thread
     * @param lost    told each zone this member has lost while it believed it held it
     * @param busy    whether something airs in a zone here now: such a zone is not given back to rebalance
     */
    LeaseKeeper(Jdbi jdbi, ZoneLeases leases, HeldLeases held, String member, Supplier<Set<String>> members,
            Consumer<String> gained, Consumer<String> lost, java.util.function.Predicate<String> busy,
            Counter takeovers, Counter losses, LongSupplier nanos) {
        this.busy = busy;
        this.jdbi = jdbi;
        this.leases = leases;
        this.held = held;
        this.member = member;
        this.members = members;
        this.gained = gained;
        this.lost = lost;
        this.takeovers = takeovers;
        this.losses = losses;
        this.nanos = nanos;
    }

    /** Names a task this member could do, once it holds its lease (every member names the same tasks). */
    void want(String task) {
        tasks.add(task);
    }

    /** Whether {@code key} names a task rather than a zone. */
    static boolean isTask(String key) {
        return key.startsWith("poll:");
    }

    void start(Runnable everyTick) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                tick();
                everyTick.run();
            } catch (RuntimeException e) {
                // The database away: the leases lapse by themselves and this member stops sending (ADR 0038).
                LOG.warn("zone leases could not be kept: {}", e.toString());
            }
        }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void tick() {
        long askedAt = nanos.getAsLong();
        Map<String, Long> renewed = jdbi.withHandle(h -> leases.renew(h, member));
        held.all().forEach((zone, lease) -> {
            Long token = renewed.get(zone);
            if (token != null && token == lease.token()) {
                held.granted(zone, token, askedAt);
            } else {
                held.lost(zone);
                losses.increment();
                LOG.warn("lost the lease of {} (token {}): another member owns it now", zone, lease.token());
                if (!isTask(zone)) {
                    lost.accept(zone);
                }
            }
        });
        Set<String> up = members.get();
        // Zones and tasks are shared out separately: spreading the air is what a second member is for.
        int zoneShare = share(jdbi.withHandle(leases::zones), up.size());
        int taskShare = share(tasks.size(), up.size());
        long myTasks = held.all().keySet().stream().filter(LeaseKeeper::isTask).count();
        long myZones = held.all().size() - myTasks;
        if (myZones > zoneShare || myTasks > taskShare) {
            // Only once the excess has lasted: a member's view of who is up wavers under load, and each give-back
            // sends a zone's agents away.
            if (excessSince == 0) {
                excessSince = nanos.getAsLong();
            } else if (nanos.getAsLong() - excessSince >= REBALANCE_AFTER.toNanos()) {
                giveBackOne(myZones > zoneShare);
                excessSince = 0;
            }
        } else {
            excessSince = 0;
        }
        List<String> wanted = new java.util.ArrayList<>(toClaim(jdbi.withHandle(leases::unowned), up, zoneShare, myZones));
        wanted.addAll(toClaim(jdbi.withHandle(h -> leases.unownedOf(h, Set.copyOf(tasks))), up, taskShare, myTasks));
        for (String zone : wanted) {
            boolean task = isTask(zone);
            long at = nanos.getAsLong();
            OptionalLong token = jdbi.withHandle(h -> leases.claim(h, zone, member));
            if (token.isPresent()) {
                held.granted(zone, token.getAsLong(), at);
                if (token.getAsLong() > 1) {
                    takeovers.increment();
                }
                LOG.info("took the lease of {} (token {})", zone, token.getAsLong());
                if (!task) {
                    gained.accept(zone);
                }
            }
        }
    }

    /** How many of {@code count} zones (or tasks) each of {@code up} members holds at most. */
    static int share(int count, int up) {
        int members = Math.max(1, up);
        return (count + members - 1) / members;
    }

    /**
     * Which of {@code free} (zone or task, to the member whose lease on it ran out, "" if never held) to claim, this
     * member holding {@code mine} of its {@code share}. A lease that ran out on a member not {@code up} is claimed
     * whatever the share: its owner died or froze, the lease in the database says so, and the zone must be back on
     * air within 5 s even while Hazelcast still lists that member (ADR 0049). Others only up to the share, in order,
     * so members starting together spread the zones and a zone given back goes to the member with fewer.
     */
    static List<String> toClaim(Map<String, String> free, Set<String> up, int share, long mine) {
        List<String> claims = new java.util.ArrayList<>();
        long holding = mine;
        for (var e : new java.util.TreeMap<>(free).entrySet()) {
            boolean orphan = !e.getValue().isEmpty() && !up.contains(e.getValue());
            if (orphan || holding < share) {
                claims.add(e.getKey());
                holding++;
            }
        }
        return claims;
    }

    /**
     * Gives back one zone (or task) on which nothing airs here: the member short of its share takes it next tick. A
     * zone that airs stays until it is idle, so rebalancing never cuts anything on air.
     */
    private void giveBackOne(boolean zone) {
        for (String key : new TreeSet<>(held.all().keySet())) {
            if (isTask(key) != zone && !busy.test(key)) {
                // Silent first, released second, as at a clean stop.
                held.lost(key);
                jdbi.useHandle(h -> leases.giveBack(h, key, member));
                LOG.info("gave back the lease of {} to a member with fewer", key);
                if (zone) {
                    lost.accept(key);
                }
                return;
            }
        }
    }

    /** Stops keeping leases and ends them in the database, so the others take the zones at once. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
            // Silent first, released second: never a moment where this member and the next both send.
            held.all().keySet().forEach(held::lost);
            jdbi.useHandle(h -> leases.release(h, member));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("zone leases not released (they lapse by themselves): {}", e.toString());
        }
    }
}
