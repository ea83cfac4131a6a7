package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import vn.loa.display.screen.PlaylistItem;
import vn.loa.display.screen.MediaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Board;
import vn.loa.display.BoardProfile;
import vn.loa.display.ContentException;
import vn.loa.display.render.ImageLoader;
import vn.loa.display.render.VideoTranscoder;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.refusal.Refusal;

/**
 * Editing what a board shows: its playlist and the pictures and videos uploaded for it, within the caller's unit, each
 * change audited; and the players' proof-of-play reports. Blocking (JDBC, image decoding, ffmpeg): call on a worker.
 */
public final class BoardContent {

    /** The largest upload: 64 MB (a minute of HD video). */
    public static final long MEDIA_LIMIT = 64L * 1024 * 1024;

    private final Jdbi jdbi;
    private final DeviceRegistry<Board> boards;
    private final BoardContentRepository content;
    private final MediaStore store;
    private final BoardScreens screens;
    private final AuditLog audit;
    private final vn.loa.server.layout.LayoutCatalog layouts;
    private final Clock clock;
    private final ImageLoader images = new ImageLoader();
    private final VideoTranscoder videos = new VideoTranscoder(java.time.Duration.ofMinutes(5));

    public BoardContent(Jdbi jdbi, DeviceRegistry<Board> boards, BoardContentRepository content, MediaStore store,
            BoardScreens screens, vn.loa.server.layout.LayoutCatalog layouts, AuditLog audit, Clock clock) {
        this.layouts = layouts;
        this.jdbi = jdbi;
        this.boards = boards;
        this.content = content;
        this.store = store;
        this.screens = screens;
        this.audit = audit;
        this.clock = clock;
    }

    /** The board's playlist, after checking the caller may see the board. */
    public List<PlaylistItem> playlist(Caller caller, String boardId) {
        boards.get(caller, boardId);
        return jdbi.withHandle(h -> content.playlist(h, boardId));
    }

    /** Replaces the playlist; every media item must name media uploaded for this board, of its kind. */
    public Screen replace(Caller caller, String boardId, List<PlaylistItem> items) {
        requireEditor(caller);
        boards.get(caller, boardId);
        jdbi.useTransaction(h -> {
            for (PlaylistItem item : items) {
                if (item.kind() != PlaylistItem.Kind.TEXT) {
                    var media = content.media(h, item.mediaId()).filter(m -> m.boardId().equals(boardId))
                            .filter(m -> m.kind() == item.kind());
                    if (media.isEmpty()) {
                        throw Refusal.invalid("unknown_media", "Không có " + (item.kind() == PlaylistItem.Kind.IMAGE
                                ? "ảnh" : "video") + " '" + item.mediaId() + "' đã tải lên cho bảng tin này.");
                    }
                }
            }
            content.replacePlaylist(h, boardId, items);
            audit.record(h, caller, "board.playlist", "board:" + boardId, items.size() + " mục");
        });
        return screens.refresh(boardId).orElseThrow(() -> Refusal.notFound("bảng tin", boardId));
    }

