package vn.loa.server.listen;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;

/**
 * Whether an announcement may be heard again on the residents' page once aired: new ones may unless the clerk or an
 * approver marks them internal (nội bộ). Only someone who may compose, in a unit covering all its zones, changes it;
 * each change is audited. Blocking (JDBC); call it on a worker.
 */
public final class ArchiveConsent {

    private final Jdbi jdbi;
    private final AuditLog audit;

    public ArchiveConsent(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** Whether announcement {@code id} is public, for a caller who can see it. */
    public boolean isPublic(Caller caller, long id) {
        return jdbi.withHandle(h -> {
            List<String> paths = paths(h, id);
            if (paths.isEmpty() || paths.stream().noneMatch(caller::overlaps)) {
                throw Refusal.notFound("thông báo", String.valueOf(id));
            }
            return h.createQuery("SELECT public_archive FROM announcement WHERE id = :id").bind("id", id)
                    .mapTo(Boolean.class).one();
        });
    }

    public void set(Caller caller, long id, boolean open) {
        if (!caller.may(Action.COMPOSE)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "forbidden", "Chỉ cán bộ soạn tin hoặc lãnh đạo được đổi việc "
                    + "đăng thông báo lên trang nghe lại / only composers may change this");
        }
        jdbi.useTransaction(h -> {
            List<String> paths = paths(h, id);
            if (paths.isEmpty() || paths.stream().noneMatch(caller::overlaps)) {
                throw Refusal.notFound("thông báo", String.valueOf(id));
            }
            if (!paths.stream().allMatch(caller::covers)) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "forbidden", "Thông báo này có khu vực ngoài đơn vị của "
                        + "bạn / the announcement reaches zones outside your unit");
            }
            h.createUpdate("UPDATE announcement SET public_archive = :open WHERE id = :id").bind("open", open)
                    .bind("id", id).execute();
            audit.record(h, caller, "announcement.archive", "announcement:" + id,
                    open ? "công khai trên trang nghe lại" : "nội bộ");
        });
    }

    private static List<String> paths(org.jdbi.v3.core.Handle h, long id) {
        return h.createQuery("SELECT z.path FROM announcement_zone az JOIN zone z ON z.id = az.zone_id "
                + "WHERE az.announcement_id = :id").bind("id", id).mapTo(String.class).list();
    }
}
