package vn.loa.server.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.air.AirShare;
import vn.loa.server.air.AirStation;
import vn.loa.server.announcement.LoaSteps;

/**
 * This server as a member of its cluster, or alone (ADR 0038): the share of the air it holds, its leases, and what it
 * tells {@code /health} and {@code GET /api/v1/cluster}. Built once at start-up; {@link #start} begins taking leases
 * once the server is ready to air.
 */
public final class Cluster implements AutoCloseable {

    private final Membership membership;
    private final Jdbi jdbi;
    private final ClusterAir air;
    private final HeldLeases held;
    private final LeaseKeeper keeper;
    private final ZoneLeases leases = new ZoneLeases(LeaseKeeper.LEASE);
    private final ClusterMembers members = new ClusterMembers();
    private volatile List<String> addresses = List.of();
    private final String address;
    private final NodeNews nodes;
    /** The members' addresses as players reach them, when configured (behind a proxy); empty: those seen. */
    private final List<String> publicUrls;

    private Cluster(Membership membership, Jdbi jdbi, ClusterAir air, HeldLeases held, LeaseKeeper keeper,
            String address, NodeNews nodes, List<String> publicUrls) {
        this.nodes = nodes;
        this.publicUrls = List.copyOf(publicUrls);
        this.membership = membership;
        this.jdbi = jdbi;
        this.air = air;
        this.held = held;
        this.keeper = keeper;
        this.address = address;
    }

    /** One server alone: it holds every zone. */
    public static Cluster alone() {
        return new Cluster(null, null, null, null, null, null, null, List.of());
    }

    /**
     * A member of {@code membership}'s cluster that sends nothing until {@link #start}.
     *
     * @param address    this member's web address, shown to the operators
     * @param publicUrls the members' addresses as players reach them ({@code LOA_CLUSTER_PUBLIC_URLS}); empty: each
     *                   member's own
     */
    public static Cluster member(Membership membership, Jdbi jdbi, LoaSteps lifecycle, AirStation station,
            MeterRegistry registry, String address, List<String> publicUrls) {
        String id = membership.memberId();
        HeldLeases held = new HeldLeases(System::nanoTime, LeaseKeeper.LEASE, LeaseKeeper.MARGIN);
        ClusterAir air = new ClusterAir(membership.vertx(), jdbi, id, held, lifecycle, station);
        Counter takeovers = Counter.builder("loa.cluster.takeovers")
                .description("zones this member took over from a member that died or froze").register(registry);
        Counter losses = Counter.builder("loa.cluster.lease.losses")
                .description("zone leases this member lost while it believed it held them").register(registry);
        Gauge.builder("loa.cluster.zones.held", held, h -> h.valid().size())
                .description("zones whose streams this member may send now").register(registry);
        ClusterMembers members = new ClusterMembers();
        // Only members that are up count in the share: one still starting takes nothing, so it is given nothing.
        LeaseKeeper keeper = new LeaseKeeper(jdbi, new ZoneLeases(LeaseKeeper.LEASE), held, id,
                () -> jdbi.withHandle(h -> members.up(h, membership.members(), id)), air::tookOver,
                station::letGo, station::airsIn, takeovers, losses, System::nanoTime);
        NodeNews nodes = new NodeNews(membership.vertx(), id, membership::members, station.sessions());
        station.sessions().connectedElsewhere(nodes::memberOf);
        return new Cluster(membership, jdbi, air, held, keeper, address, nodes, publicUrls);
    }

    /** How this server shares the air: everything alone, its leased zones as a member. */
    public AirShare share() {
        return air == null ? AirShare.ALONE : air;
    }

    /**
     * Whether this server does the task {@code name} now (a plugin's poller): alone always; as a member only while
     * it holds the task's lease, so that one member does it (ADR 0049). The first question names the task.
     */
    public boolean does(String name) {
        if (keeper == null) {
            return true;
        }
        keeper.want(name);
        return held.holds(name);
    }

