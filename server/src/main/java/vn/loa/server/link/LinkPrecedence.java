package vn.loa.server.link;

import org.jdbi.v3.core.Handle;
import vn.loa.server.air.OnAir;

/**
 * The link's word on the air's queue: a bulletin received from above as ưu tiên waits ahead of the commune's own
 * notices of its priority in a busy zone (it interrupts none; khẩn cấp does, as an emergency). Stateless.
 */
public final class LinkPrecedence implements OnAir.Precedence {

    @Override
    public boolean raised(Handle h, long announcementId) {
        return h.createQuery("SELECT COUNT(*) FROM link_received WHERE announcement_id = :a AND level = :l")
                .bind("a", announcementId).bind("l", Level.UU_TIEN.name()).mapTo(Integer.class).one() > 0;
    }
}
