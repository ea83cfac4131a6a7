package vn.loa.server.air;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.media.BufferedPcmSource;
import vn.loa.core.media.MixPlan;
import vn.loa.core.media.Transmitter;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.DeliveryState;
import vn.loa.core.model.Priority;
import vn.loa.server.announcement.AirControl;
import vn.loa.server.announcement.LoaSteps;
import vn.loa.server.announcement.LoaStep;

/**
 * Puts announcements on air: finds the nodes of their zones, opens the zone streams and hands the programme to the
 * transmitter's arbiters; {@link AirLog} follows it to the end.
 *
 * <p>Two single-thread executors take the announcements, so the steps of one never overtake each other and the HTTP
 * request that broadcast it returns at once: one for emergencies and nothing else, one for everything else, so
 * nothing a clerk sends can hold an emergency back (files rendered ahead for the agents have a thread of their own).
 * Neither makes sound: speech and decoding run on the makers' threads while the programme plays (see {@link Sound}),
 * so going on air takes database work only (ADR 0017).
 */
public final class OnAir implements AirControl {

    private static final Logger LOG = LoggerFactory.getLogger(OnAir.class);

    private final Jdbi jdbi;
    private final LoaSteps lifecycle;
    private final AirTargets targets;
    private final ZoneStreams streams;
    private final Transmitter transmitter;
    private final AirLog log;
    private final Prefetcher prefetcher;
    private final ExecutorService worker;
    private final ExecutorService urgent;
    private final Executor makers;
    private final AirBacklog backlog;
    private final AirRecords records;
    private final Clock clock;
    private final DeliveryRepository deliveries = new DeliveryRepository();
    private final Map<Long, Boolean> cancelled = new ConcurrentHashMap<>();
    private final RelayStarter relays;
    private final Prefetcher.Sounds sounds;
    private final Precedence precedence;

    /**
     * Which announcements wait ahead of the others of their priority in a busy zone (a province's ưu tiên bulletin,
     * ADR 0048); read on the air's worker, never for an emergency.
     */
    public interface Precedence {
        Precedence NONE = (h, id) -> false;

        boolean raised(org.jdbi.v3.core.Handle h, long announcementId);
    }

    /** Starts an announcement's relay and gives a source per zone stream. */
    public interface RelayStarter {
        java.util.function.Supplier<vn.loa.wire.pcm.MediaSource<vn.loa.wire.pcm.PcmFrame>> start(Announcement a);
    }
    private volatile AirShare share = AirShare.ALONE;

    /** Turns a notice's text into PCM, sentence by sentence. */
    public interface Speech {
        /** The rate speech is made at (espeak-ng's); sentences at another rate are resampled to it. */
        int SAMPLE_RATE = 22_050;

        /**
         * Speaks with the reading rules (abbreviations) of the unit at {@code unitPath}, handing each sentence's PCM
         * to {@code sink} as soon as it is ready. Blocks until the last sentence.
         */
        void speak(String text, String voice, String unitPath, BufferedPcmSource.Sink sink);

        /** The same, slower for an emergency notice ({@code urgent}) where the speech knows how; else as above. */
        default void speak(String text, String voice, String unitPath, boolean urgent, BufferedPcmSource.Sink sink) {
            speak(text, voice, unitPath, sink);
        }

        /** The whole text spoken, in memory: for short prompts (the hotline's menus). Blocks. */
        default Spoken speak(String text, String voice, String unitPath) {
            return new Sound(SAMPLE_RATE, sink -> speak(text, voice, unitPath, sink)).whole();
        }
    }

    /** Spoken audio. */
    public record Spoken(short[] samples, int sampleRate) {
    }

    OnAir(Jdbi jdbi, LoaSteps lifecycle, AirTargets targets, ZoneStreams streams, Transmitter transmitter,
            Prefetcher.Sounds sounds, AirLog log, Prefetcher prefetcher, ExecutorService worker, ExecutorService urgent,
            Executor makers, AirBacklog backlog, AirRecords records, RelayStarter relays, Precedence precedence,
            Clock clock) {
        this.precedence = precedence;
        this.sounds = sounds;
        this.relays = relays;
        this.prefetcher = prefetcher;
        this.records = records;
        this.jdbi = jdbi;
        this.lifecycle = lifecycle;
        this.targets = targets;
        this.streams = streams;
        this.transmitter = transmitter;
        this.log = log;
        this.worker = worker;
        this.urgent = urgent;
        this.makers = makers;
        this.backlog = backlog;
        this.clock = clock;
    }

    @Override
    public void scheduled(Announcement announcement) {
        if (announcement.schedule().isImmediate(clock.instant())) {
            due(announcement);
        } else if (announcement.schedule().cron() == null) {
            // A one-off item for later: node agents fetch it now and play it at its time by their own clocks.
            prefetcher.prefetch(announcement, announcement.schedule().at());
        }
        // Firing later times and recurring items is the scheduler's job.
    }

