package vn.loa.server.display;

import vn.loa.display.screen.PlaylistItem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.loa.server.db.Rows;

/** SQL for what boards show: playlist items, uploaded media and proof of play. Stateless; runs on the caller's handle. */
public final class BoardContentRepository {

    /** An uploaded picture or video. */
    public record Media(String id, String boardId, PlaylistItem.Kind kind, String fileName, int width, int height,
            long sizeBytes) {
    }

    /** One report of a player: it showed item {@code itemId} at {@code shownAt} for {@code millis}. */
    public record Play(String boardId, String itemId, String kind, Instant shownAt, long millis) {
    }

    private static final RowMapper<PlaylistItem> ITEM = (rs, ctx) -> new PlaylistItem(rs.getString("id"),
            PlaylistItem.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
            rs.getString("media_id"), rs.getString("fit"), rs.getInt("seconds"), days(rs.getString("days")),
            time(rs.getString("start_time")), time(rs.getString("end_time")), rs.getString("region"));
    private static final RowMapper<Media> MEDIA = (rs, ctx) -> new Media(rs.getString("id"), rs.getString("board_id"),
            PlaylistItem.Kind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getInt("width"),
            rs.getInt("height"), rs.getLong("size_bytes"));

    public List<PlaylistItem> playlist(Handle h, String boardId) {
        return h.createQuery("SELECT * FROM board_item WHERE board_id = :b ORDER BY position")
                .bind("b", boardId).map(ITEM).list();
    }

    public void replacePlaylist(Handle h, String boardId, List<PlaylistItem> items) {
        h.createUpdate("DELETE FROM board_item WHERE board_id = :b").bind("b", boardId).execute();
        int position = 0;
        for (PlaylistItem i : items) {
            h.createUpdate("INSERT INTO board_item (board_id, position, id, kind, title, body, media_id, fit, seconds, "
                            + "days, start_time, end_time, region) VALUES (:b, :p, :id, :kind, :title, :body, :media, "
                            + ":fit, :seconds, :days, :from, :to, :region)")
                    .bind("b", boardId).bind("p", position++).bind("id", i.id()).bind("kind", i.kind().name())
                    .bind("title", i.title()).bind("body", i.body()).bind("media", i.mediaId()).bind("fit", i.fit())
                    .bind("seconds", i.seconds()).bind("days", days(i.days()))
                    .bind("from", i.from() == null ? null : i.from().toString())
                    .bind("to", i.to() == null ? null : i.to().toString()).bind("region", i.region())
                    .execute();
        }
    }

    public void insertMedia(Handle h, Media m, String createdBy, Instant now) {
        h.createUpdate("INSERT INTO board_media (id, board_id, kind, file_name, width, height, size_bytes, created_by, "
                        + "created_at) VALUES (:id, :boardId, :kind, :fileName, :width, :height, :sizeBytes, :by, :at)")
                .bindMethods(m).bind("kind", m.kind().name()).bind("by", createdBy).bind("at", Rows.utc(now))
                .execute();
    }

    public Optional<Media> media(Handle h, String id) {
        return h.createQuery("SELECT * FROM board_media WHERE id = :id").bind("id", id).map(MEDIA).findOne();
    }

    /**
     * Stores a report once: a second report of the same board, item and start (a player resending its queue after
     * an outage) is ignored. The campaign is the one the item belongs to now.
     *
     * @return false for a report already stored
     */
    public boolean recordPlay(Handle h, Play p, Instant receivedAt) {
        return recordPlays(h, List.of(p), receivedAt) > 0;
    }

    /**
     * Stores reports as one JDBC batch, each once (see {@link #recordPlay}); a unique violation (a race across
     * servers) fails the batch, and the caller stores them one at a time.
     *
     * @return how many were new
     */
    public int recordPlays(Handle h, List<Play> plays, Instant receivedAt) {
        var batch = h.prepareBatch("INSERT INTO board_play (board_id, item_id, kind, shown_at, millis, received_at, "
                + "campaign_id) SELECT :boardId, :itemId, :kind, :at, :millis, :received, "
                + "(SELECT campaign_id FROM campaign_item WHERE id = :itemId) FROM (VALUES (1)) AS one (x) "
                + "WHERE NOT EXISTS (SELECT 1 FROM board_play WHERE board_id = :boardId "
                + "AND item_id = :itemId AND shown_at = :at)");
        for (Play p : plays) {
            batch.bindMethods(p).bind("at", Rows.utc(p.shownAt())).bind("received", Rows.utc(receivedAt)).add();
        }
        try {
            return java.util.Arrays.stream(batch.execute()).map(n -> Math.max(0, n)).sum();
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Two copies of one report racing past NOT EXISTS: the unique index keeps one.
            if (plays.size() == 1 && e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    /** The newest reports first. */
    public List<Play> plays(Handle h, String boardId, int limit) {
        return h.createQuery("SELECT * FROM board_play WHERE board_id = :b ORDER BY shown_at DESC, id DESC LIMIT :n")
                .bind("b", boardId).bind("n", limit)
                .map((rs, ctx) -> new Play(rs.getString("board_id"), rs.getString("item_id"), rs.getString("kind"),
                        Rows.instant(rs, "shown_at"), rs.getLong("millis")))
                .list();
    }

    private static Set<DayOfWeek> days(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        return text.chars().mapToObj(c -> DayOfWeek.of(c - '0'))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    private static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining());
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }
}