    /** Starts hearing the other members and keeping leases: zones without an owner are taken from now on. */
    public void start() {
        if (air == null) {
            return;
        }
        air.listen();
        nodes.listen();
        int[] ticks = {0};
        keeper.start(() -> jdbi.useHandle(h -> {
            // Alive in the members' table on every tick, as its leases are: the others count this member up exactly
            // while it can hold leases (written every fourth tick, a slow member dropped out between writes under
            // load and the others' share of the zones jumped, ADR 0049).
            members.seen(h, membership.memberId(), address);
            if (ticks[0]++ % 4 == 0) {
                addresses = members.addresses(h);
            }
        }));
    }

    /**
     * Where a board's player may move (ADR 0049): the configured public addresses when set, else the web
     * addresses of the members seen in the last minute, this one's among them (none alone). Never blocks.
     */
    public List<String> addresses() {
        return forPlayers(publicUrls, addresses);
    }

    /** The configured list wins over the members' own addresses, which a player behind a proxy cannot reach. */
    static List<String> forPlayers(List<String> configured, List<String> seen) {
        return configured.isEmpty() ? seen : configured;
    }

    /** An agent came online on this member ({@code true}) or left: the other members' node lists show it (ADR 0049). */
    public void nodePresence(String node, boolean online) {
        if (nodes != null) {
            nodes.changed(node, online);
        }
    }

    /** The part of {@code /health} about the cluster: whether this server is a member, and of how many. */
    public JsonObject describe() {
        if (air == null) {
            return new JsonObject().put("cluster", new JsonObject().put("enabled", false));
        }
        var now = membership.members();
        return new JsonObject().put("cluster", new JsonObject().put("enabled", true)
                .put("member", membership.memberId()).put("inCluster", now.contains(membership.memberId()))
                .put("members", now.size()).put("zonesHeld", held.valid().stream().filter(z -> !LeaseKeeper.isTask(z))
                        .count()));
    }

    /** What {@code GET /api/v1/cluster} shows: the members, what each owns, the leases and their age. Blocks. */
    public JsonObject overview() {
        if (air == null) {
            return new JsonObject().put("enabled", false).put("members", new JsonArray()).put("leases", new JsonArray());
        }
        var inCluster = membership.members();
        var leaseRows = jdbi.withHandle(leases::all);
        Instant now = jdbi.withHandle(h -> h.createQuery("SELECT clock_timestamp()").mapTo(Instant.class).one());
        JsonArray memberList = new JsonArray();
        for (var m : jdbi.withHandle(members::recent)) {
            memberList.add(new JsonObject().put("id", m.id()).put("address", m.address())
                    .put("self", m.id().equals(membership.memberId())).put("inCluster", inCluster.contains(m.id()))
                    .put("startedAt", m.startedAt().toString()).put("seenAt", m.seenAt().toString())
                    .put("zones", new JsonArray(leaseRows.stream()
                            .filter(l -> l.owner().equals(m.id()) && l.expiresAt().isAfter(now)
                                    && !LeaseKeeper.isTask(l.zone()))
                            .map(ZoneLeases.Lease::zone).toList()))
                    .put("tasks", new JsonArray(leaseRows.stream()
                            .filter(l -> l.owner().equals(m.id()) && l.expiresAt().isAfter(now)
                                    && LeaseKeeper.isTask(l.zone()))
                            .map(ZoneLeases.Lease::zone).toList())));
        }
        JsonArray leaseList = new JsonArray();
        for (var l : leaseRows) {
            leaseList.add(new JsonObject().put("zone", l.zone()).put("owner", l.owner()).put("token", l.token())
                    .put("takenAt", l.takenAt().toString()).put("expiresAt", l.expiresAt().toString())
                    .put("ageMillis", java.time.Duration.between(l.takenAt(), now).toMillis())
                    .put("running", l.expiresAt().isAfter(now)));
        }
        return new JsonObject().put("enabled", true).put("member", membership.memberId())
                .put("members", memberList).put("leases", leaseList);
    }

    @Override
    public void close() {
        if (keeper != null) {
            keeper.close();
            try {
                jdbi.useHandle(h -> members.left(h, membership.memberId()));
            } catch (RuntimeException e) {
                // The database away: the others count this member out 3 s after its last tick instead.
            }
        }
    }
}
