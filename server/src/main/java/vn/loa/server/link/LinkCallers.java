package vn.loa.server.link;

import org.jdbi.v3.core.Handle;
import vn.loa.server.auth.Caller;
import vn.loa.server.auth.Role;

/**
 * The callers in whose name the link acts on a downstream: the bulletin's author at the upstream
 * ({@code <upstream>:<author>}, who creates and submits it) and the upstream itself ({@code link:<upstream>}, who
 * approves, airs and cancels it), both at the root unit. Two names, so the four-eyes rule holds: the upstream approved
 * it already. Stateless.
 */
final class LinkCallers {

    private LinkCallers() {
    }

    static Caller author(UpstreamLink link, String author, Handle h) {
        String[] root = root(h);
        String name = link.upstreamId() + ":" + author;
        return new Caller(name.length() > 64 ? name.substring(0, 64) : name, Role.ADMIN, root[0], root[1], link.url());
    }

    static Caller upstream(UpstreamLink link, Handle h) {
        String[] root = root(h);
        return new Caller("link:" + link.upstreamId(), Role.ADMIN, root[0], root[1], link.url());
    }

    /** The id and path of the root unit. */
    static String[] root(Handle h) {
        return h.createQuery("SELECT id, path FROM zone WHERE parent_id IS NULL ORDER BY path")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).first();
    }
}
