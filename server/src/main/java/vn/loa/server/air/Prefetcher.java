package vn.loa.server.air;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.wire.control.ControlMessage;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.DeliveryState;
import vn.loa.core.model.NodeKind;

/**
 * Store-and-forward: renders a scheduled announcement ahead of its time into a WAV file, tells its zones' node agents
 * to fetch it ({@link ControlMessage.Prefetch}, with the file's SHA-256 and the time to play), and keeps it for them
 * until they have. A node plays the file at its time by its own clock, so a link that drops meanwhile loses nothing;
 * its reports (FETCHED, then PLAYED or FAILED) land in the delivery records like a live broadcast's.
 *
 * <p>The items and which nodes fetched them are kept in memory for the lookups of the air and the file route, and
 * written to the database ({@link PrefetchRepository}) wherever they change, so a restarted server reads them back
 * ({@link #restore}) and neither sends holders a live copy nor forgets to send the file to the others.
 *
 * <p>{@link #prefetch} is the trigger: the broadcast of a one-off item with a later time calls it, and a scheduler can
 * call it for each coming occurrence. Rendering, cancelling and sweeping run in order on an executor of their own, so
 * a file of hours being written holds back nothing that airs now; the rest is thread-safe.
 */
public final class Prefetcher {

    /** The rate of the prefetched files: wide-band speech at 32 KB/s, a minute's notice in 2 MB. */
    static final int SAMPLE_RATE = 16_000;
    /** Where a node fetches an announcement's file, under the API; the file name is {@code <id>.wav}. */
    public static final String PATH = "/api/v1/nodes/prefetch/";
    private static final Logger LOG = LoggerFactory.getLogger(Prefetcher.class);

    /**
     * How long after its play time an ended announcement's file and rows are kept. Agents play a stored file up to
     * 30 s late by their own clocks and report PLAYED when their link allows; an hour leaves room for both and for a
     * look at the served file afterwards, and bounds the prefetch folder to about an hour of notices.
     */
    static final Duration KEEP_ENDED = Duration.ofHours(1);
    /**
     * How long after its play time an item whose announcement has not ended is kept: the programme clock may still
     * air it late after downtime (up to {@code schedule.late.limit}, at most a week), and then it needs the holders
     * so as not to send them a second, live copy.
     */
    static final Duration KEEP_WAITING = Duration.ofDays(7);

    /**
     * One prefetched announcement: its file (null once it is no longer served), the nodes it is for, and those that
     * have it stored and checked.
     */
    record Item(long id, Path file, String sha256, long bytes, Instant playAt, Set<String> nodes, Set<String> fetched) {
        ControlMessage.Prefetch message() {
            return new ControlMessage.Prefetch(String.valueOf(id), PATH + id + ".wav", sha256, bytes, playAt);
        }
    }

    private final Jdbi jdbi;
    private final AirTargets targets;
    private final NodeSessions sessions;
    private final Sounds sounds;
    private final Path directory;
    private final Executor worker;
    private final Executor makers;
    private final Clock clock;
    private final java.util.function.BooleanSupplier diskLow;
    private final DeliveryRepository deliveries = new DeliveryRepository();
    private final PrefetchRepository store = new PrefetchRepository();
    private final Map<Long, Item> items = new ConcurrentHashMap<>();

    /** What an announcement sounds like before mixing (its text spoken, or its recording). */
    interface Sounds {
        Sound of(Announcement a, String unitPath);
    }

