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
        byStream.forEach((key, list) -> streams.send(key, list.stream().map(AirTargets.Target::address)
                .filter(Objects::nonNull).collect(Collectors.toSet())));
        log.follow(id, a.priority(), byStream);
        try {
            transmitter.air(AirLog.programmeId(id), Priority.EMERGENCY, OnAir.policyOf(Priority.EMERGENCY),
                    byStream.keySet().stream().map(ZoneStreams.Key::id).collect(Collectors.toSet()), source,
                    new MixPlan(Chime.dingDong(), null, 1, Duration.ZERO));
        } finally {
            handedOver.complete(null);
        }
        return true;
    }
}
