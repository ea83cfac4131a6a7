package vn.loa.server.display;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.display.ContentException;
import vn.loa.display.render.ImageLoader;
import vn.loa.display.screen.MediaStore;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The pictures of announcements for the boards (a poster, a map of the flooded road; ADR 0061): PNG or JPEG, checked
 * and decoded as board media are, kept once by SHA-256 in the board media folder ({@code s-<sha256>.img}) and named
 * by announcements in order. A draft's pictures may be changed; the boards show them while it is on air. A bulletin
 * from above brings its pictures through {@link #store} too. Blocking (JDBC, decoding): call on a worker.
 */
public final class AnnouncementSlides {

    /** The largest picture: 10 MB (a poster photographed by a phone). */
    public static final long LIMIT = 10L * 1024 * 1024;
    /** Pictures one announcement may carry. */
    static final int MAX_PER_ANNOUNCEMENT = 8;
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg");

    /** A stored picture: its hash, type ({@code image/png}, {@code image/jpeg}), bytes and pixels. */
    public record Picture(String sha256, String type, long size, int width, int height) {
    }

    private final Jdbi jdbi;
    private final MediaStore store;
    private final AnnouncementService announcements;
    private final AnnouncementRepository rows = new AnnouncementRepository();
    private final AuditLog audit;
    private final Clock clock;
    private final ImageLoader images = new ImageLoader();

    AnnouncementSlides(Jdbi jdbi, MediaStore store, AnnouncementService announcements, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.announcements = announcements;
        this.audit = audit;
        this.clock = clock;
    }

    /** The board media id of a picture: what a board's picture slide names. */
    static String mediaId(String sha256) {
        return "s-" + sha256;
    }

    /** Adds a picture to a draft the caller may edit; nothing is stored when the picture is refused. */
    public Picture add(Caller caller, long announcementId, String contentType, byte[] bytes) {
        editable(caller, announcementId);
        Picture p = store(contentType, bytes);
        jdbi.useTransaction(h -> {
            List<Picture> now = of(h, announcementId);
            if (now.stream().noneMatch(q -> q.sha256().equals(p.sha256()))) {
                if (now.size() >= MAX_PER_ANNOUNCEMENT) {
                    throw Refusal.invalid("too_many_slides", "Mỗi tin có tối đa " + MAX_PER_ANNOUNCEMENT
                            + " ảnh; hãy xóa bớt một ảnh trước.");
                }
                h.createUpdate("INSERT INTO announcement_slide (announcement_id, sha256, position) VALUES (:a, :s, :p)")
                        .bind("a", announcementId).bind("s", p.sha256()).bind("p", now.size()).execute();
                audit.record(h, caller, "announcement.slide", "announcement:" + announcementId, "+ " + p.sha256());
            }
        });
        return p;
    }

    /** The pictures of an announcement the caller may read, in order. */
    public List<Picture> list(Caller caller, long announcementId) {
        announcements.detail(caller, announcementId);
        return jdbi.withHandle(h -> of(h, announcementId));
    }

    /** A picture of an announcement the caller may read, for its thumbnail; not found unless it names it. */
    public Picture picture(Caller caller, long announcementId, String sha256) {
        return list(caller, announcementId).stream().filter(p -> p.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> Refusal.notFound("ảnh của tin", sha256));
    }

    /** Takes a picture off a draft; the bytes stay (another announcement or bulletin may name them). */
    public void remove(Caller caller, long announcementId, String sha256) {
        editable(caller, announcementId);
        jdbi.useTransaction(h -> {
            if (h.createUpdate("DELETE FROM announcement_slide WHERE announcement_id = :a AND sha256 = :s")
                    .bind("a", announcementId).bind("s", sha256).execute() == 0) {
                throw Refusal.notFound("ảnh của tin", sha256);
            }
            audit.record(h, caller, "announcement.slide", "announcement:" + announcementId, "- " + sha256);
        });
    }

    /** The pictures an announcement names, in order. */
    public List<Picture> of(Handle h, long announcementId) {
        return h.createQuery("SELECT p.sha256, p.type, p.size_bytes, p.width, p.height FROM announcement_slide s "
                        + "JOIN slide_picture p ON p.sha256 = s.sha256 WHERE s.announcement_id = :a ORDER BY s.position")
                .bind("a", announcementId).map((rs, ctx) -> new Picture(rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getInt(4), rs.getInt(5))).list();
    }

    /** The board media ids of an announcement's pictures, in order (the notice slides' pictures). */
    List<String> mediaIds(long announcementId) {
        return jdbi.withHandle(h -> of(h, announcementId)).stream().map(p -> mediaId(p.sha256())).toList();
    }

    /** Names held pictures as the pictures of an announcement (a bulletin's copy), in this order. */
    public void attach(Handle h, long announcementId, List<String> hashes) {
        for (int i = 0; i < hashes.size(); i++) {
            h.createUpdate("INSERT INTO announcement_slide (announcement_id, sha256, position) VALUES (:a, :s, :p)")
                    .bind("a", announcementId).bind("s", hashes.get(i)).bind("p", i).execute();
        }
    }

    /** True when the picture of this hash is held here. */
    public boolean holds(Handle h, String sha256) {
        return h.createQuery("SELECT COUNT(*) FROM slide_picture WHERE sha256 = :s").bind("s", sha256)
                .mapTo(Integer.class).one() > 0 && Files.isRegularFile(store.picture(mediaId(sha256)));
    }

    /** The folder pictures are kept in (a fetch writes there before the bytes are checked). */
    public Path folder() {
        return store.picture("x").getParent();
    }

    /** The file of a held picture. */
    public Path file(String sha256) {
        return store.picture(mediaId(sha256));
    }

    /**
     * Checks a picture (PNG or JPEG, at most {@link #LIMIT}, its size read before decoding, decoded whole) and keeps
     * it by its hash; a picture held already is not written again. Refuses in Vietnamese, storing nothing.
     */
    public Picture store(String contentType, byte[] bytes) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (bytes.length == 0) {
            throw Refusal.invalid("empty_upload", "Tệp ảnh rỗng.");
        }
        if (bytes.length > LIMIT) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "picture_too_large", "Ảnh " + bytes.length / 1024
                    + " kB quá lớn (tối đa " + LIMIT / 1024 / 1024 + " MB); hãy thu nhỏ ảnh rồi tải lại.");
        }
        if (!TYPES.contains(type)) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "unsupported_format", "Ảnh cho bảng tin là PNG hoặc "
                    + "JPEG (image/png, image/jpeg), không nhận '" + contentType + "'.");
        }
        ImageLoader.Header header;
        try {
            header = BoardContent.decoded(images, bytes);
        } catch (ContentException e) {
            throw BoardContent.refusal(e);
        }
        if (!type.equals("image/" + header.format().replace("jpg", "jpeg"))) {
            throw Refusal.invalid("corrupt_media", "Tệp không phải ảnh " + type.substring(6).toUpperCase(Locale.ROOT)
                    + " như khai báo (đọc được: " + header.format() + ").");
        }
        Picture p = new Picture(sha256(bytes), type, bytes.length, header.width(), header.height());
        Path file = store.picture(mediaId(p.sha256()));
        try {
            if (!Files.isRegularFile(file)) {
                Path part = store.incoming(mediaId(p.sha256()) + "-" + java.util.UUID.randomUUID());
                Files.write(part, bytes);
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO slide_picture (sha256, type, size_bytes, width, height, "
                        + "created_at) SELECT :s, :t, :n, :w, :h, :at WHERE NOT EXISTS (SELECT 1 FROM slide_picture "
                        + "WHERE sha256 = :s)").bind("s", p.sha256()).bind("t", type).bind("n", p.size())
                .bind("w", p.width()).bind("h", p.height()).bind("at", Rows.utc(clock.instant())).execute());
        return p;
    }

    private void editable(Caller caller, long announcementId) {
        if (!caller.may(Action.COMPOSE)) {
            throw Refusal.forbidden("Bạn không có quyền soạn tin.");
        }
        Announcement a = announcements.detail(caller, announcementId).announcement();
        if (a.state() != AnnouncementState.DRAFT) {
            throw Refusal.conflict("invalid_state", "Chỉ thêm hoặc bớt ảnh được khi tin còn là nháp (DRAFT); tin này "
                    + "đang ở " + a.state() + ".");
        }
        if (!jdbi.withHandle(h -> rows.zonePaths(h, announcementId)).stream().allMatch(caller::covers)) {
            throw Refusal.forbidden("Tin này phát cả ra ngoài đơn vị của bạn; chỉ cấp trên được thao tác.");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
