package vn.loa.server.air;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.control.ControlMessage;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.DeliveryState;
import vn.loa.core.model.NodeKind;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.WavCodec;

/**
 * Store-and-forward: renders a scheduled announcement ahead of its time into a WAV file, tells its zones' node agents
 * to fetch it ({@link ControlMessage.Prefetch}, with the file's SHA-256 and the time to play), and keeps it for them
 * until they have. A node plays the file at its time by its own clock, so a link that drops meanwhile loses nothing;
 * its reports (FETCHED, then PLAYED or FAILED) land in the delivery records like a live broadcast's.
 *
 * <p>{@link #prefetch} is the trigger: the broadcast of a one-off item with a later time calls it, and a scheduler can
 * call it for each coming occurrence. Rendering runs on the air executor; the rest is thread-safe.
 */
public final class Prefetcher {

    /** The rate of the prefetched files: wide-band speech at 32 KB/s, a minute's notice in 2 MB. */
    static final int SAMPLE_RATE = 16_000;
    /** Where a node fetches an announcement's file, under the API; the file name is {@code <id>.wav}. */
    public static final String PATH = "/api/v1/nodes/prefetch/";
    private static final Logger LOG = LoggerFactory.getLogger(Prefetcher.class);

    /** One prefetched announcement: its file, the nodes it is for, and those that have it stored and checked. */
    record Item(long id, Path file, String sha256, long bytes, Instant playAt, Set<String> nodes, Set<String> fetched) {
        ControlMessage.Prefetch message() {
            return new ControlMessage.Prefetch(String.valueOf(id), PATH + id + ".wav", sha256, bytes, playAt);
        }
    }

    private final Jdbi jdbi;
    private final AirTargets targets;
    private final NodeSessions sessions;
    private volatile Sounds sounds = (a, unitPath) -> {
        throw new IllegalStateException("no sound source yet");
    };
    private final Path directory;
    private final Executor worker;
    private final Clock clock;
    private final DeliveryRepository deliveries = new DeliveryRepository();
    private final Map<Long, Item> items = new ConcurrentHashMap<>();

    /** What an announcement sounds like before mixing (its text spoken, or its recording); blocks. */
    interface Sounds {
        OnAir.Spoken of(Announcement a, String unitPath);
    }

    Prefetcher(Jdbi jdbi, AirTargets targets, NodeSessions sessions, Path directory, Executor worker, Clock clock) {
        this.jdbi = jdbi;
        this.targets = targets;
        this.sessions = sessions;
        this.directory = directory;
        this.worker = worker;
        this.clock = clock;
    }

    void soundsFrom(Sounds air) {
        this.sounds = air;
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
        String unitPath = jdbi.withHandle(h -> targets.pathOf(h, a.zones().get(0)));
        byte[] wav = wav(Programme.of(a, sounds.of(a, unitPath)).render(SAMPLE_RATE), SAMPLE_RATE);
        Path file = directory.resolve(a.id() + ".wav");
        try {
            Files.createDirectories(directory);
            Path part = Files.write(directory.resolve(a.id() + ".wav.part"), wav);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> nodes = ConcurrentHashMap.newKeySet();
        agents.forEach(t -> nodes.add(t.node().id()));
        Item item = new Item(a.id(), file, sha256(wav), wav.length, playAt, nodes, ConcurrentHashMap.newKeySet());
        items.put(a.id(), item);
        String detail = "tải trước, phát lúc / prefetch, plays at " + playAt;
        jdbi.useTransaction(h -> nodes.forEach(n -> deliveries.record(h, a.id(), n, DeliveryState.PENDING, detail,
                clock.instant())));
        nodes.forEach(n -> sessions.find(n).ifPresent(s -> s.send(item.message())));
        LOG.info("announcement {} prefetched for {} node(s), {} bytes, plays at {}", a.id(), nodes.size(), wav.length,
                playAt);
    }

    /** An agent connected: it is sent what it should have fetched and has not, while there is still time. */
    void arrived(NodeSession session) {
        Instant now = clock.instant();
        for (Item item : items.values()) {
            if (item.nodes().contains(session.nodeId()) && !item.fetched().contains(session.nodeId())
                    && item.playAt().isAfter(now)) {
                session.send(item.message());
            }
        }
    }

    /** The file of announcement {@code id} if node {@code nodeId} is one it was prefetched for. */
    Optional<Path> file(String nodeId, long id) {
        return Optional.ofNullable(items.get(id)).filter(i -> i.nodes().contains(nodeId)).map(Item::file);
    }

    /** The nodes that hold announcement {@code id}'s file, checked: the live stream need not reach them. */
    Set<String> holders(long id) {
        Item item = items.get(id);
        return item == null ? Set.of() : Set.copyOf(item.fetched());
    }

    /** Notes an agent's report; a FETCHED one makes the node a holder. */
    void reported(String nodeId, ControlMessage.Played played) {
        if (!"FETCHED".equals(played.outcome())) {
            return;
        }
        try {
            Item item = items.get(Long.parseLong(played.announcement()));
            if (item != null && item.nodes().contains(nodeId)) {
                item.fetched().add(nodeId);
            }
        } catch (NumberFormatException e) {
            // not one of ours
        }
    }

    /** The announcement was cancelled: its nodes drop the file and do not play it. */
    void cancel(long id) {
        Item item = items.remove(id);
        if (item != null) {
            item.nodes().forEach(n -> sessions.find(n).ifPresent(s ->
                    s.send(new ControlMessage.Stop(String.valueOf(id), "CANCELLED"))));
            try {
                Files.deleteIfExists(item.file());
            } catch (IOException e) {
                LOG.warn("could not delete {}", item.file(), e);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A 16-bit mono PCM WAV file of {@code samples}. */
    static byte[] wav(short[] samples, int sampleRate) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        pcm.asShortBuffer().put(samples);
        return WavCodec.encode(new PcmFormat(sampleRate), pcm.array());
    }
}
