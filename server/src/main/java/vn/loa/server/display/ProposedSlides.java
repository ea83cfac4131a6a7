package vn.loa.server.display;

import vn.loa.display.screen.PlaylistItem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.loa.core.model.Board;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.refusal.Refusal;

/**
 * Text slides that plugins propose for boards: stored as PROPOSED in the plugin's unit, listed to that unit, and put on
 * boards' playlists (appended as a text item) or turned down by an approver; each step audited. Blocking (JDBC).
 */
public final class ProposedSlides {

    /** A slide awaiting or past its decision; {@code boards} are those it went on when approved. */
    public record Slide(long id, String plugin, String title, String body, String unitId, String state,
            Instant proposedAt, String decidedBy, List<String> boards, String reason) {
    }

    private static final RowMapper<Slide> SLIDE = (rs, ctx) -> new Slide(rs.getLong("id"), rs.getString("plugin"),
            rs.getString("title"), rs.getString("body"), rs.getString("unit_id"), rs.getString("state"),
            Rows.instant(rs, "proposed_at"), rs.getString("decided_by"),
            rs.getString("boards") == null || rs.getString("boards").isEmpty() ? List.of()
                    : List.of(rs.getString("boards").split(",")),
            rs.getString("reason"));

    private final Jdbi jdbi;
    private final DeviceRegistry<Board> boards;
    private final BoardContentRepository content;
    private final BoardScreens screens;
    private final AuditLog audit;
    private final Clock clock;

    ProposedSlides(Jdbi jdbi, DeviceRegistry<Board> boards, BoardContentRepository content, BoardScreens screens,
            AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.boards = boards;
        this.content = content;
        this.screens = screens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores a plugin's slide in its unit ({@code plugin} acts as {@code caller}); a key that unit's instance proposed
     * before is ignored.
     */
    public void propose(Caller plugin, String name, String key, String title, String body) {
        jdbi.useTransaction(h -> {
            boolean seen = h.createQuery("SELECT COUNT(*) FROM proposed_slide WHERE plugin = :p AND unit_id = :u "
                            + "AND item_key = :k")
                    .bind("p", name).bind("u", plugin.unitId()).bind("k", key).mapTo(Integer.class).one() > 0;
            if (seen) {
                return;
            }
            long id = h.createUpdate("INSERT INTO proposed_slide (plugin, item_key, title, body, unit_id, state, "
                            + "proposed_at) VALUES (:p, :k, :title, :body, :unit, 'PROPOSED', :at)")
                    .bind("p", name).bind("k", key).bind("title", title).bind("body", body)
                    .bind("unit", plugin.unitId()).bind("at", Rows.utc(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, plugin, "slide.propose", "slide:" + id, title);
        });
    }

    /** The slides awaiting a decision in the caller's unit and below, oldest first. */
    public List<Slide> proposed(Caller caller) {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.* FROM proposed_slide s JOIN zone z ON z.id = s.unit_id "
                        + "WHERE s.state = 'PROPOSED' AND z.path LIKE :scope ORDER BY s.id")
                .bind("scope", caller.unitPath() + "%").map(SLIDE).list());
    }

    /** Appends the slide to each board's playlist, shown {@code seconds} a page; boards outside the unit are a 404. */
    public Slide approve(Caller caller, long id, List<String> boardIds, int seconds) {
        requireApprover(caller);
        if (boardIds.isEmpty()) {
            throw Refusal.invalid("missing_boards", "Chọn ít nhất một bảng tin để đưa trang chữ lên.");
        }
        if (seconds < 1 || seconds > 3600) {
            throw Refusal.invalid("invalid_seconds", "Thời gian hiển thị phải từ 1 đến 3600 giây.");
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(boardIds));
        ids.forEach(b -> boards.get(caller, b));
        Slide slide = pending(caller, id);
        jdbi.useTransaction(h -> {
            for (String b : ids) {
                List<PlaylistItem> items = new ArrayList<>(content.playlist(h, b));
                items.add(new PlaylistItem("slide-" + id, PlaylistItem.Kind.TEXT, slide.title(), slide.body(), null,
                        null, seconds, java.util.Set.of(), null, null));
                content.replacePlaylist(h, b, items);
            }
            decide(h, id, caller, "APPROVED", String.join(",", ids), null);
            audit.record(h, caller, "slide.approve", "slide:" + id, String.join(", ", ids));
        });
        ids.forEach(screens::refresh);
        return find(id);
    }

    /** Turns the slide down; the reason is kept and audited. */
    public Slide reject(Caller caller, long id, String reason) {
        requireApprover(caller);
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("missing_reason", "Cần ghi lý do từ chối.");
        }
        pending(caller, id);
        String why = reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbi.useTransaction(h -> {
            decide(h, id, caller, "REJECTED", null, why);
            audit.record(h, caller, "slide.reject", "slide:" + id, why);
        });
        return find(id);
    }

    private void decide(org.jdbi.v3.core.Handle h, long id, Caller caller, String state, String boardIds,
            String reason) {
        h.createUpdate("UPDATE proposed_slide SET state = :s, decided_by = :by, decided_at = :at, boards = :b, "
                        + "reason = :r WHERE id = :id")
                .bind("s", state).bind("by", caller.username()).bind("at", Rows.utc(clock.instant()))
                .bind("b", boardIds).bind("r", reason).bind("id", id).execute();
    }

    private Slide pending(Caller caller, long id) {
        Slide slide = proposed(caller).stream().filter(s -> s.id() == id).findFirst().orElse(null);
        if (slide == null) {
            if (jdbi.withHandle(h -> h.createQuery("SELECT s.state FROM proposed_slide s JOIN zone z ON z.id = s.unit_id"
                    + " WHERE s.id = :id AND z.path LIKE :scope").bind("id", id).bind("scope", caller.unitPath() + "%")
                    .mapTo(String.class).findOne()).isPresent()) {
                throw Refusal.conflict("already_decided", "Trang chữ này đã được duyệt hoặc từ chối rồi.");
            }
            throw Refusal.notFound("trang chữ đề xuất", String.valueOf(id));
        }
        return slide;
    }

    private Slide find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM proposed_slide WHERE id = :id").bind("id", id)
                .map(SLIDE).one());
    }

    private static void requireApprover(Caller caller) {
        if (!caller.may(Action.APPROVE)) {
            throw Refusal.forbidden("Chỉ cán bộ duyệt tin hoặc quản trị viên được duyệt trang chữ đề xuất.");
        }
    }
}
