package vn.loa.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.srtp.MalformedSrtpKeyException;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.StreamRollover;
import vn.loa.wire.control.ControlMessage.Heartbeat;
import vn.loa.wire.control.ControlMessage.MediaPath;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Prefetch;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.control.ControlMessage.Volume;
import vn.loa.wire.control.ControlMessage.Welcome;
import vn.loa.node.control.ChannelSettings;
import vn.loa.node.control.ControlChannel;
import vn.loa.node.control.ControlHandler;
import vn.loa.node.media.PayloadFormat;
import vn.loa.node.path.ReturnPathKeeper;
import vn.loa.node.path.UdpPathProbe;
import vn.loa.node.media.PayloadTypes;
import vn.loa.node.playout.Playout;
import vn.loa.node.prefetch.Prefetcher;
import vn.loa.node.rtp.ReceptionReport;
import vn.loa.node.rtp.RtpReceiver;
import vn.loa.node.sink.AudioSink;
import vn.loa.node.sink.CountingSink;
import vn.loa.node.sink.SoundCardSink;
import vn.loa.node.sink.WavRecorder;

/**
 * A running node agent: the RTP port, the playout thread, the sink and the control channel, wired together.
 *
 * <p>Made by {@link #start}; {@link #close} stops it and closes the last file cleanly. The agent is the channel's
 * {@link ControlHandler}: commands go to the playout, volume to the sink, and each heartbeat reports the RTP port's
 * figures.
 */