    /**
     * Gives the board a layout, a template or a custom one that lies the same way as its screen, and draws the board
     * again before answering (so its snapshot shows the layout at once).
     */
    public void layout(Caller caller, String boardId, String layout) {
        requireEditor(caller);
        Board board = boards.get(caller, boardId);
        try {
            layouts.forBoard(layout, BoardProfile.of(board));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid_layout", "Không dùng được bố cục này: " + e.getMessage(), "layout");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE board SET layout = :l WHERE id = :id").bind("l", "full".equals(layout) ? null : layout)
                    .bind("id", boardId).execute();
            audit.record(h, caller, "board.layout", "board:" + boardId, layout);
        });
        screens.refresh(boardId);
    }

    /** Stores a picture (checked before decoding) or a video (transcoded for the board) uploaded for a board. */
    public BoardContentRepository.Media upload(Caller caller, String boardId, String contentType, String fileName,
            byte[] bytes) {
        requireEditor(caller);
        Board board = boards.get(caller, boardId);
        if (bytes.length == 0) {
            throw Refusal.invalid("empty_upload", "Tệp tải lên rỗng.");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String id = "m-" + UUID.randomUUID();
        BoardContentRepository.Media media;
        try {
            if (type.startsWith("image/")) {
                ImageLoader.Header header = decoded(images, bytes);
                Files.write(store.picture(id), bytes);
                media = new BoardContentRepository.Media(id, boardId, PlaylistItem.Kind.IMAGE, fileName,
                        header.width(), header.height(), bytes.length);
            } else if (type.startsWith("video/") || type.equals("application/octet-stream")) {
                media = video(BoardProfile.of(board), id, fileName, bytes);
            } else {
                throw new ContentException("unsupported_format", "Chỉ nhận ảnh (image/*) hoặc video (video/*), không nhận '"
                        + contentType + "'.");
            }
        } catch (ContentException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BoardContentRepository.Media stored = media;
        jdbi.useTransaction(h -> {
            content.insertMedia(h, stored, caller.username(), clock.instant());
            audit.record(h, caller, "board.media", "board:" + boardId, stored.kind() + " " + stored.id());
        });
        return stored;
    }

    private BoardContentRepository.Media video(BoardProfile profile, String id, String fileName, byte[] bytes)
            throws IOException {
        var incoming = store.incoming(id);
        try {
            Files.write(incoming, bytes);
            videos.transcode(incoming, profile, store.video(id), store.poster(id));
            return new BoardContentRepository.Media(id, profile.id(), PlaylistItem.Kind.VIDEO, fileName,
                    profile.canvasWidth() & ~1, profile.canvasHeight() & ~1, Files.size(store.video(id)));
        } catch (ContentException e) {
            Files.deleteIfExists(store.video(id));
            Files.deleteIfExists(store.poster(id));
            throw e;
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    public List<BoardContentRepository.Play> plays(Caller caller, String boardId, int limit) {
        boards.get(caller, boardId);
        return jdbi.withHandle(h -> content.plays(h, boardId, limit));
    }

    /**
     * Players' reports, each kept once however often it is sent, in one transaction; should that fail (two copies of a
     * report racing across servers), one at a time.
     *
     * @return how many were new
     */
    public int played(List<BoardContentRepository.Play> plays) {
        java.time.Instant now = clock.instant();
        try {
            return jdbi.inTransaction(h -> content.recordPlays(h, plays, now));
        } catch (org.jdbi.v3.core.JdbiException e) {
            return (int) plays.stream().filter(p -> jdbi.withHandle(h -> content.recordPlay(h, p, now))).count();
        }
    }

    /**
     * A picture's header, once it has been checked (its size, before decoding) and decoded whole: a picture that
     * passes is one every board can draw. The one check of uploaded pictures (board media, announcement slides).
     */
    static ImageLoader.Header decoded(ImageLoader images, byte[] bytes) {
        ImageLoader.Header header = images.header(bytes);
        images.read(bytes);
        return header;
    }

    static Refusal refusal(ContentException e) {
        Refusal.Kind kind = switch (e.code()) {
            case "image_too_large" -> Refusal.Kind.TOO_LARGE;
            case "unsupported_format" -> Refusal.Kind.UNSUPPORTED_TYPE;
            case "transcoder_unavailable" -> Refusal.Kind.UNAVAILABLE;
            default -> Refusal.Kind.INVALID;
        };
        return new Refusal(kind, e.code(), e.getMessage());
    }

    private static void requireEditor(Caller caller) {
        if (!caller.may(Action.COMPOSE) && !caller.may(Action.MANAGE_DEVICES)) {
            throw Refusal.forbidden("Chỉ cán bộ soạn tin, kỹ thuật viên hoặc quản trị viên được sửa nội dung bảng tin.");
        }
    }
}
