package vn.loa.server.air;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.arbiter.ArbiterEvent;
import vn.loa.core.arbiter.ArbiterListener;
import vn.loa.wire.control.ControlMessage;
import vn.loa.core.model.DeliveryState;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.core.model.Priority;
import vn.loa.wire.srtp.StreamRollover;
import vn.loa.server.announcement.LoaSteps;
import vn.loa.server.announcement.LoaStep;
import vn.loa.server.db.Scoped;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.node.OnHours;

/**
 * Follows announcements on air through the arbiters' events: records each node's delivery, tells connected agents when
 * to expect audio, and ends the announcement when every stream has played it (or dropped it).
 *
 * <p>Events arrive on the transmitter's pacing thread, which must never wait; they are handed to the executor.
 */
public final class AirLog implements ArbiterListener {

    /** One announcement on air: its priority, its streams with their nodes, and the streams still to finish. */
    private record Airing(Priority priority, Map<ZoneStreams.Key, List<AirTargets.Target>> streams,
            Set<ZoneStreams.Key> open, Set<ZoneStreams.Key> played) {
    }

    private final Jdbi jdbi;
    private final LoaSteps lifecycle;
    private final NodeSessions sessions;
    private final Executor executor;
    private final AirRecords records;
    private final Clock clock;
    private final DeliveryRepository deliveries = new DeliveryRepository();
    private final NodeRepository nodes = new NodeRepository();
    private final Map<Long, Airing> airings = new ConcurrentHashMap<>();
    /** The SSRC of a stream by its transmitter key. */
    private final ToLongFunction<String> ssrcs;
    /** Says whether a stream box (by node id) is pulling its zone's HTTP stream now. */
    private final java.util.function.Predicate<String> listening;
    /** The zones' HTTP mounts, told what goes on and off air on them for the titles in their MP3 streams. */
    private final ZoneMounts mounts;
    /** Sets a stream's destinations (by its key) to a set of addresses. */
    private final BiConsumer<ZoneStreams.Key, Set<InetSocketAddress>> destinations;
    /** Where each secure stream's SRTP index stands. */
    private final Function<ZoneStreams.Key, Optional<StreamRollover>> positions;
    /** The play command of what each stream (by transmitter key) airs now, for agents that join mid-way. */
    private final Map<String, ControlMessage.Play> playingNow = new ConcurrentHashMap<>();

    /**
     * Built after the transmitter, the streams and the mounts it follows; the transmitter's events reach it through
     * the {@link ArbiterEvents} the transmitter was built with.
     */
    AirLog(Jdbi jdbi, LoaSteps lifecycle, NodeSessions sessions, Executor executor, AirRecords records,
            vn.loa.core.media.Transmitter transmitter, ZoneStreams streams, ZoneMounts mounts, Clock clock) {
        this.ssrcs = transmitter::ssrcOf;
        this.destinations = streams::send;
        this.positions = streams::position;
        this.listening = node -> mounts.listening(node).isPresent();
        this.mounts = mounts;
        this.jdbi = jdbi;
        this.records = records;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.executor = executor;
        this.clock = clock;
    }

    static String programmeId(long announcementId) {
        return "a-" + announcementId;
    }

    /** Starts following an announcement of {@code priority} that is about to be aired on these streams. */
    void follow(long id, Priority priority, Map<ZoneStreams.Key, List<AirTargets.Target>> streams) {
        Airing was = airings.get(id);
        if (was == null) {
            airings.put(id, new Airing(priority, streams, new HashSet<>(streams.keySet()), new HashSet<>()));
            return;
        }
        // More streams of one announcement here (a cluster member took over their zones while it aired).
        Map<ZoneStreams.Key, List<AirTargets.Target>> all = new java.util.HashMap<>(was.streams());
        all.putAll(streams);
        Set<ZoneStreams.Key> open = new HashSet<>(was.open());
        open.addAll(streams.keySet());
        airings.put(id, new Airing(priority, all, open, was.played()));
    }

    /** Whether announcement {@code id} airs, or waits to, on {@code key}'s stream here. */
    boolean airs(long id, ZoneStreams.Key key) {
        Airing airing = airings.get(id);
        return airing != null && airing.open().contains(key);
    }

    /**
     * True when {@code node}, joining {@code key}'s stream now (an agent that came back, a zone re-pointed), may be
     * sent what the stream airs: outside its on-hours only an EMERGENCY, as when the air picked its targets. What the
     * stream airs is what it started last, else the airings about to start on it; nothing: any node may join.
     */
    boolean mayJoin(Node node, ZoneStreams.Key key) {
        if (OnHours.on(node.onHours(), clock.instant())) {
            return true;
        }
        ControlMessage.Play play = playingNow.get(key.id());
        Airing now = play == null ? null : airings.get(Long.parseLong(play.announcement()));
        if (now != null) {
            return now.priority() == Priority.EMERGENCY;
        }
        return airings.values().stream().filter(a -> a.open().contains(key))
                .allMatch(a -> a.priority() == Priority.EMERGENCY);
    }

