package vn.loa.server.board;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Board;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Action;
import vn.loa.server.auth.Caller;
import vn.loa.server.db.Scoped;
import vn.loa.server.http.ApiError;
import vn.loa.server.zone.ZoneGuard;

/** Registering and changing display boards within the caller's subtree. Blocking (JDBC). */
public final class BoardService {

    private final Jdbi jdbi;
    private final BoardRepository boards;
    private final ZoneGuard zones;
    private final AuditLog audit;
    private final Clock clock;

    public BoardService(Jdbi jdbi, BoardRepository boards, ZoneGuard zones, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.boards = boards;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Board> list(Caller caller) {
        return jdbi.withHandle(h -> boards.inSubtree(h, caller.unitPath()));
    }

    public Board get(Caller caller, String id) {
        return jdbi.withHandle(h -> visible(caller, boards.find(h, id).orElse(null), id));
    }

    public Board create(Caller caller, Board board) {
        requireManager(caller);
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, board.zone());
            if (boards.exists(h, board.id())) {
                throw ApiError.conflict("duplicate_id", "Đã có bảng tin mang mã '" + board.id() + "'. Hãy chọn mã khác.");
            }
            boards.insert(h, board, clock.instant());
            audit.record(h, caller, "board.create", "board:" + board.id(), board.name() + " @ " + board.zone());
            return board;
        });
    }

    public Board update(Caller caller, Board board) {
        requireManager(caller);
        return jdbi.inTransaction(h -> {
            visible(caller, boards.find(h, board.id()).orElse(null), board.id());
            zones.inScope(h, caller, board.zone());
            boards.update(h, board, clock.instant());
            audit.record(h, caller, "board.update", "board:" + board.id(), board.name() + " @ " + board.zone());
            return board;
        });
    }

    public void delete(Caller caller, String id) {
        requireManager(caller);
        jdbi.useTransaction(h -> {
            visible(caller, boards.find(h, id).orElse(null), id);
            boards.delete(h, id);
            audit.record(h, caller, "board.delete", "board:" + id, null);
        });
    }

    private static Board visible(Caller caller, Scoped<Board> found, String id) {
        if (found == null || !caller.covers(found.zonePath())) {
            throw ApiError.notFound("bảng tin", id);
        }
        return found.value();
    }

    private static void requireManager(Caller caller) {
        if (!caller.may(Action.MANAGE_DEVICES)) {
            throw ApiError.forbidden("Chỉ kỹ thuật viên hoặc quản trị viên được đăng ký và sửa bảng tin.");
        }
    }
}
