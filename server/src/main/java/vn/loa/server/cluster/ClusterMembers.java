package vn.loa.server.cluster;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/** The members as they describe themselves in {@code cluster_member}: their web address, when seen last. */
final class ClusterMembers {

    /** A member not seen for this long is not counted when the zones are shared out. */
    static final int READY_SECONDS = 3;

    /** One member as stored. */
    record Member(String id, String address, Instant startedAt, Instant seenAt) {
    }

    /** Notes that {@code id} is alive at {@code address}. */
    void seen(Handle h, String id, String address) {
        h.createUpdate("INSERT INTO cluster_member (id, address, started_at, seen_at) "
                        + "VALUES (:id, :address, clock_timestamp(), clock_timestamp()) "
                        + "ON CONFLICT (id) DO UPDATE SET seen_at = clock_timestamp()")
                .bind("id", id).bind("address", address).execute();
    }

    /**
     * Notes that {@code id} stops (after releasing its leases): the others no longer count it up at once, so the zones
     * it released are claimed whatever the share, not 3 s later (ClusterIT's rolling restart, ADR 0049).
     */
    void left(Handle h, String id) {
        h.createUpdate("UPDATE cluster_member SET seen_at = clock_timestamp() - :s * INTERVAL '1 second' WHERE id = :id")
                .bind("s", READY_SECONDS).bind("id", id).execute();
    }

    /**
     * Those of {@code inCluster} that are up, {@code self} always: seen in the last {@code READY_SECONDS}. A member
     * writes itself on every lease tick once it airs, so one whose leases lapse (dead, frozen, cut off from the
     * database) drops out of this set as they lapse, whatever Hazelcast still thinks of it.
     */
    java.util.Set<String> up(Handle h, List<String> inCluster, String self) {
        var seen = h.createQuery("SELECT id FROM cluster_member WHERE seen_at > clock_timestamp() - :s * INTERVAL '1 second'")
                .bind("s", READY_SECONDS).mapTo(String.class).set();
        var up = new java.util.HashSet<String>();
        inCluster.stream().filter(seen::contains).forEach(up::add);
        up.add(self);
        return up;
    }

    /** The web addresses of the members seen in the last minute, the longest running first (a restarted one once). */
    List<String> addresses(Handle h) {
        return h.createQuery("SELECT address FROM cluster_member WHERE seen_at > clock_timestamp() - INTERVAL '1 minute' "
                + "ORDER BY started_at").mapTo(String.class).list().stream().distinct().toList();
    }

    /** The members seen in the last minute, and forgets those gone for a day. */
    List<Member> recent(Handle h) {
        h.createUpdate("DELETE FROM cluster_member WHERE seen_at < clock_timestamp() - INTERVAL '1 day'").execute();
        return h.createQuery("SELECT id, address, started_at, seen_at FROM cluster_member "
                        + "WHERE seen_at > clock_timestamp() - INTERVAL '1 minute' ORDER BY started_at")
                .map((rs, ctx) -> new Member(rs.getString("id"), rs.getString("address"),
                        Rows.instant(rs, "started_at"), Rows.instant(rs, "seen_at")))
                .list();
    }
}
