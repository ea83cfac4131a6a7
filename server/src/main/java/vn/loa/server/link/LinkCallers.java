package vn.loa.server.link;

import org.jdbi.v3.core.Handle;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;

/**
 * The callers in whose name the link acts on a downstream: the bulletin's author at the upstream
 * ({@code <upstream>:<author>}, who creates and submits it, so every list shows where a bulletin came from) and the
 * upstream itself ({@code link:<upstream>}, who approves, airs and cancels it), both at the root unit. Two names, so
 * the four-eyes rule holds: the upstream approved it already. Each is a user that cannot sign in (like a plugin's),
 * made on first use, because announcements and audit rows name existing users. Stateless.
 */
final class LinkCallers {

    private LinkCallers() {
    }

    static Caller author(UpstreamLink link, String author, Handle h) {
        String name = link.upstreamId() + ":" + author;
        return caller(h, name.length() > 64 ? name.substring(0, 64) : name, link, "Cấp trên " + link.upstreamId()
                + ": " + author);
    }

    static Caller upstream(UpstreamLink link, Handle h) {
        return caller(h, "link:" + link.upstreamId(), link, "Hệ thống cấp trên " + link.upstreamId());
    }

    private static Caller caller(Handle h, String username, UpstreamLink link, String displayName) {
        String[] root = root(h);
        if (h.createQuery("SELECT COUNT(*) FROM app_user WHERE username = :u").bind("u", username)
                .mapTo(Integer.class).one() == 0) {
            h.createUpdate("INSERT INTO app_user (username, display_name, password_hash, role, unit_id, enabled, "
                            + "created_at) VALUES (:u, :name, '!', :role, :unit, FALSE, :at)")
                    .bind("u", username).bind("name", displayName.length() > 200 ? displayName.substring(0, 200)
                            : displayName)
                    .bind("role", Role.APPROVER.wireName()).bind("unit", root[0])
                    .bind("at", Rows.utc(java.time.Instant.now())).execute();
        }
        return new Caller(username, Role.APPROVER, root[0], root[1], link.url());
    }

    /** The id and path of the root unit. */
    static String[] root(Handle h) {
        return h.createQuery("SELECT id, path FROM zone WHERE parent_id IS NULL ORDER BY path")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).first();
    }
}