    @Override
    public void onEvent(ArbiterEvent event) {
        executor.execute(() -> handle(event));
    }

    private void handle(ArbiterEvent event) {
        String programme = event.claim().programmeId();
        if (!programme.startsWith("a-")) {
            return;
        }
        long id = Long.parseLong(programme.substring(2));
        Airing airing = airings.get(id);
        if (airing == null) {
            return;
        }
        ZoneStreams.Key key = ZoneStreams.Key.parse(event.zone());
        List<AirTargets.Target> targets = airing.streams().getOrDefault(key, List.of());
        switch (event.kind()) {
            case STARTED, RESUMED, RESTARTED -> {
                record(id, targets, DeliveryState.SENT, null);
                ControlMessage.Play play = new ControlMessage.Play(String.valueOf(id), key.zone(), key.codec().name(),
                        key.codec().payloadType(), key.codec().rtpMap().clockRate(), ssrcs.applyAsLong(event.zone()));
                playingNow.put(event.zone(), play);
                titleOnAir(key, id);
                // What the stream airs changed: it now goes to this announcement's nodes (an emergency's reach
                // nodes outside their hours, an ordinary notice's do not), with agents where they are now.
                destinations.accept(key, addressesNow(targets));
                tellAgents(targets, positioned(play, key));
            }
            case PREEMPTED -> {
                stopped(event.zone(), id);
                tellAgents(targets, new ControlMessage.Stop(String.valueOf(id), "PREEMPTED"));
            }
            case FINISHED -> {
                stopped(event.zone(), id);
                tellAgents(targets, new ControlMessage.Stop(String.valueOf(id), "FINISHED"));
                // A stream box still pulling the mount at the end heard it all: its connection is its proof.
                record(id, targets.stream().filter(t -> t.node().kind() == NodeKind.STREAM
                        && listening.test(t.node().id())).toList(), DeliveryState.PLAYED,
                        "nghe hết qua luồng HTTP / heard over the HTTP stream to the end");
                airing.played().add(key);
                close(id, airing, key);
            }
            case DROPPED -> {
                stopped(event.zone(), id);
                record(id, targets, DeliveryState.FAILED, "bị tin ưu tiên cao hơn cắt / cut off by a higher priority");
                tellAgents(targets, new ControlMessage.Stop(String.valueOf(id), "DROPPED"));
                close(id, airing, key);
            }
            case WITHDRAWN -> {
                stopped(event.zone(), id);
                tellAgents(targets, new ControlMessage.Stop(String.valueOf(id), "CANCELLED"));
                airing.open().remove(key);
                if (airing.open().isEmpty()) {
                    airings.remove(id);
                }
            }
            case QUEUED -> { }
            default -> { }
        }
    }

    /**
     * An agent connected while its zone's stream is on air: it gets the play command at once, with where the SRTP
     * index stands, so it can decrypt and record the rest of the announcement (RFC 3711 §3.3.1); not when it is
     * outside its on-hours and the stream airs no emergency ({@link #mayJoin}).
     */
    void arrived(NodeSession session) {
        executor.execute(() -> {
            int packetTime = session.codec() == vn.loa.core.media.StreamCodec.OPUS
                    ? jdbi.withHandle(h -> AirTargets.opusPacketTime(h, session.zone())) : 20;
            ZoneStreams.Key key = new ZoneStreams.Key(session.zone(), session.codec(), true, packetTime);
            ControlMessage.Play play = playingNow.get(key.id());
            if (play != null && jdbi.withHandle(h -> nodes.find(h, session.nodeId())).map(Scoped::value)
                    .map(node -> mayJoin(node, key)).orElse(false)) {
                session.send(positioned(play, key));
            }
        });
    }

    /**
     * True when {@code key}'s stream airs something or has an announcement waiting to: an airing that follows it
     * must not re-point it before it starts.
     */
    boolean busy(ZoneStreams.Key key) {
        return playingNow.containsKey(key.id()) || airings.values().stream().anyMatch(a -> a.open().contains(key));
    }

    /** True when some stream of {@code zone} airs something or has an announcement waiting to (a cluster's rebalancing). */
    boolean busy(String zone) {
        return playingNow.keySet().stream().anyMatch(id -> id.startsWith(zone + "~"))
                || airings.values().stream().anyMatch(a -> a.open().stream().anyMatch(k -> k.zone().equals(zone)));
    }

