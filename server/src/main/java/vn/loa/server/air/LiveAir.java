package vn.loa.server.air;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.core.media.MixPlan;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.core.media.Transmitter;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.DeliveryState;
import vn.loa.core.model.Priority;
import vn.loa.server.announcement.LoaSteps;
import vn.loa.server.announcement.LoaStep;

/**
 * The way on air for a person speaking now (the hotline caller): an announcement already in SCHEDULED goes on air
 * at once with a live source, as EMERGENCY, a chime first, and is followed to the end like any other by
 * {@link AirLog}. It ends when the source ends (the caller hangs up).
 *
 * <p>In a cluster (ADR 0049) the member that answered sends only the streams it holds; the others air the same voice,
 * carried over the event bus, on theirs ({@link #continueHere}), and a member that takes a zone over mid-call joins
 * the voice it already hears ({@link #rejoin}).
 */
public final class LiveAir {

    private final Jdbi jdbi;
    private final LoaSteps lifecycle;
    private final AirTargets targets;
    private final ZoneStreams streams;
    private final Transmitter transmitter;
    private final AirLog log;
    private final AirRecords records;
    private final Clock clock;
    private final DeliveryRepository deliveries = new DeliveryRepository();
    /** The live voices this member can air now, by announcement: its own callers' and those heard from others. */
    private final Map<Long, Supplier<MediaSource<PcmFrame>>> feeds = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile AirShare share = AirShare.ALONE;

    LiveAir(Jdbi jdbi, LoaSteps lifecycle, AirTargets targets, ZoneStreams streams, Transmitter transmitter,
            AirLog log, AirRecords records, Clock clock) {
        this.jdbi = jdbi;
        this.records = records;
        this.lifecycle = lifecycle;
        this.targets = targets;
        this.streams = streams;
        this.transmitter = transmitter;
        this.log = log;
        this.clock = clock;
    }

    /** Shares the air with the other members of a cluster; set once at start-up. */
    void shareWith(AirShare share) {
        this.share = share;
    }

    /**
     * Airs {@code a} (EMERGENCY, in SCHEDULED) with audio from {@code source}, which is asked once per codec of the
     * zones' streams. Blocks to read the targets; false, with the announcement FAILED, when no loudspeaker can be reached.
     */
    public boolean air(Announcement a, Supplier<MediaSource<PcmFrame>> source) {
        long id = a.id();
        Map<ZoneStreams.Key, List<AirTargets.Target>> byStream = jdbi.withHandle(h -> targets.below(h, a.zones(), a.priority(),
                clock.instant()));
        if (byStream.values().stream().flatMap(List::stream).allMatch(t -> t.address() == null)) {
            lifecycle.advance(id, LoaStep.FAILS_WAITING,
                    "Không loa nào đang kết nối được. / no loudspeaker can be reached now");
            return false;
        }
        // On air first, recorded behind it: a stalled database must not hold the caller's voice (ADR 0025).
        Instant now = clock.instant();
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        records.write(() -> {
            if (!lifecycle.advance(id, LoaStep.GOES_ON_AIR, null)) {
                handedOver.thenRun(() -> transmitter.withdraw(AirLog.programmeId(id))); // cancelled meanwhile
                return;
            }
            jdbi.useTransaction(h -> byStream.values().forEach(list -> list.forEach(t -> deliveries.record(h, id,
                    t.node().id(), t.address() == null ? DeliveryState.FAILED : DeliveryState.PENDING,
                    t.unreachable(), now))));
        });
        feeds.put(id, source);
        // Recorded for every node; sent here only on the streams this member holds (the others air it on theirs).
        Map<ZoneStreams.Key, List<AirTargets.Target>> here = new java.util.HashMap<>(byStream);
        here.keySet().removeIf(key -> !share.holds(key.zone()));
        try {
            if (!here.isEmpty()) {
                transmit(a, here, source);
            }
        } finally {
            handedOver.complete(null);
        }
        return true;
    }

    /**
     * Airs the live {@code a}, recorded on air by the member that answered, on the streams of {@code zones} this member
     * holds and does not air it on yet, with the voice {@code source} heard from that member; remembers the voice for a
     * takeover. Blocks to read the targets.
     */
    public void continueHere(Announcement a, Supplier<MediaSource<PcmFrame>> source,
            java.util.function.Predicate<String> zones) {
        feeds.put(a.id(), source);
        Map<ZoneStreams.Key, List<AirTargets.Target>> here = jdbi.withHandle(h -> targets.below(h, a.zones(),
                a.priority(), clock.instant()));
        here.entrySet().removeIf(e -> e.getValue().isEmpty() || !zones.test(e.getKey().zone())
                || !share.holds(e.getKey().zone()) || log.airs(a.id(), e.getKey()));
        if (!here.isEmpty()) {
            transmit(a, here, source);
        }
    }

    /** Whether {@code id} is a live voice this member hears now, so that a zone taken over mid-call may rejoin it. */
    boolean hears(long id) {
        return feeds.containsKey(id);
    }

    /** Airs the live voice {@code a}, heard here, on the streams of {@code zones} this member has just taken over. */
    void rejoin(Announcement a, java.util.function.Predicate<String> zones) {
        Supplier<MediaSource<PcmFrame>> source = feeds.get(a.id());
        if (source != null) {
            continueHere(a, source, zones);
        }
    }

    /** The live voice of {@code id} has ended (the caller hung up, or their member died): nothing to rejoin. */
    public void ended(long id) {
        feeds.remove(id);
    }

    private void transmit(Announcement a, Map<ZoneStreams.Key, List<AirTargets.Target>> byStream,
            Supplier<MediaSource<PcmFrame>> source) {
        byStream.forEach((key, list) -> streams.send(key, list.stream().map(AirTargets.Target::address)
                .filter(Objects::nonNull).collect(Collectors.toSet())));
        log.follow(a.id(), a.priority(), byStream);
        transmitter.air(AirLog.programmeId(a.id()), Priority.EMERGENCY, OnAir.policyOf(Priority.EMERGENCY),
                byStream.keySet().stream().map(ZoneStreams.Key::id).collect(Collectors.toSet()), source,
                new MixPlan(Chime.dingDong(), null, 1, Duration.ZERO));
    }
}
