package vn.loa.server.display.campaign;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import vn.loa.display.campaign.Campaign;
import vn.loa.display.screen.PlaylistItem;
import vn.loa.server.db.Rows;

/** SQL for display groups and campaigns. Stateless; every method runs on the caller's handle. */
public final class CampaignRepository {

    /** A campaign with the groups it is scheduled to. */
    public record Scheduled(Campaign campaign, List<String> groups) {
    }

    // ---- display groups

    public List<DisplayGroup> groups(Handle h, String ownerPrefix) {
        List<DisplayGroup> out = new ArrayList<>();
        h.createQuery("SELECT id, name, zone_id FROM display_group WHERE LEFT(owner_path, :n) = :p ORDER BY id")
                .bind("n", ownerPrefix.length()).bind("p", ownerPrefix)
                .map((rs, ctx) -> new DisplayGroup(rs.getString("id"), rs.getString("name"), rs.getString("zone_id"),
                        List.of()))
                .forEach(g -> out.add(new DisplayGroup(g.id(), g.name(), g.zoneId(), members(h, g.id()))));
        return out;
    }

    public Optional<DisplayGroup> group(Handle h, String id, String ownerPrefix) {
        return groups(h, ownerPrefix).stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public boolean groupExists(Handle h, String id) {
        return h.createQuery("SELECT COUNT(*) FROM display_group WHERE id = :id").bind("id", id).mapTo(Integer.class)
                .one() > 0;
    }

    private List<String> members(Handle h, String group) {
        return h.createQuery("SELECT board_id FROM display_group_board WHERE group_id = :g ORDER BY board_id")
                .bind("g", group).mapTo(String.class).list();
    }

    public void saveGroup(Handle h, DisplayGroup g, String ownerPath, String by, java.time.Instant now) {
        int changed = h.createUpdate("UPDATE display_group SET name = :name, zone_id = :zone WHERE id = :id")
                .bind("id", g.id()).bind("name", g.name()).bind("zone", g.zoneId()).execute();
        if (changed == 0) {
            h.createUpdate("INSERT INTO display_group (id, name, zone_id, owner_path, created_by, created_at) "
                            + "VALUES (:id, :name, :zone, :owner, :by, :at)")
                    .bind("id", g.id()).bind("name", g.name()).bind("zone", g.zoneId()).bind("owner", ownerPath)
                    .bind("by", by).bind("at", Rows.utc(now)).execute();
        }
        h.createUpdate("DELETE FROM display_group_board WHERE group_id = :g").bind("g", g.id()).execute();
        for (String board : g.boards()) {
            h.createUpdate("INSERT INTO display_group_board (group_id, board_id) VALUES (:g, :b)").bind("g", g.id())
                    .bind("b", board).execute();
        }
    }

    public boolean deleteGroup(Handle h, String id) {
        return h.createUpdate("DELETE FROM display_group WHERE id = :id").bind("id", id).execute() > 0;
    }

    // ---- campaigns

    public List<Scheduled> campaigns(Handle h, String ownerPrefix) {
        return load(h, h.createQuery("SELECT * FROM campaign WHERE LEFT(owner_path, :n) = :p ORDER BY id")
                .bind("n", ownerPrefix.length()).bind("p", ownerPrefix).map(CAMPAIGN).list());
    }

    /**
     * The campaigns scheduled to a board: through a group that names it, or a group of a zone whose subtree holds the
     * board's zone ({@code zonePath}).
     */
    public List<Campaign> forBoard(Handle h, String boardId, String zonePath) {
        return load(h, h.createQuery("SELECT * FROM campaign c WHERE EXISTS (SELECT 1 FROM campaign_group cg "
                        + "JOIN display_group g ON g.id = cg.group_id LEFT JOIN zone z ON z.id = g.zone_id "
                        + "WHERE cg.campaign_id = c.id AND (LEFT(:path, LENGTH(z.path)) = z.path OR EXISTS (SELECT 1 "
                        + "FROM display_group_board gb WHERE gb.group_id = g.id AND gb.board_id = :b))) ORDER BY c.id")
                .bind("b", boardId).bind("path", zonePath).map(CAMPAIGN).list())
                .stream().map(Scheduled::campaign).toList();
    }

    private static final org.jdbi.v3.core.mapper.RowMapper<Campaign> CAMPAIGN = (rs, ctx) -> new Campaign(
            rs.getString("id"), rs.getString("name"), Campaign.Mode.valueOf(rs.getString("mode")), rs.getInt("priority"),
            Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"), days(rs.getString("days")),
            time(rs.getString("start_time")), time(rs.getString("end_time")), rs.getString("layout"),
            rs.getInt("share_seconds"), List.of());

    /** Each campaign read with its items and groups. */
    private List<Scheduled> load(Handle h, List<Campaign> rows) {
        List<Scheduled> out = new ArrayList<>();
        for (Campaign c : rows) {
            List<PlaylistItem> items = h.createQuery("SELECT * FROM campaign_item WHERE campaign_id = :c ORDER BY position")
                    .bind("c", c.id()).map((rs, ctx) -> new PlaylistItem(rs.getString("id"),
                            PlaylistItem.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
                            rs.getString("media_id"), rs.getString("fit"), rs.getInt("seconds"), Set.of(), null, null,
                            rs.getString("region")))
                    .list();
            List<String> groups = h.createQuery("SELECT group_id FROM campaign_group WHERE campaign_id = :c "
                    + "ORDER BY group_id").bind("c", c.id()).mapTo(String.class).list();
            out.add(new Scheduled(new Campaign(c.id(), c.name(), c.mode(), c.priority(), c.startsAt(), c.endsAt(),
                    c.days(), c.from(), c.to(), c.layout(), c.shareSeconds(), items), groups));
        }
        return out;
    }

    public void saveCampaign(Handle h, Scheduled s, String ownerPath, String by, java.time.Instant now) {
        Campaign c = s.campaign();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", c.name());
        values.put("mode", c.mode().name());
        values.put("priority", c.priority());
        values.put("starts_at", c.startsAt() == null ? null : Rows.utc(c.startsAt()));
        values.put("ends_at", c.endsAt() == null ? null : Rows.utc(c.endsAt()));
        values.put("days", c.days().stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining()));
        values.put("start_time", c.from() == null ? null : c.from().toString());
        values.put("end_time", c.to() == null ? null : c.to().toString());
        values.put("layout", c.layout());
        values.put("share_seconds", c.shareSeconds());
        String set = values.keySet().stream().map(k -> k + " = :" + k).collect(Collectors.joining(", "));
        int changed = h.createUpdate("UPDATE campaign SET " + set + " WHERE id = :id").bindMap(values)
                .bind("id", c.id()).execute();
        if (changed == 0) {
            h.createUpdate("INSERT INTO campaign (id, " + String.join(", ", values.keySet())
                            + ", owner_path, created_by, created_at) VALUES (:id, "
                            + values.keySet().stream().map(k -> ":" + k).collect(Collectors.joining(", "))
                            + ", :owner, :by, :at)")
                    .bindMap(values).bind("id", c.id()).bind("owner", ownerPath).bind("by", by).bind("at", Rows.utc(now))
                    .execute();
        }
        h.createUpdate("DELETE FROM campaign_item WHERE campaign_id = :c").bind("c", c.id()).execute();
        int position = 0;
        for (PlaylistItem i : c.items()) {
            h.createUpdate("INSERT INTO campaign_item (campaign_id, position, id, kind, title, body, media_id, fit, "
                            + "seconds, region) VALUES (:c, :p, :id, :kind, :title, :body, :media, :fit, :seconds, :region)")
                    .bind("c", c.id()).bind("p", position++).bind("id", i.id()).bind("kind", i.kind().name())
                    .bind("title", i.title()).bind("body", i.body()).bind("media", i.mediaId()).bind("fit", i.fit())
                    .bind("seconds", i.seconds()).bind("region", i.region()).execute();
        }
        h.createUpdate("DELETE FROM campaign_group WHERE campaign_id = :c").bind("c", c.id()).execute();
        for (String g : s.groups()) {
            h.createUpdate("INSERT INTO campaign_group (campaign_id, group_id) VALUES (:c, :g)").bind("c", c.id())
                    .bind("g", g).execute();
        }
    }

    public boolean deleteCampaign(Handle h, String id) {
        return h.createUpdate("DELETE FROM campaign WHERE id = :id").bind("id", id).execute() > 0;
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        if (text != null) {
            text.chars().forEach(c -> out.add(DayOfWeek.of(c - '0')));
        }
        return out;
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }
}