    /** The addresses of the targets not skipped for their hours; an agent's where it is connected now, if it is. */
    private Set<InetSocketAddress> addressesNow(List<AirTargets.Target> targets) {
        Set<InetSocketAddress> addresses = new HashSet<>();
        for (AirTargets.Target t : targets) {
            if (AirTargets.OFF_HOURS.equals(t.unreachable())) {
                continue;
            }
            if (t.node().kind() == NodeKind.AGENT) {
                sessions.find(t.node().id()).map(NodeSession::rtpAddress).ifPresent(addresses::add);
            } else if (t.address() != null) {
                addresses.add(t.address());
            }
        }
        return addresses;
    }

    /** Forgets the stream's play command if it is still {@code id}'s (a preemptor's may already have replaced it). */
    private void stopped(String stream, long id) {
        playingNow.computeIfPresent(stream, (k, play) -> play.announcement().equals(String.valueOf(id)) ? null : play);
        mounts.offAir(ZoneStreams.Key.parse(stream).zone(), id);
    }

    /** The play command with the stream's SRTP position as of now, when it has one. */
    private ControlMessage.Play positioned(ControlMessage.Play play, ZoneStreams.Key key) {
        return positions.apply(key).filter(p -> p.ssrc() == play.ssrc() || play.ssrc() == 0)
                .map(p -> new ControlMessage.Play(play.announcement(), play.zone(), play.codec(), play.payloadType(),
                        play.clockRate(), p.ssrc(), p.rolloverCounter(), p.sequence()))
                .orElse(play);
    }

    /** What an agent reported about an announcement it was sent. */
    void reported(String nodeId, ControlMessage.Played played) {
        long id;
        try {
            id = Long.parseLong(played.announcement());
        } catch (NumberFormatException e) {
            return;
        }
        DeliveryState state = switch (played.outcome()) {
            case "PLAYED" -> DeliveryState.PLAYED;
            case "RECEIVED", "FETCHED" -> DeliveryState.RECEIVED;
            default -> DeliveryState.FAILED;
        };
        String detail = played.detail() != null ? played.detail() : played.millis() + " ms";
        // After the air's own records of it (an emergency's rows are written behind its sound).
        records.write(() -> jdbi.useHandle(h -> {
            // Only a node the announcement was sent to may report on it: over the air, or as a file fetched ahead
            // (whose play from storage may be reported before the air has written its rows).
            int known = h.createQuery("SELECT (SELECT COUNT(*) FROM delivery WHERE announcement_id = :a AND node_id = :n)"
                    + " + (SELECT COUNT(*) FROM prefetch_node WHERE announcement_id = :a AND node_id = :n)")
                    .bind("a", id).bind("n", nodeId).mapTo(Integer.class).one();
            if (known > 0) {
                deliveries.record(h, id, nodeId, state, detail, clock.instant());
            }
        }));
    }

    private void close(long id, Airing airing, ZoneStreams.Key key) {
        airing.open().remove(key);
        if (airing.open().isEmpty()) {
            airings.remove(id);
            boolean any = !airing.played().isEmpty();
            records.write(() -> lifecycle.advance(id, any ? LoaStep.AIRED : LoaStep.FAILS_ON_AIR,
                    any ? null : "bị tin ưu tiên cao hơn cắt ở mọi khu vực / cut off everywhere"));
        }
    }

    /** A zone's Opus stream (the one its HTTP mount carries) started announcement {@code id}: its title goes there. */
    private void titleOnAir(ZoneStreams.Key key, long id) {
        if (key.equals(ZoneMounts.keyOf(key.zone()))) {
            jdbi.withHandle(h -> h.createQuery("SELECT title FROM announcement WHERE id = :id").bind("id", id)
                    .mapTo(String.class).findOne()).ifPresent(title -> mounts.onAir(key.zone(), id, title));
        }
    }

    /** Written behind the air, after the records of its start, so a stalled database holds back no event. */
    private void record(long id, List<AirTargets.Target> targets, DeliveryState state, String detail) {
        Instant at = clock.instant();
        records.write(() -> jdbi.useTransaction(h -> targets.stream().filter(t -> t.address() != null).forEach(t ->
                deliveries.record(h, id, t.node().id(), state, detail, at))));
    }

    /**
     * Tells the connected agents among {@code targets}; one skipped for its on-hours is told nothing (it would report
     * "no audio" over the reason it was skipped). One that was not connected is, if it has come back since.
     */
    private void tellAgents(List<AirTargets.Target> targets, ControlMessage message) {
        for (AirTargets.Target t : targets) {
            if (!AirTargets.OFF_HOURS.equals(t.unreachable())) {
                sessions.find(t.node().id()).ifPresent(s -> s.send(message));
            }
        }
    }
}
