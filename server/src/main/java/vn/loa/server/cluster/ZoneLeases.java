package vn.loa.server.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/**
 * The zone leases in PostgreSQL ({@code zone_lease}): who owns each zone's streams, under which fencing token, until
 * when by the database's clock, so members' clocks need not agree. A lease is taken only once expired; every change
 * of owner raises the token.
 */
final class ZoneLeases {

    /** One lease as stored. */
    record Lease(String zone, String owner, long token, Instant takenAt, Instant expiresAt) {
    }

    private final long leaseMillis;

    ZoneLeases(Duration lease) {
        this.leaseMillis = lease.toMillis();
    }

    /** Takes {@code zone} for {@code member} if nobody holds a running lease on it; the new token, else empty. */
    OptionalLong claim(Handle h, String zone, String member) {
        return h.createQuery("INSERT INTO zone_lease (zone_id, owner, token, taken_at, expires_at) "
                        + "VALUES (:zone, :member, 1, clock_timestamp(), clock_timestamp() + :ms * INTERVAL '1 millisecond') "
                        + "ON CONFLICT (zone_id) DO UPDATE SET owner = EXCLUDED.owner, token = zone_lease.token + 1, "
                        + "taken_at = EXCLUDED.taken_at, expires_at = EXCLUDED.expires_at "
                        + "WHERE zone_lease.expires_at <= clock_timestamp() RETURNING token")
                .bind("zone", zone).bind("member", member).bind("ms", leaseMillis)
                .mapTo(Long.class).findOne().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Extends every running lease of {@code member}; the zones extended, with their tokens. */
    Map<String, Long> renew(Handle h, String member) {
        return h.createQuery("UPDATE zone_lease SET expires_at = clock_timestamp() + :ms * INTERVAL '1 millisecond' "
                        + "WHERE owner = :member AND expires_at > clock_timestamp() RETURNING zone_id, token")
                .bind("member", member).bind("ms", leaseMillis)
                .reduceRows(new java.util.HashMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("zone_id", String.class), row.getColumn("token", Long.class));
                    return map;
                });
    }

    /** Ends {@code member}'s leases now (a clean stop), so the others take its zones without waiting. */
    void release(Handle h, String member) {
        h.createUpdate("UPDATE zone_lease SET expires_at = clock_timestamp() WHERE owner = :member")
                .bind("member", member).execute();
    }

    /**
     * The zones whose streams need an owner: those with nodes under no running lease, each with the member whose
     * lease ran out ("" for a zone never held).
     */
    Map<String, String> unowned(Handle h) {
        return h.createQuery("SELECT DISTINCT n.zone_id, COALESCE(l.owner, '') AS owner FROM node n "
                        + "LEFT JOIN zone_lease l ON l.zone_id = n.zone_id "
                        + "WHERE l.zone_id IS NULL OR l.expires_at <= clock_timestamp()")
                .reduceRows(new java.util.HashMap<String, String>(), (map, row) -> {
                    map.put(row.getColumn("zone_id", String.class), row.getColumn("owner", String.class));
                    return map;
                });
    }

    /** Those of {@code tasks} (pollers and the like, ADR 0049) under no running lease, as {@link #unowned}. */
    Map<String, String> unownedOf(Handle h, Set<String> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        Map<String, String> free = new java.util.HashMap<>();
        tasks.forEach(t -> free.put(t, ""));
        h.createQuery("SELECT zone_id, owner, expires_at > clock_timestamp() AS running FROM zone_lease "
                        + "WHERE zone_id IN (<tasks>)")
                .bindList("tasks", List.copyOf(tasks)).map((rs, ctx) -> {
                    if (rs.getBoolean("running")) {
                        free.remove(rs.getString("zone_id"));
                    } else {
                        free.put(rs.getString("zone_id"), rs.getString("owner"));
                    }
                    return 0;
                }).list();
        return free;
    }

    /** Ends {@code member}'s lease of {@code zone} now, to hand it to a member with fewer (rebalancing). */
    void giveBack(Handle h, String zone, String member) {
        h.createUpdate("UPDATE zone_lease SET expires_at = clock_timestamp() WHERE zone_id = :zone AND owner = :member")
                .bind("zone", zone).bind("member", member).execute();
    }

    /**
     * The web address of the member other than {@code self} whose lease on {@code zone} runs now and that wrote
     * itself up in the last second (a killed owner's lease runs on for up to its length: no agent is sent to the
     * dead), or empty.
     */
    String ownerAddress(Handle h, String zone, String self) {
        return h.createQuery("SELECT m.address FROM zone_lease l JOIN cluster_member m ON m.id = l.owner "
                        + "WHERE l.zone_id = :zone AND l.owner <> :self AND l.expires_at > clock_timestamp() "
                        + "AND m.seen_at > clock_timestamp() - INTERVAL '1 second'")
                .bind("zone", zone).bind("self", self).mapTo(String.class).findOne().orElse("");
    }

    /** How many zones have nodes: each member holds about its share of them. */
    int zones(Handle h) {
        return h.createQuery("SELECT COUNT(DISTINCT zone_id) FROM node").mapTo(Integer.class).one();
    }

    /** Every lease, running or not. */
    List<Lease> all(Handle h) {
        return h.createQuery("SELECT zone_id, owner, token, taken_at, expires_at FROM zone_lease ORDER BY zone_id")
                .map((rs, ctx) -> new Lease(rs.getString("zone_id"), rs.getString("owner"), rs.getLong("token"),
                        Rows.instant(rs, "taken_at"), Rows.instant(rs, "expires_at")))
                .list();
    }
}
