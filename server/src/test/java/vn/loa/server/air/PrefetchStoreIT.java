package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.core.model.Zone;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.access.Role;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.db.Database;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.user.User;
import vn.loa.server.user.UserRepository;
import vn.loa.server.zone.ZoneRepository;

/**
 * What a restarted server makes of the prefetch rows and files it finds, on a real (H2) database and folder with a
 * fixed clock: what it still serves, whom it still counts as holding a notice, and what it deletes.
 */
class PrefetchStoreIT {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private Database database;
    private Path folder;
    private final PrefetchRepository store = new PrefetchRepository();

    @BeforeEach
    void open() throws Exception {
        Properties p = ConfigLoader.defaults();
        p.setProperty("data.dir", vn.loa.server.testing.TempDirs.create("loa-prefetch-store-").toString());
        database = Database.open(ConfigLoader.from(p));
        folder = Files.createDirectories(Path.of(p.getProperty("data.dir")).resolve("prefetch"));
        database.jdbi().useTransaction(h -> {
            new ZoneRepository().insert(h, new Zone("root", "Tỉnh", null, "/root/"), NOW);
            new UserRepository().insert(h, new User("clerk", "Cán bộ", Role.CLERK, "root", "/root/", true), "x", NOW);
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anIntactFileIsServedAgainAndItsHoldersAreStillKnown() throws Exception {
        long id = stored(AnnouncementState.SCHEDULED, NOW.plusSeconds(600), "RIFF-intact");

        Prefetcher restored = restarted(NOW);

        assertThat(restored.file("loa-2", id)).contains(folder.resolve(id + ".wav"));
        assertThat(restored.file("loa-9", id)).as("not a node it was for").isEmpty();
        assertThat(restored.holders(id)).containsExactly("loa-1");
    }

    @Test
    void aFileChangedOnDiskIsNoLongerServedButItsHoldersStillGetNoLiveCopy() throws Exception {
        long id = stored(AnnouncementState.SCHEDULED, NOW.plusSeconds(600), "RIFF-before");
        Files.writeString(folder.resolve(id + ".wav"), "RIFF-after!");

        Prefetcher restored = restarted(NOW);

        assertThat(restored.file("loa-2", id)).isEmpty();
        assertThat(folder.resolve(id + ".wav")).doesNotExist();
        assertThat(restored.holders(id)).containsExactly("loa-1");
    }

    @Test
    void endedItemsGoAnHourAfterTheirTimeStuckOnesAfterAWeekAndFilesOfNoItemAtOnce() throws Exception {
        long aired = stored(AnnouncementState.DONE, NOW.minus(Duration.ofMinutes(61)), "RIFF-aired");
        long justAired = stored(AnnouncementState.DONE, NOW.minus(Duration.ofMinutes(10)), "RIFF-just");
        long stuck = stored(AnnouncementState.SCHEDULED, NOW.minus(Duration.ofDays(8)), "RIFF-stuck");
        long late = stored(AnnouncementState.SCHEDULED, NOW.minus(Duration.ofMinutes(5)), "RIFF-late");
        Files.writeString(folder.resolve("999.wav"), "RIFF-orphan");
        Files.writeString(folder.resolve(late + ".wav.part"), "RIFF-half");

        Prefetcher restored = restarted(NOW);

        assertThat(folder.resolve(aired + ".wav")).doesNotExist();
        assertThat(folder.resolve(stuck + ".wav")).doesNotExist();
        assertThat(folder.resolve("999.wav")).doesNotExist();
        assertThat(folder.resolve(late + ".wav.part")).doesNotExist();
        assertThat(restored.holders(aired)).isEmpty();
        assertThat(restored.holders(stuck)).isEmpty();
        // Aired late after downtime, the programme clock still needs to know who holds it.
        assertThat(restored.holders(late)).containsExactly("loa-1");
        assertThat(restored.holders(justAired)).containsExactly("loa-1");
        assertThat(ids()).containsExactlyInAnyOrder(justAired, late);

        Prefetcher later = restarted(NOW.plus(Duration.ofHours(1)));
        later.sweep();
        assertThat(ids()).containsExactly(late);
        assertThat(folder.resolve(justAired + ".wav")).doesNotExist();
    }

    /** An announcement in {@code state} prefetched for loa-1 (which fetched it) and loa-2, its file on disk. */
    private long stored(AnnouncementState state, Instant playAt, String content) throws Exception {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long id = database.jdbi().inTransaction(h -> new AnnouncementRepository().insert(h, new Announcement(0, "Tin",
                "Nội dung", null, null, List.of("root"), Priority.SCHEDULED, null, 1, true,
                new Schedule(playAt, null, null), state, "clerk", NOW, NOW)));
        Files.write(folder.resolve(id + ".wav"), bytes);
        database.jdbi().useTransaction(h -> {
            store.save(h, id, WavFile.sha256(folder.resolve(id + ".wav")), bytes.length, playAt,
                    List.of("loa-1", "loa-2"));
            store.fetched(h, id, "loa-1", NOW);
        });
        return id;
    }

    private Prefetcher restarted(Instant now) {
        NodeSessions sessions = new NodeSessions();
        Prefetcher prefetcher = new Prefetcher(database.jdbi(), new AirTargets(new ZoneRepository(),
                new NodeRepository(), sessions, node -> java.util.Optional.empty()), sessions, (a, unitPath) -> {
                    throw new IllegalStateException("this test renders nothing");
                }, folder, Runnable::run, Runnable::run, () -> false, Clock.fixed(now, ZoneOffset.UTC));
        prefetcher.restore();
        return prefetcher;
    }

    private List<Long> ids() {
        return database.jdbi().withHandle(h -> store.all(h)).stream().map(PrefetchRepository.Row::id).toList();
    }
}
