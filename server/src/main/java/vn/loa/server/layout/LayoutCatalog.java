package vn.loa.server.layout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import vn.loa.display.BoardProfile;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Layouts;
import vn.loa.display.layout.Region;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;

/**
 * Every layout a board may take by name: the shipped templates and the custom layouts of the {@code custom_layout}
 * table, the latter kept in memory (read at start, written through) since screens look them up on every refresh.
 */
public final class LayoutCatalog {

    /** A custom layout's regions at most: an editor's slip, not a board, would want more. */
    static final int MAX_REGIONS = 20;
    /** A region's smaller side at least, in its layout's canvas: thinner is a slip of the editor's numbers. */
    static final int MIN_REGION_SIDE = 8;

    /** A layout as listed, with whether it is a custom one and which unit drew it. */
    public record Entry(Layout layout, boolean custom, String ownerPath) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Entry> custom = new ConcurrentHashMap<>();
    private final List<Runnable> changes = new CopyOnWriteArrayList<>();

    public LayoutCatalog(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        jdbi.useHandle(h -> h.createQuery("SELECT body, owner_path FROM custom_layout").map((rs, c) ->
                new Entry(Layouts.read(rs.getString("body")), true, rs.getString("owner_path"))).list()
                .forEach(e -> custom.put(e.layout().name(), e)));
    }

    /** Runs after a custom layout changed or went, so boards showing it are drawn again. */
    public void onChange(Runnable r) {
        changes.add(r);
    }

    /** The templates first, in the order shipped, then the custom layouts by name. */
    public List<Entry> all() {
        List<Entry> all = new ArrayList<>(Layouts.all().stream().map(l -> new Entry(l, false, null)).toList());
        custom.values().stream().sorted(java.util.Comparator.comparing(e -> e.layout().name())).forEach(all::add);
        return all;
    }

    /**
     * The layout of that name, custom or template; the full screen for null or blank.
     *
     * @throws IllegalArgumentException for a name no layout has (in Vietnamese)
     */
    public Layout named(String name) {
        Entry e = name == null ? null : custom.get(name);
        return e != null ? e.layout() : Layouts.named(name);
    }

    /**
     * The named layout, if it suits the board's canvas.
     *
     * @throws IllegalArgumentException for an unknown name or a layout lying the other way (in Vietnamese)
     */
    public Layout forBoard(String name, BoardProfile board) {
        return Layouts.fit(named(name), board);
    }

    /** Stores a new custom layout, or replaces one the caller's unit drew. */
    public Entry save(Caller caller, Layout layout, boolean create) {
        requireEditor(caller);
        check(layout);
        if (Layouts.TEMPLATES.contains(layout.name())) {
            throw Refusal.conflict("layout_exists", "'" + layout.name() + "' là tên một bố cục mẫu; hãy chọn tên khác.");
        }
        Entry old = custom.get(layout.name());
        if (create && old != null) {
            throw Refusal.conflict("layout_exists", "Đã có bố cục tên '" + layout.name() + "'.");
        }
        if (!create) {
            old = own(caller, layout.name());
            if (portrait(old.layout()) != portrait(layout) && used(layout.name()) > 0) {
                throw Refusal.conflict("layout_in_use", "Bố cục '" + layout.name() + "' đang dùng trên bảng tin; "
                        + "không đổi được chiều " + (portrait(layout) ? "ngang sang dọc" : "dọc sang ngang") + ".");
            }
        }
        String owner = old == null ? caller.unitPath() : old.ownerPath();
        String body = LayoutJson.write(layout).encode();
        jdbi.useTransaction(h -> {
            // An update, else an insert: plain SQL both PostgreSQL and H2 (the UI tests) speak.
            boolean updated = h.createUpdate("UPDATE custom_layout SET title = :t, body = :b, updated_by = :u, "
                    + "updated_at = :at WHERE name = :n")
                    .bind("n", layout.name()).bind("t", layout.title()).bind("b", body)
                    .bind("u", caller.username()).bind("at", java.sql.Timestamp.from(clock.instant())).execute() > 0;
            if (!updated) {
                h.createUpdate("INSERT INTO custom_layout (name, title, body, owner_path, updated_by, updated_at) "
                        + "VALUES (:n, :t, :b, :o, :u, :at)")
                        .bind("n", layout.name()).bind("t", layout.title()).bind("b", body).bind("o", owner)
                        .bind("u", caller.username()).bind("at", java.sql.Timestamp.from(clock.instant())).execute();
            }
            audit.record(h, caller, "board.layout.save", "layout:" + layout.name(),
                    layout.width() + "×" + layout.height() + ", " + layout.regions().size() + " vùng");
        });
        Entry saved = new Entry(layout, true, owner);
        custom.put(layout.name(), saved);
        changes.forEach(Runnable::run);
        return saved;
    }

    /** Removes a custom layout no board or campaign names. */
    public void delete(Caller caller, String name) {
        requireEditor(caller);
        own(caller, name);
        int users = used(name);
        if (users > 0) {
            throw Refusal.conflict("layout_in_use", "Bố cục '" + name + "' đang được " + users
                    + " bảng tin hoặc chiến dịch dùng; hãy đổi bố cục của chúng trước khi xoá.");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM custom_layout WHERE name = :n").bind("n", name).execute();
            audit.record(h, caller, "board.layout.delete", "layout:" + name, "");
        });
        custom.remove(name);
        changes.forEach(Runnable::run);
    }

    /** What a layout must be beyond what {@link Layout} itself checks: not too many regions, none a sliver. */
    static void check(Layout layout) {
        if (layout.regions().size() > MAX_REGIONS) {
            throw Refusal.invalid("invalid_layout", "Bố cục có tối đa " + MAX_REGIONS + " vùng, không phải "
                    + layout.regions().size() + ".", "regions");
        }
        for (Region r : layout.regions()) {
            if (Math.min(r.width(), r.height()) < Math.min(MIN_REGION_SIDE, Math.min(layout.width(), layout.height()))) {
                throw Refusal.invalid("invalid_layout", "Vùng " + r.name() + " quá nhỏ (" + r.width() + "×" + r.height()
                        + "): mỗi cạnh cần ít nhất " + MIN_REGION_SIDE + " điểm ảnh.", "regions");
            }
        }
    }

    private Entry own(Caller caller, String name) {
        Entry e = custom.get(name);
        if (e == null || !e.ownerPath().startsWith(caller.unitPath())) {
            throw Refusal.notFound("bố cục", name);
        }
        return e;
    }

    private int used(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM board WHERE layout = :n) "
                + "+ (SELECT COUNT(*) FROM campaign WHERE layout = :n)").bind("n", name).mapTo(Integer.class).one());
    }

    private static boolean portrait(Layout l) {
        return l.height() > l.width();
    }

    private static void requireEditor(Caller caller) {
        if (!caller.may(Action.COMPOSE) && !caller.may(Action.MANAGE_DEVICES)) {
            throw Refusal.forbidden("Chỉ cán bộ soạn tin, kỹ thuật viên hoặc quản trị viên được sửa bố cục bảng tin.");
        }
    }
}
