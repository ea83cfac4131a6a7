package vn.loa.server.cluster;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/** The members as they describe themselves in {@code cluster_member}: their web address, when seen last. */
final class ClusterMembers {

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
