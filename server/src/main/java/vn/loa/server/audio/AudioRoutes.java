package vn.loa.server.audio;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * HTTP route of {@code POST /api/v1/audio}: a multipart upload of one recorded programme (field {@code file}).
 *
 * <p>Mounted ahead of the API's own body handler, whose limit is sized for JSON. The caller is authenticated before a
 * byte of the body is read, and the body goes to a file in the data folder, never into memory. A body declared larger
 * than the limit is refused from its headers alone; one that grows past the limit is cut off there and its partial
 * file deleted, so a 2 GB upload never fills the disk.
 */
public final class AudioRoutes {

    private final AudioLibrary library;
    private final long limit;
    private final Blocking blocking;

    public AudioRoutes(AudioLibrary library, long limit, Blocking blocking) {
        this.library = library;
        this.limit = limit;
        this.blocking = blocking;
    }

    public void mountUpload(Router router, Handler<RoutingContext> authenticator) {
        // Two routes because Vert.x puts a body handler first on its route; the router holds the body back until then.
        router.post("/api/v1/audio").order(-2).handler(authenticator);
        router.post("/api/v1/audio").order(-1)
                .handler(BodyHandler.create(library.uploadsFolder().toString()).setBodyLimit(limit)
                        .setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(false))
                .handler(this::upload)
                .failureHandler(this::tooLarge);
    }

    /** {@code GET /api/v1/audio/{audioId}}: the stored programme as uploaded, for the clerks' "Nghe" player. */
    public void mount(io.vertx.ext.web.openapi.router.RouterBuilder api) {
        api.getRoute("getAudio").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String id = ctx.pathParam("audioId");
            blocking.run(() -> library.listen(caller, id))
                    .onSuccess(f -> ctx.response().putHeader("Content-Type", f.type())
                            .putHeader("Cache-Control", "private, max-age=3600").sendFile(f.path().toString()))
                    .onFailure(ctx::fail);
        });
    }

    private void upload(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        List<FileUpload> uploads = ctx.fileUploads();
        if (uploads.size() != 1) {
            throw Refusal.invalid("missing_file", "Hãy gửi đúng một tệp âm thanh trong trường 'file' "
                    + "(multipart/form-data).");
        }
        FileUpload upload = uploads.get(0);
        Replies.reply(ctx, 201, blocking.run(() -> {
            AudioFile f = library.store(caller, upload.fileName(), Path.of(upload.uploadedFileName()));
            return new JsonObject().put("audioId", f.id()).put("durationMs", f.durationMs()).put("name", f.name())
                    .put("format", f.format().name()).put("sizeBytes", f.sizeBytes());
        }));
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.response().closed() || ctx.response().ended()) {
            // Answered already (a 413), or the client went away mid-upload: nothing went wrong in Loa.
            return;
        }
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            // The rest of an oversized body is not worth reading: the connection closes once the answer is out.
            ctx.response().putHeader("Connection", "close");
            Replies.json(ctx, 413, new JsonObject().put("error", "file_too_large").put("message",
                    "Tệp quá lớn: mỗi chương trình ghi âm tối đa " + limit / (1024 * 1024) + " MB. Hãy cắt ngắn hoặc "
                            + "nén tệp (ví dụ MP3 64 kbit/s) rồi tải lên lại."));
            return;
        }
        ctx.next();
    }
}
