package vn.loa.server.device;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Scoped;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * Registering, changing and removing devices that live in a zone, within the caller's subtree, each change audited in
 * its own transaction. Blocking (JDBC).
 */
public final class DeviceRegistry<T> {

    private final Jdbi jdbi;
    private final ZonedRepository<T> devices;
    private final DeviceKind<T> kind;
    private final ZoneGuard zones;
    private final AuditLog audit;
    private final Clock clock;

    public DeviceRegistry(Jdbi jdbi, ZonedRepository<T> devices, DeviceKind<T> kind, ZoneGuard zones, AuditLog audit,
            Clock clock) {
        this.jdbi = jdbi;
        this.devices = devices;
        this.kind = kind;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
    }

    public List<T> list(Caller caller) {
        return jdbi.withHandle(h -> devices.inSubtree(h, caller.unitPath()));
    }

    public T get(Caller caller, String id) {
        return jdbi.withHandle(h -> visible(caller, devices.find(h, id).orElse(null), id));
    }

    /** Registers a device; {@code alsoInTransaction} runs after the insert, in the same transaction. */
    public T create(Caller caller, T device, BiConsumer<Handle, T> alsoInTransaction) {
        requireManager(caller);
        String id = kind.id().apply(device);
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, kind.zone().apply(device));
            if (devices.exists(h, id)) {
                throw Refusal.conflict("duplicate_id", "Đã có " + kind.noun() + " mang mã '" + id + "'. Hãy chọn mã khác.");
            }
            devices.insert(h, device, clock.instant());
            alsoInTransaction.accept(h, device);
            audit.record(h, caller, kind.auditName() + ".create", kind.auditName() + ":" + id, kind.describe().apply(device));
            return device;
        });
    }

    public T update(Caller caller, T device) {
        requireManager(caller);
        String id = kind.id().apply(device);
        return jdbi.inTransaction(h -> {
            visible(caller, devices.find(h, id).orElse(null), id);
            zones.inScope(h, caller, kind.zone().apply(device));
            devices.update(h, device, clock.instant());
            audit.record(h, caller, kind.auditName() + ".update", kind.auditName() + ":" + id, kind.describe().apply(device));
            return device;
        });
    }

    public void delete(Caller caller, String id) {
        requireManager(caller);
        jdbi.useTransaction(h -> {
            visible(caller, devices.find(h, id).orElse(null), id);
            devices.delete(h, id);
            audit.record(h, caller, kind.auditName() + ".delete", kind.auditName() + ":" + id, null);
        });
    }

    private T visible(Caller caller, Scoped<T> found, String id) {
        if (found == null || !caller.covers(found.zonePath())) {
            throw Refusal.notFound(kind.noun(), id);
        }
        return found.value();
    }

    private void requireManager(Caller caller) {
        if (!caller.may(Action.MANAGE_DEVICES)) {
            throw Refusal.forbidden("Chỉ kỹ thuật viên hoặc quản trị viên được đăng ký và sửa " + kind.noun() + ".");
        }
    }
}
