package vn.loa.server.hotline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/** The answered calls of the caller's unit and below, and their recordings. Blocking (JDBC, files). */
public final class HotlineCalls {

    private final Jdbi jdbi;
    private final Path recordings;

    public HotlineCalls(Jdbi jdbi, Path recordings) {
        this.jdbi = jdbi;
        this.recordings = recordings.toAbsolutePath().normalize();
    }

    public JsonArray list(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> new JsonArray(h.createQuery("SELECT id, call_ref, number, address, outcome, "
                        + "recording, announcement_id, started_at, ended_at FROM hotline_call "
                        + "WHERE LEFT(unit_path, :n) = :prefix ORDER BY id DESC LIMIT 200")
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> {
                    JsonObject json = new JsonObject().put("id", rs.getLong("id")).put("call", rs.getString("call_ref"))
                            .put("number", rs.getString("number")).put("address", rs.getString("address"))
                            .put("outcome", rs.getString("outcome")).put("recorded", rs.getString("recording") != null)
                            .put("startedAt", Rows.instant(rs, "started_at").toString())
                            .put("endedAt", Rows.instant(rs, "ended_at").toString());
                    long announcement = rs.getLong("announcement_id");
                    return rs.wasNull() ? json : json.put("announcement", announcement);
                }).list()));
    }

    /** The WAV recording of a call in the caller's scope. */
    public byte[] recording(Caller caller, long id) throws java.io.IOException {
        requireAdmin(caller);
        String file = jdbi.withHandle(h -> h.createQuery("SELECT recording FROM hotline_call WHERE id = :id "
                        + "AND LEFT(unit_path, :n) = :prefix").bind("id", id)
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .mapTo(String.class).findOne().orElse(null));
        Path path = file == null ? null : Path.of(file).toAbsolutePath().normalize();
        if (path == null || !path.startsWith(recordings) || !Files.isRegularFile(path)) {
            throw Refusal.notFound("bản ghi âm cuộc gọi", String.valueOf(id));
        }
        return Files.readAllBytes(path);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được xem các cuộc gọi đường dây nóng.");
        }
    }
}
