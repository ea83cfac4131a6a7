package vn.loa.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The free space of the data folder's disk, watched so that uploads stop before the disk fills: a full disk would take
 * the database down with it, and a commune's server must keep airing (and its emergencies working) while a
 * technician makes room. Below the limit, uploads are refused with 507 and {@code /health} says DEGRADED; above it
 * again they are taken at once, no restart needed.
 *
 * <p>Thread-safe; the space is read from the file system each time (one {@code statfs}).
 */
public final class DiskSpace implements Handler<RoutingContext> {

    private final Path folder;
    private final long minFree;

    /** @param minFree the fewest bytes that must stay free on the data folder's disk */
    public DiskSpace(Path folder, long minFree) {
        this.folder = folder;
        this.minFree = minFree;
    }

    /** Bytes this process may still write on the data folder's disk; 0 when it cannot be read. */
    public long free() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    public boolean low() {
        return free() < minFree;
    }

    /** Before an upload's body is read: refuses it with 507 when the disk is low. */
    @Override
    public void handle(RoutingContext ctx) {
        long free = free();
        if (free < minFree) {
            ctx.fail(new ApiError(507, "insufficient_storage", "Máy chủ sắp hết dung lượng đĩa (còn " + (free >> 20)
                    + " MB, cần ít nhất " + (minFree >> 20) + " MB): chưa nhận tệp mới. Các bản tin và tin khẩn cấp "
                    + "vẫn phát. Kỹ thuật viên hãy giải phóng dung lượng trên ổ của thư mục dữ liệu, rồi gửi lại. / The "
                    + "server's disk is nearly full; uploads resume once space is freed."));
            return;
        }
        ctx.next();
    }

    /** The figures for {@code /health}. */
    public io.vertx.core.json.JsonObject describe() {
        long free = free();
        return new io.vertx.core.json.JsonObject().put("status", free < minFree ? "DEGRADED" : "UP")
                .put("freeMb", free >> 20).put("minFreeMb", minFree >> 20);
    }
}