    /**
     * @param sounds what an announcement sounds like: the air's own, so files sound exactly as the air does
     * @param makers where the sound of a file is made while it is written (see {@link Sound})
     */
    Prefetcher(Jdbi jdbi, AirTargets targets, NodeSessions sessions, Sounds sounds, Path directory, Executor worker,
            Executor makers, java.util.function.BooleanSupplier diskLow, Clock clock) {
        this.sounds = sounds;
        this.makers = makers;
        this.diskLow = diskLow;
        this.jdbi = jdbi;
        this.targets = targets;
        this.sessions = sessions;
        this.directory = directory;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Renders {@code a} and sends it ahead to the node agents of its zones, to play at {@code playAt}. Returns at
     * once. Third-party RTP speakers cannot store audio: they get the live stream when the item airs.
     */
    public void prefetch(Announcement a, Instant playAt) {
        worker.execute(() -> {
            try {
                render(a, playAt);
            } catch (RuntimeException e) {
                LOG.warn("announcement {} could not be prefetched; it will air live", a.id(), e);
            }
        });
    }

    private void render(Announcement a, Instant playAt) {
        if ((a.text() == null && a.audioId() == null && !a.isPlaylist()) || !playAt.isAfter(clock.instant())) {
            return;
        }
        List<AirTargets.Target> agents = jdbi.withHandle(h -> targets.below(h, a.zones(), a.priority(), playAt))
                .values().stream().flatMap(List::stream)
                .filter(t -> t.node().kind() == NodeKind.AGENT && !AirTargets.OFF_HOURS.equals(t.unreachable())).toList();
        if (agents.isEmpty()) {
            return;
        }
        if (diskLow.getAsBoolean()) {
            // The disk is nearly full: the agents get the live stream at its time, as RTP speakers do (ADR 0025).
            LOG.warn("disk nearly full: announcement {} is not rendered ahead; it will air live", a.id());
            return;
        }
        String unitPath = jdbi.withHandle(h -> targets.pathOf(h, a.zones().get(0)));
        Path file = directory.resolve(a.id() + ".wav");
        Path part = directory.resolve(a.id() + ".wav.part");
        WavFile.Written wav;
        try {
            Files.createDirectories(directory);
            wav = WavFile.write(Programme.of(a, sounds.of(a, unitPath)).mixed(SAMPLE_RATE, makers), SAMPLE_RATE, part);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            delete(part); // a disk that filled while writing gets its space back
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        Set<String> nodes = ConcurrentHashMap.newKeySet();
        agents.forEach(t -> nodes.add(t.node().id()));
        Item item = new Item(a.id(), file, wav.sha256(), wav.bytes(), playAt, nodes, ConcurrentHashMap.newKeySet());
        items.put(a.id(), item);
        String detail = "tải trước, phát lúc / prefetch, plays at " + playAt;
        jdbi.useTransaction(h -> {
            store.save(h, a.id(), item.sha256(), item.bytes(), playAt, nodes);
            nodes.forEach(n -> deliveries.record(h, a.id(), n, DeliveryState.PENDING, detail, clock.instant()));
        });
        nodes.forEach(n -> sessions.find(n).ifPresent(s -> s.send(item.message())));
        LOG.info("announcement {} prefetched for {} node(s), {} bytes, plays at {}", a.id(), nodes.size(), wav.bytes(),
                playAt);
    }

    /** An agent connected: it is sent what it should have fetched and has not, while there is still time. */
    void arrived(NodeSession session) {
        Instant now = clock.instant();
        for (Item item : items.values()) {
            if (item.file() != null && item.nodes().contains(session.nodeId())
                    && !item.fetched().contains(session.nodeId()) && item.playAt().isAfter(now)) {
                session.send(item.message());
            }
        }
    }

    /** The file of announcement {@code id} if node {@code nodeId} is one it was prefetched for and it is served. */
    Optional<Path> file(String nodeId, long id) {
        return Optional.ofNullable(items.get(id)).filter(i -> i.nodes().contains(nodeId)).map(Item::file);
    }

    /** The nodes that hold announcement {@code id}'s file, checked: the live stream need not reach them. */
    Set<String> holders(long id) {
        Item item = items.get(id);
        return item == null ? Set.of() : Set.copyOf(item.fetched());
    }

    /** Notes an agent's report; a FETCHED one makes the node a holder. Blocks (a database write). */
    void reported(String nodeId, ControlMessage.Played played) {
        if (!"FETCHED".equals(played.outcome())) {
            return;
        }
        try {
            Item item = items.get(Long.parseLong(played.announcement()));
            if (item != null && item.nodes().contains(nodeId) && item.fetched().add(nodeId)) {
                jdbi.useHandle(h -> store.fetched(h, item.id(), nodeId, clock.instant()));
            }
        } catch (NumberFormatException e) {
            // not one of ours
        }
    }

    /** {@link #cancel}, after any rendering of the announcement already queued (so its file is not sent after all). */
    void cancelLater(long id) {
        worker.execute(() -> cancel(id));
    }

    /** The announcement was cancelled: its nodes drop the file and do not play it. Blocks. */
    void cancel(long id) {
        Item item = items.remove(id);
        if (item != null) {
            item.nodes().forEach(n -> sessions.find(n).ifPresent(s ->
                    s.send(new ControlMessage.Stop(String.valueOf(id), "CANCELLED"))));
            forget(id);
        }
    }

    /**
     * Reads back what was prefetched before a restart, so nodes that hold a notice still get no live copy and those
     * that have not fetched it yet are still sent it. A file that is missing or no longer matches its SHA-256 is not
     * served again (those nodes hear the notice live), but its holders are kept: their own copies are fine. Ended
     * items and files of no item are deleted. Blocks; call before agents connect.
     */
    void restore() {
        sweep();
        Instant now = clock.instant();
        for (PrefetchRepository.Row row : jdbi.withHandle(store::all)) {
            Path file = directory.resolve(row.id() + ".wav");
            boolean ahead = row.playAt().isAfter(now);
            if (ahead && !intact(file, row.sha256(), row.bytes())) {
                LOG.warn("prefetched file of announcement {} is missing or changed; nodes without it will hear it live",
                        row.id());
                delete(file);
                file = null;
            }
            Set<String> nodes = ConcurrentHashMap.newKeySet();
            nodes.addAll(row.nodes());
            Set<String> fetched = ConcurrentHashMap.newKeySet();
            fetched.addAll(row.fetched());
            items.put(row.id(), new Item(row.id(), file, row.sha256(), row.bytes(), row.playAt(), nodes, fetched));
        }
        try (var files = Files.list(directory)) {
            files.filter(f -> items.values().stream().noneMatch(i -> f.equals(i.file()))).forEach(Prefetcher::delete);
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing prefetched yet
        } catch (IOException e) {
            LOG.warn("could not list {}", directory, e);
        }
        if (!items.isEmpty()) {
            LOG.info("{} prefetched announcement(s) restored", items.size());
        }
    }

    /** Deletes the files and rows of items no longer needed (see {@link #KEEP_ENDED}). Blocks. */
    void sweep() {
        Instant now = clock.instant();
        List<Long> ended = jdbi.withHandle(h -> store.finished(h, now.minus(KEEP_ENDED), now.minus(KEEP_WAITING)));
        for (long id : ended) {
            items.remove(id);
            forget(id);
        }
        if (!ended.isEmpty()) {
            LOG.info("{} ended prefetched announcement(s) deleted", ended.size());
        }
    }

    /** {@link #sweep}, for a timer: a failure is logged and the next round tries again. */
    void sweepLater() {
        worker.execute(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("prefetched files could not be cleaned up", e);
            }
        });
    }

    private void forget(long id) {
        jdbi.useHandle(h -> store.delete(h, id));
        delete(directory.resolve(id + ".wav"));
    }

    private static boolean intact(Path file, String sha256, long bytes) {
        try {
            return Files.size(file) == bytes && WavFile.sha256(file).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}", file, e);
        }
    }
}
