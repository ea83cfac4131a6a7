package vn.loa.server.zone;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Zone;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/**
 * The zone tree as callers see it: each caller reads and extends only their own unit's subtree. Blocking (JDBC).
 */
public final class ZoneService {

    private final Jdbi jdbi;
    private final ZoneRepository zones;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneGuard guard;

    public ZoneService(Jdbi jdbi, ZoneRepository zones, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.guard = new ZoneGuard(zones);
        this.audit = audit;
        this.clock = clock;
    }

    public List<Zone> list(Caller caller) {
        return jdbi.withHandle(h -> zones.subtree(h, caller.unitPath()));
    }

    public Zone get(Caller caller, String id) {
        return jdbi.withHandle(h -> visible(h, caller, id));
    }

    /** Adds a zone under {@code parentId}, or under the caller's own unit when no parent is given. */
    public Zone create(Caller caller, String id, String name, String parentId, String multicast) {
        requireManager(caller);
        return jdbi.inTransaction(h -> {
            String parent = parentId == null ? caller.unitId() : parentId;
            Zone enclosing = guard.inScope(h, caller, parent);
            if (zones.exists(h, id)) {
                throw Refusal.conflict("duplicate_id", "Đã có khu vực mang mã '" + id + "'. Hãy chọn mã khác.");
            }
            Zone zone = new Zone(id, name, enclosing.id(), enclosing.childPath(id), MulticastGroup.check(multicast));
            zones.insert(h, zone, clock.instant());
            audit.record(h, caller, "zone.create", "zone:" + id, name);
            return zone;
        });
    }

    public Zone update(Caller caller, String id, String name, String multicast) {
        requireManager(caller);
        String group = MulticastGroup.check(multicast);
        return jdbi.inTransaction(h -> {
            Zone zone = visible(h, caller, id);
            zones.update(h, id, name, group);
            audit.record(h, caller, "zone.update", "zone:" + id, zone.name() + " → " + name
                    + (group == null ? "" : " (multicast " + group + ")"));
            return new Zone(zone.id(), name, zone.parent(), zone.path(), group);
        });
    }

    /**
     * Removes an empty zone. A zone still holding sub-zones, nodes, boards, users or announcements is refused with 409
     * by the database's own foreign keys, so nothing is left pointing at a missing zone.
     */
    public void delete(Caller caller, String id) {
        requireManager(caller);
        jdbi.useTransaction(h -> {
            Zone zone = visible(h, caller, id);
            if (zone.path().equals(caller.unitPath())) {
                throw Refusal.forbidden("Không thể xóa đơn vị của chính bạn.");
            }
            zones.delete(h, id);
            audit.record(h, caller, "zone.delete", "zone:" + id, zone.name());
        });
    }

    private Zone visible(org.jdbi.v3.core.Handle h, Caller caller, String id) {
        return zones.find(h, id).filter(z -> caller.covers(z.path()))
                .orElseThrow(() -> Refusal.notFound("khu vực", id));
    }

    private static void requireManager(Caller caller) {
        if (!caller.may(Action.MANAGE_ZONES)) {
            throw Refusal.forbidden("Chỉ quản trị viên hoặc kỹ thuật viên được sửa khu vực.");
        }
    }
}
