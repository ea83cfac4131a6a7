package vn.loa.core.arbiter;

import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The set of zone arbiters of one server: a programme aimed at several zones claims each of them, and is preempted,
 * resumed or finished zone by zone.
 *
 * <p>Thread-safe. Zones are leaf ids here; expanding a target zone into the zones of its subtree is the domain
 * model's job, before the claim arrives.
 */
public final class Switchboard {

    private final InstantSource clock;
    private final ArbiterListener listener;
    private final Map<String, ZoneArbiter> arbiters = new ConcurrentHashMap<>();

    public Switchboard(InstantSource clock, ArbiterListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** The arbiter of {@code zone}, created on first use. */
    public ZoneArbiter zone(String zone) {
        return arbiters.computeIfAbsent(zone, z -> new ZoneArbiter(z, clock, listener));
    }

    /** Claims every zone in {@code zones} for {@code claim}. */
    public void submit(Claim claim, Set<String> zones) {
        zones.stream().sorted().forEach(z -> zone(z).submit(claim));
    }

    /** Withdraws the programme from every zone it claims. */
    public void withdraw(String programmeId) {
        arbiters.values().forEach(a -> a.withdraw(programmeId));
    }

    /** What {@code zone} hears now. */
    public Optional<Claim> onAir(String zone) {
        ZoneArbiter arbiter = arbiters.get(zone);
        return arbiter == null ? Optional.empty() : arbiter.onAir();
    }

    public Collection<ZoneArbiter> zones() {
        return arbiters.values();
    }
}
