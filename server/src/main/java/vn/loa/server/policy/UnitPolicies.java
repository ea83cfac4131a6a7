package vn.loa.server.policy;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Zone;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneRepository;

/**
 * Units' security policies ({@code unit_policy}): a unit follows its own row, else the nearest unit above it that has
 * one, else {@link UnitPolicy#DEFAULT}. Admins read and set the policy of their unit and the units below. Blocking.
 */
public final class UnitPolicies {

    private final Jdbi jdbi;
    private final ZoneRepository zones;
    private final AuditLog audit;
    private final Clock clock;

    public UnitPolicies(Jdbi jdbi, ZoneRepository zones, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy in force at the unit whose path is {@code unitPath} ({@code /root/xa-a/}), on the caller's handle. */
    public UnitPolicy at(Handle h, String unitPath) {
        List<String> lineage = Arrays.stream(unitPath.split("/")).filter(s -> !s.isEmpty()).toList();
        if (lineage.isEmpty()) {
            return UnitPolicy.DEFAULT;
        }
        List<UnitPolicy> set = h.createQuery("SELECT unit_id, totp_required, four_eyes FROM unit_policy "
                        + "WHERE unit_id IN (<ids>)")
                .bindList("ids", lineage)
                .map((rs, ctx) -> new UnitPolicy(rs.getBoolean("totp_required"),
                        FourEyes.fromWire(rs.getString("four_eyes")), rs.getString("unit_id")))
                .list();
        for (int i = lineage.size() - 1; i >= 0; i--) {
            String id = lineage.get(i);
            for (UnitPolicy p : set) {
                if (p.setAt().equals(id)) {
                    return p;
                }
            }
        }
        return UnitPolicy.DEFAULT;
    }

    /** The policy in force at a unit in the admin's scope. */
    public UnitPolicy get(Caller admin, String unitId) {
        requireAdmin(admin);
        return jdbi.withHandle(h -> at(h, unit(h, admin, unitId).path()));
    }

    /** Sets a unit's own policy; the units below it without their own follow it. */
    public UnitPolicy set(Caller admin, String unitId, boolean totpRequired, FourEyes fourEyes) {
        requireAdmin(admin);
        return jdbi.inTransaction(h -> {
            Zone unit = unit(h, admin, unitId);
            UnitPolicy before = at(h, unit.path());
            h.createUpdate("DELETE FROM unit_policy WHERE unit_id = :id").bind("id", unitId).execute();
            h.createUpdate("INSERT INTO unit_policy (unit_id, totp_required, four_eyes, updated_by, updated_at) "
                            + "VALUES (:id, :totp, :eyes, :by, :at)")
                    .bind("id", unitId).bind("totp", totpRequired).bind("eyes", fourEyes.wireName())
                    .bind("by", admin.username()).bind("at", Rows.utc(clock.instant()))
                    .execute();
            audit.record(h, admin, "policy.change", "zone:" + unitId, "TOTP bắt buộc: "
                    + before.totpRequired() + " -> " + totpRequired + "; bốn mắt: " + before.fourEyes().wireName()
                    + " -> " + fourEyes.wireName());
            return at(h, unit.path());
        });
    }

    private Zone unit(Handle h, Caller admin, String unitId) {
        return zones.find(h, unitId).filter(z -> admin.covers(z.path()))
                .orElseThrow(() -> Refusal.notFound("đơn vị", unitId));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được xem và đặt chính sách bảo mật của đơn vị.");
        }
    }
}