    /** Shares the air with the other members of a cluster; set once at start-up (ADR 0038). */
    public void shareWith(AirShare share) {
        this.share = share;
    }

    /**
     * Airs an announcement that is already on air on the streams of {@code zones} that this member holds, from its top:
     * another member put it on air and recorded it, or this member has just taken the zones over (ADR 0038).
     */
    public void continueHere(Announcement announcement, java.util.function.Predicate<String> zones) {
        backlog.submit(announcement.priority() == Priority.EMERGENCY ? urgent : worker,
                () -> continueOnAir(announcement, zones));
    }

    /** Airs a scheduled announcement now, whatever its schedule says: the programme clock's time has come. */
    public void due(Announcement announcement) {
        backlog.submit(announcement.priority() == Priority.EMERGENCY ? urgent : worker, () -> air(announcement));
    }

    @Override
    public void cancelled(long announcementId) {
        cancelHere(announcementId);
        share.cancelled(announcementId);
    }

    /** Takes an announcement off this member's air (a cancel made here or on another member). */
    public void cancelHere(long announcementId) {
        cancelled.put(announcementId, true);
        // Off air at once, whatever the worker is busy with; the worker then tidies up after what it had queued.
        urgent.execute(() -> transmitter.withdraw(AirLog.programmeId(announcementId)));
        worker.execute(() -> {
            transmitter.withdraw(AirLog.programmeId(announcementId));
            prefetcher.cancelLater(announcementId);
            // Anything queued for this announcement ran before this task: the mark is no longer needed.
            cancelled.remove(announcementId);
        });
    }

    /**
     * Re-points a zone's streams at its nodes' current addresses (an agent came or went), leaving out a node outside
     * its on-hours while its stream airs no emergency: coming back mid-notice does not get it what the air skipped.
     */
    public void refreshZone(String zone) {
        try {
            worker.execute(() -> jdbi.useHandle(h -> targets.in(h, zone).forEach((key, list) ->
                    streams.send(key, addresses(list.stream().filter(t -> log.mayJoin(t.node(), key)).toList())))));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The server is stopping and its agents' sessions close after the air: no stream is left to re-point.
        }
    }

    private void air(Announcement a) {
        long id = a.id();
        // An emergency's records are written behind it: a stalled database must not hold its first packet (ADR 0025).
        boolean emergency = a.priority() == Priority.EMERGENCY;
        java.util.function.Consumer<Runnable> write = emergency ? records::write : Runnable::run;
        try {
            Map<ZoneStreams.Key, List<AirTargets.Target>> byStream = jdbi.withHandle(
                    h -> targets.below(h, a.zones(), a.priority(), clock.instant()));
            // Nodes that fetched this item ahead play it by themselves at its time: the live stream is not for them.
            Set<String> stored = prefetcher.holders(id);
            byStream.values().forEach(list -> list.removeIf(t -> stored.contains(t.node().id())));
            byStream.values().removeIf(List::isEmpty);
            if (byStream.isEmpty() && !stored.isEmpty()) {
                // Every node holds it; their proof of play comes in their reports, into the delivery records.
                write.accept(() -> {
                    if (lifecycle.advance(id, LoaStep.GOES_ON_AIR, null)) {
                        lifecycle.advance(id, LoaStep.AIRED, null);
                    }
                });
                return;
            }
            if (byStream.isEmpty()) {
                write.accept(() -> fail(id, "Không có loa nào trong các khu vực đã chọn. / no loudspeaker in the chosen zones"));
                return;
            }
            if (byStream.values().stream().flatMap(List::stream).allMatch(t -> t.address() == null)) {
                write.accept(() -> {
                    jdbi.useTransaction(h -> byStream.values().forEach(list -> list.forEach(t ->
                            deliveries.recordUnlessPlayed(h, id, t.node().id(), DeliveryState.FAILED, t.unreachable(),
                                    clock.instant()))));
                    fail(id, "Không loa nào đang kết nối được. / no loudspeaker can be reached now");
                });
                return;
            }
            String unitPath = jdbi.withHandle(h -> targets.pathOf(h, a.zones().get(0)));
            // A notice is spoken and a recording decoded as they air; a relay is live and lasts its window.
            boolean relay = a.text() == null && a.audioId() == null && !a.isPlaylist();
            Programme programme = relay ? null : Programme.of(a, sounds.of(a, unitPath).reporting(e -> {
                LOG.warn("announcement {} stopped: its sound could not be made", id, e);
                records.write(() -> fail(id, "Không phát tiếp được: " + e.getMessage()));
            }));
            // A cancel that came while this waited wins; the mark has served its purpose either way.
            if (cancelled.remove(id) != null) {
                return;
            }
            // An emergency is recorded behind its sound (queued now, ahead of the log's records of its events); a
            // cancel committed meanwhile takes it off again once it is on.
            java.util.concurrent.CompletableFuture<Void> handedOver = new java.util.concurrent.CompletableFuture<>();
            if (emergency) {
                records.write(() -> {
                    if (!onAir(id, byStream)) {
                        handedOver.thenRun(() -> transmitter.withdraw(AirLog.programmeId(id)));
                    }
                });
            } else if (!onAir(id, byStream)) {
                return;
            }
            // In a cluster the other members air the streams they hold; this one sends only those it holds.
            share.aired(id);
            Map<ZoneStreams.Key, List<AirTargets.Target>> here = new java.util.HashMap<>(byStream);
            here.keySet().removeIf(key -> !share.holds(key.zone()));
            try {
                if (!here.isEmpty()) {
                    transmit(a, here, relay, programme);
                }
            } finally {
                handedOver.complete(null);
            }
        } catch (RuntimeException e) {
            LOG.warn("announcement {} could not go on air", id, e);
            write.accept(() -> fail(id, "Không phát được: " + e.getMessage()));
        }
    }

