package vn.loa.server.air;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.media.MediaClock;
import vn.loa.core.media.Transmitter;
import vn.loa.core.media.UdpFanOut;
import vn.loa.server.announcement.LoaSteps;
import vn.loa.server.config.RtpSettings;
import vn.loa.server.http.Blocking;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.node.NodeTokens;
import vn.loa.server.zone.ZoneRepository;

/**
 * Everything that puts sound on air, assembled: the transmitter and its zone streams, the connected node agents and
 * their control channel, and the way announcements go on air and are followed to the end.
 */
public final class AirStation implements AutoCloseable {

    private final Transmitter transmitter;
    private final ZoneStreams streams;
    private final ZoneMounts mounts;
    private final NodeSessions sessions = new NodeSessions();
    private final ExecutorService worker;
    private final ExecutorService urgent;
    private final ExecutorService makers;
    private final ExecutorService prefetching;
    private final AirBacklog backlog = new AirBacklog(System::nanoTime);
    /** The air's records, written behind it; at most this many wait, and a stop waits up to 30 s for a lost database. */
    private final AirRecords records = new AirRecords(10_000, java.time.Duration.ofSeconds(30));
    private final OnAir onAir;
    private final NodeControlServer control;
    private final LiveAir live;
    private final AirLog log;

    private final Prefetcher prefetcher;
    private final Vertx vertx;
    private final Clock clock;
    private final long sweeper;

    /** How often prefetched files of ended announcements are looked for and deleted. */
    private static final java.time.Duration SWEEP_EVERY = java.time.Duration.ofMinutes(10);

    /**
     * @param prefetchDir where announcements rendered ahead for store-and-forward are kept until nodes fetch them
     * @param diskLow true while the data folder's disk is nearly full: nothing is rendered ahead then
     * @param recordings decodes an uploaded recording (by its audio id) as it airs
     * @param relays starts a relay announcement's feed as it airs
     * @param sessionAir the run orders of announcements that carry a programme session (ADR 0053)
     * @param precedence which announcements wait ahead of the others of their priority (ưu tiên from above)
     */
    public AirStation(Vertx vertx, Jdbi jdbi, LoaSteps lifecycle, OnAir.Speech speech, Blocking blocking,
            RtpSettings rtp, Clock clock, Path prefetchDir, java.util.function.BooleanSupplier diskLow,
            java.util.function.Function<String, Sound> recordings, OnAir.RelayStarter relays, SessionAir sessionAir,
            OnAir.Precedence precedence) {
        this.worker = Executors.newSingleThreadExecutor(daemon("loa-air", Thread.NORM_PRIORITY));
        // Emergencies only: nothing a clerk sends queues here (ADR 0017).
        this.urgent = Executors.newSingleThreadExecutor(daemon("loa-air-emergency", Thread.MAX_PRIORITY));
        // One thread per programme playing, mostly blocked on its decoder or speech engine, or on a full buffer.
        this.makers = Executors.newCachedThreadPool(daemon("loa-air-maker", Thread.NORM_PRIORITY));
        // Rendering a file of hours ahead for the agents must not hold back what airs now.
        this.prefetching = Executors.newSingleThreadExecutor(daemon("loa-prefetch", Thread.NORM_PRIORITY));
        ArbiterEvents events = new ArbiterEvents();
        this.transmitter = new Transmitter(MediaClock.system(), InstantSource.system(), "loa@" + hostName(), events);
        this.streams = new ZoneStreams(transmitter, new UdpFanOut.Ttl(rtp.unicastTtl(), rtp.multicastTtl()),
                new ReturnPaths(sessions, clock), sessions, this::pullsOverHttp);
        this.mounts = new ZoneMounts(vertx, streams, clock);
        this.log = new AirLog(jdbi, lifecycle, sessions, worker, records, transmitter, streams, mounts, clock);
        events.subscribe(log);
        NodeRepository nodes = new NodeRepository();
        AirTargets targets = new AirTargets(new ZoneRepository(), nodes, sessions, mounts::listening);
        AirSounds sounds = new AirSounds(speech, recordings, sessionAir);
        this.prefetcher = new Prefetcher(jdbi, targets, sessions, sounds, prefetchDir, prefetching, makers, diskLow,
                clock);
        prefetcher.restore(); // before any agent connects: it is told what it still has to fetch
        this.vertx = vertx;
        this.clock = clock;
        this.sweeper = vertx.setPeriodic(SWEEP_EVERY.toMillis(), t -> prefetcher.sweepLater());
        this.onAir = new OnAir(jdbi, lifecycle, targets, streams, transmitter, sounds, log, prefetcher, worker, urgent,
                makers, backlog, records, relays, precedence, clock);
        this.control = new NodeControlServer(vertx, blocking,
                (id, token) -> jdbi.withHandle(h -> nodes.agentWithToken(h, id, NodeTokens.sha256(token))),
                sessions, (node, played) -> {
                    prefetcher.reported(node, played);
                    log.reported(node, played);
                }, new NodeControlServer.StreamKeys() {
                    @Override
                    public String keyFor(vn.loa.core.model.Node node) {
                        return streams.srtpKey(agentStream(jdbi, node));
                    }

                    @Override
                    public int portFor(vn.loa.core.model.Node node) {
                        return streams.port(agentStream(jdbi, node));
                    }
                }, rtp, clock);
        this.live = new LiveAir(jdbi, lifecycle, targets, streams, transmitter, log, records, clock);
        sessions.onZoneChanged(onAir::refreshZone);
        sessions.onArrival(session -> {
            log.arrived(session);
            prefetcher.arrived(session);
        });
        transmitter.start();
    }

