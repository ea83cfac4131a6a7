package vn.loa.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.core.model.Zone;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.access.Role;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.user.User;
import vn.loa.server.user.UserRepository;
import vn.loa.server.zone.ZoneRepository;

/** The repositories' SQL behaves the same on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"H2", "PostgreSQL"})
class RepositoriesIT {

    private static Database database;

    @Parameter
    String engine;

    private final ZoneRepository zones = new ZoneRepository();
    private final AnnouncementRepository announcements = new AnnouncementRepository();

    @BeforeParameterizedClassInvocation
    static void open(ArgumentsAccessor arguments) throws Exception {
        Properties p = ConfigLoader.defaults();
        p.setProperty("data.dir", Files.createTempDirectory("loa-repo-").toString());
        p.setProperty("db.url", arguments.getString(0).equals("H2") ? "" : PostgresCluster.shared().newDatabase());
        database = Database.open(ConfigLoader.from(p));
        database.jdbi().useTransaction(h -> {
            new ZoneRepository().insert(h, new Zone("root", "Tỉnh", null, "/root/"), Instant.now());
            new UserRepository().insert(h, new User("clerk", "Cán bộ", Role.CLERK, "root", "/root/", true), "x",
                    Instant.now());
        });
    }

    @AfterParameterizedClassInvocation
    static void close() {
        database.close();
    }

    private Jdbi jdbi() {
        return database.jdbi();
    }

    @Test
    void subtreeTreatsUnderscoresInIdsLiterally() {
        jdbi().useTransaction(h -> {
            zones.insert(h, new Zone("xa_1", "Xã 1", "root", "/root/xa_1/"), Instant.now());
            zones.insert(h, new Zone("xa11", "Xã 11", "root", "/root/xa11/"), Instant.now());
            zones.insert(h, new Zone("thon_1", "Thôn 1", "xa_1", "/root/xa_1/thon_1/"), Instant.now());
        });

        List<String> ids = jdbi().withHandle(h -> zones.subtree(h, "/root/xa_1/")).stream().map(Zone::id).toList();

        assertThat(ids).containsExactly("xa_1", "thon_1");
    }

    @Test
    void vietnameseTextAndInstantsRoundTrip() {
        Instant at = Instant.parse("2026-11-28T23:30:00Z");
        String text = "Ủy ban nhân dân xã thông báo: đường liên thôn ngập sâu 0,5 m — đề nghị bà con không qua lại.";
        long id = jdbi().inTransaction(h -> announcements.insert(h, new Announcement(0, "Cảnh báo ngập", text, null,
                null, List.of("root"), Priority.EMERGENCY, "vi", 2, true, new Schedule(at, null, null),
                AnnouncementState.APPROVED, "clerk", Instant.parse("2026-11-28T01:02:03Z"),
                Instant.parse("2026-11-28T01:02:03Z"))));

        Announcement stored = jdbi().withHandle(h -> announcements.find(h, id)).orElseThrow();

        assertThat(stored.text()).isEqualTo(text);
        assertThat(stored.schedule().at()).isEqualTo(at);
        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-11-28T01:02:03Z"));
        assertThat(stored.zones()).containsExactly("root");
    }

    @Test
    void stateMovesOnlyFromTheStateTheCallerSaw() {
        long id = jdbi().inTransaction(h -> announcements.insert(h, new Announcement(0, "Tin", "Nội dung", null, null,
                List.of("root"), Priority.SCHEDULED, null, 1, true, new Schedule(null, null, null),
                AnnouncementState.DRAFT, "clerk", Instant.now(), Instant.now())));

        boolean first = jdbi().inTransaction(h -> announcements.moveState(h, id, AnnouncementState.DRAFT,
                AnnouncementState.SUBMITTED, Instant.now()));
        boolean second = jdbi().inTransaction(h -> announcements.moveState(h, id, AnnouncementState.DRAFT,
                AnnouncementState.CANCELLED, Instant.now()));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbi().withHandle(h -> announcements.find(h, id)).orElseThrow().state())
                .isEqualTo(AnnouncementState.SUBMITTED);
    }

    @Test
    void deliveriesAreReadPerNodeEvenAfterTheNodeIsGone() {
        long id = jdbi().inTransaction(h -> announcements.insert(h, new Announcement(0, "Tin", "Nội dung", null, null,
                List.of("root"), Priority.SCHEDULED, null, 1, true, new Schedule(null, null, null),
                AnnouncementState.ON_AIR, "clerk", Instant.now(), Instant.now())));
        jdbi().useHandle(h -> h.execute("INSERT INTO delivery (announcement_id, node_id, state, detail, updated_at) "
                + "VALUES (?, 'loa-da-go', 'FAILED', 'mất kết nối 4G', ?)", id, Rows.utc(Instant.parse("2026-11-28T02:00:00Z"))));

        var deliveries = jdbi().withHandle(h -> announcements.deliveries(h, id));

        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.nodeId()).isEqualTo("loa-da-go");
            assertThat(d.state()).isEqualTo(vn.loa.core.model.DeliveryState.FAILED);
            assertThat(d.detail()).isEqualTo("mất kết nối 4G");
        });
    }
}
