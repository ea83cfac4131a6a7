package vn.loa.server.display.campaign;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Board;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneRepository;

/**
 * Display groups within the caller's unit: a zone of the unit and boards the caller can see, each change audited and
 * put on the boards at once. Blocking (JDBC); call on a worker.
 */
public final class DisplayGroups {

    private final Jdbi jdbi;
    private final DeviceRegistry<Board> boards;
    private final CampaignRepository repository;
    private final ZoneRepository zones = new ZoneRepository();
    private final Runnable refresh;
    private final AuditLog audit;
    private final Clock clock;

    /** @param refresh re-reads every board's screen (a group's change moves campaigns between boards) */
    public DisplayGroups(Jdbi jdbi, DeviceRegistry<Board> boards, CampaignRepository repository, Runnable refresh,
            AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.boards = boards;
        this.repository = repository;
        this.refresh = refresh;
        this.audit = audit;
        this.clock = clock;
    }

    public List<DisplayGroup> list(Caller caller) {
        return jdbi.withHandle(h -> repository.groups(h, caller.unitPath()));
    }

    public DisplayGroup get(Caller caller, String id) {
        return jdbi.withHandle(h -> repository.group(h, id, caller.unitPath()))
                .orElseThrow(() -> Refusal.notFound("nhóm bảng tin", id));
    }

    /** Creates the group, or replaces one of the caller's unit with that id. */
    public DisplayGroup save(Caller caller, DisplayGroup group, boolean create) {
        Editors.require(caller);
        if (group.zoneId() == null && group.boards().isEmpty()) {
            throw Refusal.invalid("empty_group", "Nhóm cần một địa bàn (zone) hoặc ít nhất một bảng tin.", "zone");
        }
        group.boards().forEach(b -> boards.get(caller, b)); // 404 for a board the caller cannot see
        jdbi.useTransaction(h -> {
            if (group.zoneId() != null) {
                zones.find(h, group.zoneId()).filter(z -> caller.covers(z.path()))
                        .orElseThrow(() -> Refusal.notFound("địa bàn", group.zoneId()));
            }
            boolean exists = repository.groupExists(h, group.id());
            if (create && exists) {
                throw Refusal.conflict("group_exists", "Đã có nhóm bảng tin mã '" + group.id() + "'.");
            }
            if (!create && repository.group(h, group.id(), caller.unitPath()).isEmpty()) {
                throw Refusal.notFound("nhóm bảng tin", group.id());
            }
            repository.saveGroup(h, group, caller.unitPath(), caller.username(), clock.instant());
            audit.record(h, caller, "board.group", "group:" + group.id(),
                    (group.zoneId() == null ? "" : "địa bàn " + group.zoneId() + ", ") + group.boards().size() + " bảng");
        });
        refresh.run();
        return get(caller, group.id());
    }

    public void delete(Caller caller, String id) {
        Editors.require(caller);
        get(caller, id);
        jdbi.useTransaction(h -> {
            repository.deleteGroup(h, id);
            audit.record(h, caller, "board.group.delete", "group:" + id, "");
        });
        refresh.run();
    }
}
