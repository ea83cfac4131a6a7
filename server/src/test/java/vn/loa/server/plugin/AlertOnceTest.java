package vn.loa.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.plugin.Alert;
import vn.loa.plugin.Unit;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.AnnouncementSteps;
import vn.loa.server.announcement.RelayPolicy;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.StepUp;
import vn.loa.server.http.ServerPaths;
import vn.loa.server.policy.UnitPolicies;
import vn.loa.server.testing.HeardAir;
import vn.loa.server.testing.MemoryDatabase;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.zone.ZoneGuard;
import vn.loa.server.zone.ZoneRepository;

/**
 * An alert trigger runs on every member of a cluster, so each member's {@link PluginOutlet} is handed the same alert at
 * about the same time (ADR 0049): exactly one of them airs it. Here several outlets on one database stand for the
 * members, each with its own air.
 */
class AlertOnceTest {

    private static final Instant EIGHT = Instant.parse("2026-12-07T01:00:00Z");
    private static final int MEMBERS = 4;
    private static final Unit XA = new Unit("xa", "/xa/");

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(EIGHT);
    private final MemoryDatabase db = new MemoryDatabase();
    private final Jdbi jdbi = db.jdbi();
    private final PluginStore store = new PluginStore();
    private final List<HeardAir> airs = new ArrayList<>();
    private final List<PluginOutlet> members = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(MEMBERS);

    @BeforeEach
    void commune() {
        db.zone("xa", null);
        db.zone("thon", "xa");
        jdbi.useHandle(h -> {
            store.save(h, new PluginStore.Config("iot-alerts", true, new JsonObject(), "xa", "/xa/"), "admin", EIGHT);
            store.actAs(h, PluginOutlet.actor("iot-alerts", "xa"), "iot-alerts", "xa", EIGHT);
        });
        for (int i = 0; i < MEMBERS; i++) {
            HeardAir air = new HeardAir();
            AuditLog audit = new AuditLog(clock, new ServerPaths(dataDir.resolve("m" + i)));
            ZoneRepository zones = new ZoneRepository();
            AnnouncementRepository rows = new AnnouncementRepository();
            AnnouncementService lifecycle = new AnnouncementService(jdbi, rows, new ZoneGuard(zones), audit,
                    new RelayPolicy(Set.of()), new StepUp(clock, Duration.ofMinutes(15)),
                    new UnitPolicies(jdbi, zones, audit, clock), new AnnouncementSteps(jdbi, rows, audit, clock), air,
                    (h, d, choice, self) -> d, (h, caller, id) -> false, clock);
            airs.add(air);
            members.add(new PluginOutlet(jdbi, store, lifecycle, null, clock));
        }
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theSameAlertRaisedOnEveryMemberAtOnceAirsOnceInAll() throws Exception {
        for (int round = 0; round < 20; round++) {
            Alert alert = new Alert("muc-nuoc-cao@" + round, Alert.Level.EMERGENCY, "Nước lên",
                    "Mực nước sông vượt báo động ba.", List.of("thon"));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> raised = new ArrayList<>();
            for (PluginOutlet member : members) {
                raised.add(threads.submit(() -> {
                    go.await();
                    member.raised("iot-alerts", XA, alert);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : raised) {
                f.get();
            }
        }
        long aired = airs.stream().mapToLong(a -> a.heard().stream().filter(s -> s.startsWith("scheduled")).count())
                .sum();
        assertThat(aired).as("alerts put on air by all the members together").isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM announcement")).as("announcements created").isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM plugin_item WHERE announcement_id IS NULL"))
                .as("every key names its announcement").isZero();
    }

    private int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void anAlertRefusedLeavesItsKeyFreeForTheNextTry() {
        Alert outside = new Alert("chay-rung", Alert.Level.PRIORITY, "Cháy rừng", "Có cháy ở bìa rừng.",
                List.of("khong-co"));
        assertThatThrownBy(() -> members.get(0).raised("iot-alerts", XA, outside)).isInstanceOf(RuntimeException.class);
        db.zone("khong-co", "xa");
        members.get(1).raised("iot-alerts", XA, outside);
        assertThat(airs.get(1).heard()).as("the same key aired once its zone exists").hasSize(1);
    }
}
