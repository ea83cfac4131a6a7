package vn.loa.server.announcement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Delivery;
import vn.loa.core.model.DeliveryState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.db.Rows;

/** SQL for announcements, their target zones and their state history. Stateless; runs on the caller's handle. */
public final class AnnouncementRepository {

    private static final String COLUMNS = "a.id, a.title, a.body, a.audio_id, a.relay_url, a.priority, a.voice, "
            + "a.repeat_count, a.chime, a.schedule_at, a.schedule_cron, a.schedule_until, a.schedule_duration_s, "
            + "a.state, a.created_by, "
            + "a.created_at, a.updated_at";
    /** An announcement concerns a caller when one of its zones lies in, or encloses, the caller's unit. */
    private static final String OVERLAPS = "EXISTS (SELECT 1 FROM announcement_zone az JOIN zone z ON z.id = az.zone_id "
            + "WHERE az.announcement_id = a.id AND (LEFT(z.path, :n) = :prefix OR LEFT(:prefix, LENGTH(z.path)) = z.path))";

    public long insert(Handle h, Announcement a) {
        long id = h.createUpdate("INSERT INTO announcement (title, body, audio_id, relay_url, priority, voice, "
                        + "repeat_count, chime, schedule_at, schedule_cron, schedule_until, schedule_duration_s, state, "
                        + "created_by, "
                        + "created_at, updated_at) VALUES (:title, :text, :audioId, :relayUrl, :priority, :voice, :repeat, "
                        + ":chime, :at, :cron, :until, :duration, :state, :createdBy, :createdAt, :createdAt)")
                .bind("title", a.title()).bind("text", a.text()).bind("audioId", a.audioId())
                .bind("relayUrl", a.relayUrl()).bind("priority", a.priority().name()).bind("voice", a.voice())
                .bind("repeat", a.repeat()).bind("chime", a.chime())
                .bind("at", Rows.utc(a.schedule().at())).bind("cron", a.schedule().cron())
                .bind("until", Rows.utc(a.schedule().until())).bind("duration", seconds(a.schedule()))
                .bind("state", a.state().name()).bind("createdBy", a.createdBy()).bind("createdAt", Rows.utc(a.createdAt()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        insertZones(h, id, a.zones());
        insertPlaylist(h, id, a.playlist());
        return id;
    }

    private static void insertPlaylist(Handle h, long id, List<String> playlist) {
        var batch = h.prepareBatch("INSERT INTO announcement_playlist (announcement_id, seq, audio_id) VALUES (:a, :n, :au)");
        for (int n = 0; n < playlist.size(); n++) {
            batch.bind("a", id).bind("n", n).bind("au", playlist.get(n)).add();
        }
        if (!playlist.isEmpty()) {
            batch.execute();
        }
    }

    private static void insertZones(Handle h, long id, List<String> zones) {
        var batch = h.prepareBatch("INSERT INTO announcement_zone (announcement_id, zone_id) VALUES (:a, :z)");
        for (String zone : zones) {
            batch.bind("a", id).bind("z", zone).add();
        }
        batch.execute();
    }

    /** Replaces the content and targets of an announcement (a draft being edited). */
    public void update(Handle h, long id, AnnouncementDraft d, Instant at) {
        h.createUpdate("UPDATE announcement SET title = :title, body = :text, audio_id = :audioId, relay_url = :relayUrl, "
                        + "priority = :priority, voice = :voice, repeat_count = :repeat, chime = :chime, schedule_at = :at, "
                        + "schedule_cron = :cron, schedule_until = :until, schedule_duration_s = :duration, "
                        + "updated_at = :updatedAt WHERE id = :id")
                .bind("title", d.title()).bind("text", d.text()).bind("audioId", d.audioId())
                .bind("relayUrl", d.relayUrl()).bind("priority", d.priority().name()).bind("voice", d.voice())
                .bind("repeat", d.repeat()).bind("chime", d.chime())
                .bind("at", Rows.utc(d.schedule().at())).bind("cron", d.schedule().cron())
                .bind("until", Rows.utc(d.schedule().until())).bind("duration", seconds(d.schedule()))
                .bind("updatedAt", Rows.utc(at)).bind("id", id)
                .execute();
        h.createUpdate("DELETE FROM announcement_zone WHERE announcement_id = :id").bind("id", id).execute();
        insertZones(h, id, d.zones());
        h.createUpdate("DELETE FROM announcement_playlist WHERE announcement_id = :id").bind("id", id).execute();
        insertPlaylist(h, id, d.playlist());
    }

    public Optional<Announcement> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM announcement a WHERE a.id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne()
                .map(a -> withZones(a, zonesOf(h, List.of(a.id())).getOrDefault(a.id(), List.of()),
                        playlistsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of())));
    }