public final class NodeAgent implements ControlHandler, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NodeAgent.class.getName());

    public static final String VERSION = "0.1.0";
    /** What this agent decodes, best first: Opus saves two thirds of G.711's bandwidth on a 4G link. */
    public static final List<String> CODECS = List.of("OPUS", "PCMU", "PCMA");
    /** How long a keepalive may wait for the server's answer: a 4G round trip is well under a second. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    /** Keepalives lost in a row before the stream is asked over the control channel: one lost datagram is not a block. */
    static final int MISSES_TO_GIVE_UP = 3;

    private final Vertx vertx;
    private final AudioSink sink;
    private final PayloadTypes payloadTypes;
    private final Playout playout;
    private volatile RtpReceiver receiver;
    private volatile ControlChannel channel;
    private volatile Prefetcher prefetcher;
    private volatile ReturnPathKeeper returnPath;
    private volatile int volume;

    private NodeAgent(Vertx vertx, AudioSink sink, PayloadTypes payloadTypes, AgentTuning tuning, int volume) {
        this.vertx = vertx;
        this.sink = sink;
        this.payloadTypes = payloadTypes;
        this.volume = volume;
        this.playout = new Playout(sink, this::report, tuning.jitterDelay(), tuning.streamSilence());
    }

    /** Opens the RTP port, starts the playout and connects to the server. */
    public static Future<NodeAgent> start(AgentOptions options, AgentTuning tuning) {
        // One event loop and no file cache: the board has little memory and two sockets to serve.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        AudioSink sink = chooseSink(options);
        sink.volume(options.volume());
        NodeAgent agent = new NodeAgent(vertx, sink, new PayloadTypes(), tuning, options.volume());
        return RtpReceiver.listen(vertx, options.rtpPort(), agent.payloadTypes, agent.playout::insert,
                        tuning.sourceTimeout())
                .map(receiver -> {
                    agent.receiver = receiver;
                    agent.returnPath = new ReturnPathKeeper(vertx, options.nodeId(), receiver::send,
                            agent::routeChanged, ANSWER_WITHIN, MISSES_TO_GIVE_UP, receiver::receiverReport);
                    receiver.onKeepaliveAnswer(agent.returnPath::answered);
                    agent.playout.start();
                    ChannelSettings settings = ChannelSettings.of(options.server(), options.nodeId(), options.token(),
                            CODECS, VERSION).withRetries(tuning.firstRetry(), tuning.maxRetry(), tuning.stableAfter())
                            .withOthers(options.others());
                    agent.prefetcher = new Prefetcher(() -> agent.channel.server(), options.nodeId(), options.token(),
                            temporaryDirectory(), agent::report, agent.playout::playStored, Clock.systemUTC());
                    agent.channel = new ControlChannel(vertx, settings, receiver.port(), agent);
                    agent.channel.start();
                    return agent;
                })
                .recover(failure -> {
                    sink.close();
                    return vertx.close().transform(r -> Future.failedFuture(failure));
                });
    }

    /** Where prefetched files wait for their time: private to this agent, deleted when it stops. */
    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("loa-prefetch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AudioSink chooseSink(AgentOptions options) {
        if (options.record() != null) {
            return new WavRecorder(options.record(), Clock.systemDefaultZone());
        }
        return SoundCardSink.find(options.volume())
                .<AudioSink>map(s -> s)
                .orElseGet(() -> new CountingSink("không có card âm thanh / no sound card"));
    }

    public int rtpPort() {
        return receiver.port();
    }

    public ControlChannel channel() {
        return channel;
    }

    public ReceptionReport reception() {
        return receiver.report();
    }

    public AudioSink sink() {
        return sink;
    }

    public int volume() {
        return volume;
    }

    /** Whether a take is open: the node is playing or recording now. */
    public boolean playingNow() {
        return playout.playing();
    }

    /** How many takes have begun since the agent started: a play from storage may be over before anyone looks. */
    public long takesOpened() {
        return playout.takesOpened();
    }

    /** How the stream reaches this node now: over UDP, or over the control channel while UDP does not get through. */
    public UdpPathProbe.Route route() {
        return returnPath.route();
    }

    @Override
    public void media(byte[] packet) {
        receiver.receive(packet, System.nanoTime());
    }

    @Override
    public void disconnected() {
        returnPath.stop();
    }

    private void routeChanged(UdpPathProbe.Route route) {
        ControlChannel open = channel;
        if (open != null) {
            open.send(new MediaPath(route == UdpPathProbe.Route.CHANNEL ? MediaPath.CHANNEL : MediaPath.UDP));
        }
    }

    @Override
    public void welcomed(Welcome welcome) {
        playout.rejoined();
        if (welcome.returnPath() != null) {
            returnPath.start(welcome.returnPath(), channel.serverHost());
        }
        // The codec of each announcement comes with its play command; only the stream's protection is set here.
        try {
            receiver.useSrtp(welcome.srtpKey() == null ? null : SrtpMasterKey.parseInline(welcome.srtpKey()));
        } catch (MalformedSrtpKeyException e) {
            LOG.log(System.Logger.Level.WARNING, "khóa SRTP không hợp lệ / bad SRTP key from the server: "
                    + e.getMessage());
        }
    }

    @Override
    public void command(ControlMessage command) {
        long now = System.nanoTime();
        if (command instanceof Play play) {
            PayloadFormat.named(play.codec()).ifPresent(format -> payloadTypes.learn(play.payloadType(), format));
            if (play.ssrc() != 0) {
                receiver.expectSource(play.ssrc()); // 0: the server did not say; any one source will do
            }
            if (play.sequence() >= 0) {
                // The stream ran before this node joined: where its SRTP index stands, to decrypt from here on.
                receiver.expectPosition(new StreamRollover(play.ssrc(), play.rolloverCounter(), play.sequence()));
            }
            playout.command(play, now);
        } else if (command instanceof Prefetch prefetch) {
            prefetcher.accept(prefetch);
        } else if (command instanceof Volume level) {
            volume = level.level();
            sink.volume(level.level());
        } else {
            if (command instanceof Stop stop && "CANCELLED".equals(stop.reason())) {
                prefetcher.cancel(stop.announcement());
            }
            playout.command(command, now);
        }
    }

    @Override
    public Heartbeat heartbeat() {
        ReceptionReport report = receiver.report();
        double jitter = Math.round(report.jitterMs() * 10) / 10.0;
        return new Heartbeat(playout.playing() ? "PLAYING" : "IDLE", volume, report.received(), report.lost(), jitter,
                playout.late(), playout.recovered(), playout.delayMillis());
    }

    private void report(Played played) {
        ControlChannel open = channel;
        if (open != null) {
            open.report(played);
        }
    }

    /** Ends the open take (its file is closed and reported), then closes the channel, the socket and Vert.x. */
    @Override
    public void close() {
        if (prefetcher != null) {
            prefetcher.close();
        }
        playout.close();
        sink.close();
        Future<?> closed = channel == null ? Future.succeededFuture() : channel.close();
        closed = closed.eventually(() -> receiver == null ? Future.succeededFuture() : receiver.close())
                .eventually(vertx::close);
        try {
            closed.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down anyway; a socket that will not close in 5 s is closed by the process exit.
        }
    }
}