    /** The stream an agent receives: its zone's Opus packet time applies to it too (ADR 0058). Blocks (JDBC). */
    private static ZoneStreams.Key agentStream(Jdbi jdbi, vn.loa.core.model.Node node) {
        return ZoneStreams.keyOf(node, jdbi.withHandle(h -> AirTargets.opusPacketTime(h, node.zone())));
    }

    /** Shares the air with the other members of a cluster (ADR 0038); set once at start-up, before anything airs. */
    public void shareWith(AirShare share) {
        streams.shareWith(share);
        onAir.shareWith(share);
        live.shareWith(share);
        control.serveOnly(share);
    }

    /**
     * Airs an announcement already on air elsewhere on the streams of {@code zones} this member holds (ADR 0038): a
     * live voice this member hears joins from where the caller is now, anything else starts from its top.
     */
    public void continueHere(vn.loa.core.model.Announcement a, java.util.function.Predicate<String> zones) {
        if (live.hears(a.id())) {
            urgent.execute(() -> live.rejoin(a, zones));
        } else {
            onAir.continueHere(a, zones);
        }
    }

    /** Whether something airs, or waits to, on a stream of {@code zone} here: a busy zone is not handed to another member. */
    public boolean airsIn(String zone) {
        return log.busy(zone);
    }

    /** Sends the agents of a zone this member no longer holds to another member, which holds it now. */
    public void letGo(String zone) {
        sessions.all().stream().filter(s -> s.zone().equals(zone))
                .forEach(s -> s.send(NodeControlServer.elsewhere()));
    }

    /** The WebSocket handshake handler of the node control channel. */
    public NodeControlServer control() {
        return control;
    }

    /** How announcements go on air, for the programme clock to air scheduled items at their time. */
    public OnAir onAir() {
        return onAir;
    }

    /** The way on air for live speech (the hotline). */
    public LiveAir live() {
        return live;
    }

    /** The announcements waiting to start going on air, for {@code /health}. */
    public AirBacklog backlog() {
        return backlog;
    }

    public NodeSessions sessions() {
        return sessions;
    }

    /** Whether an address is a stream box's HTTP connection (asked by the streams, once the mounts exist). */
    private boolean pullsOverHttp(java.net.InetSocketAddress address) {
        return mounts.isListener(address);
    }

    /** The RTP streams on air, for their per-stage counts ({@code /metrics}, the technician's page). */
    public ZoneStreams streams() {
        return streams;
    }

    /** Each zone's HTTP stream, for the boxes that pull it. */
    public ZoneMounts mounts() {
        return mounts;
    }

    /** A node as the API shows it: for an agent its connection and path, for a stream box whether it listens. */
    public io.vertx.core.json.JsonObject describe(vn.loa.core.model.Node node) {
        io.vertx.core.json.JsonObject json = sessions.describe(node, clock.instant());
        if (node.kind() == vn.loa.core.model.NodeKind.STREAM) {
            json.put("listening", mounts.describe(node.id()));
        }
        return json;
    }

    /** Store-and-forward of scheduled announcements to node agents; its {@code prefetch} is the trigger. */
    public Prefetcher prefetcher() {
        return prefetcher;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name, int priority) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        vertx.cancelTimer(sweeper);
        transmitter.close();
        mounts.close();
        worker.shutdownNow();
        urgent.shutdownNow();
        makers.shutdownNow();
        prefetching.shutdownNow();
        streams.close();
        records.close(); // before the database closes: nothing the air did goes unrecorded
    }

    /** Records of the air still waiting to be written (a stalled database); /health shows them. */
    public int recordsWaiting() {
        return records.waiting();
    }
}
