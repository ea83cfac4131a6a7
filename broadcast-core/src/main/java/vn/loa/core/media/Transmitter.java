package vn.loa.core.media;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import vn.loa.core.arbiter.ArbiterListener;
import vn.loa.core.arbiter.Claim;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.arbiter.Switchboard;
import vn.loa.core.model.Priority;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.StreamRollover;

/**
 * The server's way on air: it opens one RTP stream per zone, airs programmes on sets of zones through the
 * arbiters, and ticks every zone from one clock on a thread of its own. Every stream is built by
 * {@link NoticePipeline}, which declares the stages from source to datagrams.
 *
 * <p>Thread-safe: zones are opened and programmes aired from any thread (HTTP workers, the scheduler, the hotline);
 * the pacing thread started by {@link #start()} does all the sending. Arbiter events go to the listener given at
 * construction, for delivery records.
 */
public final class Transmitter implements AutoCloseable {

    private static final Duration PACKET_TIME = NoticePipeline.PACKET_TIME;

    private record Zone(ZoneStream stream, Protection protection, StreamCodec codec, long ssrc) {
    }

    private final Switchboard switchboard;
    private final ZoneTicker ticker;
    private final Map<String, Zone> zones = new ConcurrentHashMap<>();
    private final SplittableRandom random = new SplittableRandom();
    private volatile boolean running;
    private Thread pacing;

    /**
     * @param cname the RTCP canonical name of this server, such as {@code loa@radio.xa-dong.gov.vn}
     */
    public Transmitter(MediaClock clock, InstantSource wallClock, String cname, ArbiterListener listener) {
        this.switchboard = new Switchboard(wallClock, listener);
        this.ticker = new ZoneTicker(clock, PACKET_TIME, wallClock, cname);
    }

    /** Opens the zone's stream in {@code codec} as plain RTP, sending to {@code output}; a zone opens once. */
    public void openZone(String zone, StreamCodec codec, ZoneOutput output) {
        openZone(zone, codec, Optional.empty(), output);
    }

    /**
     * Opens the zone's stream in {@code codec}, sending to {@code output}; a zone opens once.
     *
     * @param srtp the key of a stream sent as SRTP (to Loa's node agents); empty for plain RTP
     */
    public void openZone(String zone, StreamCodec codec, Optional<SrtpMasterKey> srtp, ZoneOutput output) {
        openZone(zone, codec, srtp, output, 20);
    }

    /**
     * Opens the zone's stream with {@code packetTimeMillis} of audio per packet: 20, or for Opus 40 or 60 (fewer
     * headers for speakers on 4G; ADR 0054).
     */
    public void openZone(String zone, StreamCodec codec, Optional<SrtpMasterKey> srtp, ZoneOutput output,
            int packetTimeMillis) {
        if (packetTimeMillis != 20 && (codec != StreamCodec.OPUS || (packetTimeMillis != 40 && packetTimeMillis != 60))) {
            throw new IllegalArgumentException("packet time " + packetTimeMillis + " ms: 20, or 40/60 for Opus");
        }
        RtpPacketizer packetizer;
        synchronized (random) {
            packetizer = RtpPacketizer.withRandomStart(codec.payloadType(), random);
        }
        synchronized (zones) {
            if (zones.containsKey(zone)) {
                throw new IllegalArgumentException("zone " + zone + " is already open");
            }
            NoticePipeline.ZonePath path = NoticePipeline.zone(switchboard.zone(zone), codec, packetTimeMillis / 20,
                    packetizer, srtp, ticker, output);
            zones.put(zone, new Zone(path.stream(), path.protection(), codec, packetizer.ssrc()));
        }
    }

    /**
     * Airs a programme on {@code zones}: it plays at once where it outranks what plays, else waits its turn.
     *
     * @param audio opens the programme's PCM from its start (again, if the programme must restart)
     * @param plan chimes and repeats
     */
    public void air(String programmeId, Priority priority, PreemptionPolicy policy, Set<String> zones,
            Supplier<MediaSource<PcmFrame>> audio, MixPlan plan) {
        air(new Claim(programmeId, priority, policy), zones, audio, plan);
    }

    /** Airs a programme by its claim (a raised one waits ahead of its priority's others; see {@link Claim}). */
    public void air(Claim claim, Set<String> zones, Supplier<MediaSource<PcmFrame>> audio, MixPlan plan) {
        String programmeId = claim.programmeId();
        Map<StreamCodec, ProgrammeFeed> feeds = new ConcurrentHashMap<>();
        for (String zone : zones) {
            Zone open = this.zones.get(zone);
            if (open == null) {
                throw new IllegalArgumentException("zone " + zone + " is not open");
            }
            // One pipeline per codec, shared by every zone that uses it.
            ProgrammeFeed feed = feeds.computeIfAbsent(open.codec(),
                    codec -> ProgrammeFeed.open(() -> NoticePipeline.programme(audio.get(), plan, codec)));
            open.stream().attach(programmeId, feed);
        }
        switchboard.submit(claim, zones);
    }

    /** The RTP SSRC of an open zone's stream, so receivers told of a programme know which source carries it. */
    public long ssrcOf(String zone) {
        Zone open = zones.get(zone);
        if (open == null) {
            throw new IllegalArgumentException("zone " + zone + " is not open");
        }
        return open.ssrc();
    }

    /** The per-stage counts of an open zone's stream, from source to fan-out. */
    public PipelineMeters meters(String zone) {
        return open(zone).stream().meters();
    }

    /**
     * Where an SRTP zone stream's packet index stands (SSRC, rollover counter, sequence), for a node agent that joins
     * it mid-way; empty for a plain stream or one that has sent nothing yet.
     */
    public Optional<StreamRollover> position(String zone) {
        return open(zone).protection() instanceof SrtpProtection srtp ? srtp.rollover() : Optional.empty();
    }

    private Zone open(String zone) {
        Zone open = zones.get(zone);
        if (open == null) {
            throw new IllegalArgumentException("zone " + zone + " is not open");
        }
        return open;
    }

    /** Takes a programme off air in every zone (cancelled, caller hung up). */
    public void withdraw(String programmeId) {
        switchboard.withdraw(programmeId);
    }

    /** The arbiters, to ask what a zone hears. */
    public Switchboard switchboard() {
        return switchboard;
    }

    /** Starts the pacing thread, at maximum priority because lateness is heard. */
    public synchronized void start() {
        if (pacing != null) {
            return;
        }
        running = true;
        pacing = new Thread(() -> ticker.run(() -> running), "loa-transmitter");
        pacing.setPriority(Thread.MAX_PRIORITY);
        pacing.setDaemon(true);
        pacing.start();
    }

    /** Runs every tick due by now on the caller's thread, for tests with a fake clock. */
    public int tickDue() {
        return ticker.tickDue();
    }

    /** When the next tick is due on the transmitter's clock. */
    public long nextDeadline() {
        return ticker.nextDeadline();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (pacing != null) {
            pacing.interrupt();
            pacing = null;
        }
    }
}