    private void continueOnAir(Announcement a, java.util.function.Predicate<String> zones) {
        try {
            Map<ZoneStreams.Key, List<AirTargets.Target>> here = jdbi.withHandle(
                    h -> targets.below(h, a.zones(), a.priority(), clock.instant()));
            Set<String> stored = prefetcher.holders(a.id());
            here.values().forEach(list -> list.removeIf(t -> stored.contains(t.node().id())));
            // Not twice on one stream: the news that another member aired it and a takeover may both bring it here.
            here.entrySet().removeIf(e -> e.getValue().isEmpty() || !zones.test(e.getKey().zone())
                    || !share.holds(e.getKey().zone()) || log.airs(a.id(), e.getKey()));
            boolean relay = a.text() == null && a.audioId() == null && !a.isPlaylist();
            // A hotline caller's voice that this member does not hear (it started after the call) cannot join it.
            if (here.isEmpty() || cancelled.remove(a.id()) != null || relay && a.relayUrl() == null) {
                return;
            }
            String unitPath = jdbi.withHandle(h -> targets.pathOf(h, a.zones().get(0)));
            Programme programme = relay ? null : Programme.of(a, sounds.of(a, unitPath).reporting(e -> {
                LOG.warn("announcement {} stopped: its sound could not be made", a.id(), e);
                records.write(() -> fail(a.id(), "Không phát tiếp được: " + e.getMessage()));
            }));
            LOG.info("announcement {} continues on this member's streams {}", a.id(), here.keySet());
            transmit(a, here, relay, programme);
        } catch (RuntimeException e) {
            LOG.warn("announcement {} could not continue on air here", a.id(), e);
        }
    }

    /** Opens {@code byStream}'s streams to their nodes and hands the programme to the arbiters. */
    private void transmit(Announcement a, Map<ZoneStreams.Key, List<AirTargets.Target>> byStream, boolean relay,
            Programme programme) {
        // A stream that airs something else keeps its listeners until this one starts (the log re-points it
        // then): an emergency on air must not lose the nodes a waiting notice skips. An emergency widens it now.
        byStream.forEach((key, list) -> {
            if (a.priority() == Priority.EMERGENCY || !log.busy(key)) {
                streams.send(key, addresses(list));
            }
        });
        log.follow(a.id(), a.priority(), byStream);
        boolean raised = a.priority() != Priority.EMERGENCY && jdbi.withHandle(h -> precedence.raised(h, a.id()));
        transmitter.air(new vn.loa.core.arbiter.Claim(AirLog.programmeId(a.id()), a.priority(), policyOf(a.priority()),
                raised), byStream.keySet().stream().map(ZoneStreams.Key::id).collect(Collectors.toSet()),
                relay ? relays.start(a) : () -> programme.source(makers),
                relay ? new MixPlan(null, null, 1, Programme.PAUSE_BETWEEN_PLAYS) : programme.plan());
    }

    /** Records {@code id} ON_AIR with a delivery row per node; false when it was no longer waiting (cancelled). */
    private boolean onAir(long id, Map<ZoneStreams.Key, List<AirTargets.Target>> byStream) {
        if (!lifecycle.advance(id, LoaStep.GOES_ON_AIR, null)) {
            return false;
        }
        jdbi.useTransaction(h -> byStream.values().forEach(list -> list.forEach(t -> deliveries.recordUnlessPlayed(h,
                id, t.node().id(), t.address() == null ? DeliveryState.FAILED : DeliveryState.PENDING, t.unreachable(),
                clock.instant()))));
        return true;
    }

    private void fail(long id, String reason) {
        if (!lifecycle.advance(id, LoaStep.FAILS_WAITING, reason)) {
            lifecycle.advance(id, LoaStep.FAILS_ON_AIR, reason);
        }
    }

    /** A cut-off notice starts again from the top: half a sentence means nothing. Live speech and music go on. */
    static PreemptionPolicy policyOf(Priority priority) {
        return priority == Priority.SCHEDULED ? PreemptionPolicy.RESTART : PreemptionPolicy.RESUME;
    }

    private static Set<InetSocketAddress> addresses(List<AirTargets.Target> list) {
        return list.stream().map(AirTargets.Target::address).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