    /** A page of the announcements that concern a unit, newest first. */
    public List<Announcement> page(Handle h, String unitPath, AnnouncementState state, int limit, int offset) {
        String where = OVERLAPS + (state == null ? "" : " AND a.state = :state");
        var query = h.createQuery("SELECT " + COLUMNS + " FROM announcement a WHERE " + where
                        + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .bind("n", unitPath.length()).bind("prefix", unitPath)
                .bind("limit", limit).bind("offset", offset);
        if (state != null) {
            query.bind("state", state.name());
        }
        List<Announcement> rows = query.map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(Announcement::id).toList();
        Map<Long, List<String>> zones = zonesOf(h, ids);
        Map<Long, List<String>> playlists = playlistsOf(h, ids);
        return rows.stream().map(a -> withZones(a, zones.getOrDefault(a.id(), List.of()),
                playlists.getOrDefault(a.id(), List.of()))).toList();
    }

    /** Paths of the target zones, for scope checks. */
    public List<String> zonePaths(Handle h, long id) {
        return h.createQuery("SELECT z.path FROM announcement_zone az JOIN zone z ON z.id = az.zone_id "
                + "WHERE az.announcement_id = :id").bind("id", id).mapTo(String.class).list();
    }

    /** Moves the state only if nobody moved it meanwhile; false when the stored state was not {@code from}. */
    public boolean moveState(Handle h, long id, AnnouncementState from, AnnouncementState to, Instant at) {
        return h.createUpdate("UPDATE announcement SET state = :to, updated_at = :at WHERE id = :id AND state = :from")
                .bind("to", to.name()).bind("at", Rows.utc(at)).bind("id", id).bind("from", from.name())
                .execute() == 1;
    }

    public void recordTransition(Handle h, long id, AnnouncementState from, AnnouncementState to, String actor,
            String reason, Instant at) {
        h.createUpdate("INSERT INTO announcement_transition (announcement_id, from_state, to_state, actor, reason, at) "
                        + "VALUES (:id, :from, :to, :actor, :reason, :at)")
                .bind("id", id).bind("from", from == null ? null : from.name()).bind("to", to.name())
                .bind("actor", actor).bind("reason", reason).bind("at", Rows.utc(at))
                .execute();
    }

    public List<Transition> transitions(Handle h, long id) {
        return h.createQuery("SELECT from_state, to_state, actor, reason, at FROM announcement_transition "
                        + "WHERE announcement_id = :id ORDER BY id")
                .bind("id", id)
                .map((rs, ctx) -> new Transition(rs.getString("from_state"), rs.getString("to_state"),
                        rs.getString("actor"), rs.getString("reason"), Rows.instant(rs, "at")))
                .list();
    }

    /** What became of the announcement at each node, as the media pipeline and the node agents reported it. */
    public List<Delivery> deliveries(Handle h, long id) {
        List<Delivery> own = h.createQuery("SELECT node_id, state, detail, updated_at FROM delivery "
                        + "WHERE announcement_id = :id ORDER BY node_id")
                .bind("id", id)
                .map((rs, ctx) -> new Delivery(id, rs.getString("node_id"), DeliveryState.valueOf(rs.getString("state")),
                        rs.getString("detail"), Rows.instant(rs, "updated_at")))
                .list();
        // A notice a programme session aired was delivered where the session was (ADR 0058).
        List<Delivery> all = new ArrayList<>(own);
        SessionNotices.deliveries(h, List.of(id)).forEach(r -> all.add(new Delivery(id, r.node(), r.state(), r.detail(),
                r.at())));
        return all;
    }

    private Map<Long, List<String>> zonesOf(Handle h, List<Long> ids) {
        return listsOf(h, "SELECT announcement_id, zone_id FROM announcement_zone WHERE announcement_id IN (<ids>) "
                + "ORDER BY zone_id", ids);
    }

    /** The playlist of each announcement that has one, in airing order. */
    private Map<Long, List<String>> playlistsOf(Handle h, List<Long> ids) {
        return listsOf(h, "SELECT announcement_id, audio_id FROM announcement_playlist WHERE announcement_id IN (<ids>) "
                + "ORDER BY announcement_id, seq", ids);
    }

    /** Rows of (announcement id, value) gathered per announcement, in the query's order. */
    private static Map<Long, List<String>> listsOf(Handle h, String sql, List<Long> ids) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        h.createQuery(sql)
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static Announcement withZones(Announcement a, List<String> zones, List<String> playlist) {
        return new Announcement(a.id(), a.title(), a.text(), a.audioId(), a.relayUrl(), zones, a.priority(), a.voice(),
                a.repeat(), a.chime(), a.schedule(), a.state(), a.createdBy(), a.createdAt(), a.updatedAt(), playlist);
    }

    private static Long seconds(Schedule s) {
        return s.duration() == null ? null : s.duration().toSeconds();
    }

    private static Announcement row(ResultSet rs) throws SQLException {
        return new Announcement(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                rs.getString("audio_id"), rs.getString("relay_url"), List.of(), Priority.valueOf(rs.getString("priority")),
                rs.getString("voice"), rs.getInt("repeat_count"), rs.getBoolean("chime"),
                new Schedule(Rows.instant(rs, "schedule_at"), rs.getString("schedule_cron"),
                        Rows.instant(rs, "schedule_until"), rs.getObject("schedule_duration_s") == null ? null
                                : java.time.Duration.ofSeconds(rs.getLong("schedule_duration_s"))),
                AnnouncementState.valueOf(rs.getString("state")), rs.getString("created_by"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
