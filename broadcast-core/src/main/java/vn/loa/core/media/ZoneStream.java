package vn.loa.core.media;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.core.arbiter.Claim;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.arbiter.ZoneArbiter;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;

/**
 * The one RTP stream a zone's speakers receive: each packet time it asks the zone's arbiter who is on air and sends
 * that programme's next frame, so a preemption is heard from the next packet on.
 *
 * <p>Driven by one ticker thread; only {@link #attach} may be called from others. The stream keeps one SSRC, sequence
 * and timestamp line across
 * programmes, as a receiver bound to the zone's SDP expects; a switch starts a new talk spurt (marker bit), and a
 * silent zone sends nothing while its timestamp runs on.
 *
 * <p>The share and packetise stages of {@link NoticePipeline}: it counts them in the zone's {@link PipelineMeters}.
 */
public final class ZoneStream {

    private final ZoneArbiter arbiter;
    private final RtpPacketizer packetizer;
    private final int unitsPerTick;
    private final PipelineMeters meters;
    /** Frames held for a packet of several (Opus at 40 or 60 ms); null when each frame is a packet. */
    private final vn.loa.wire.codec.OpusBundle bundle;
    private final int framesPerPacket;
    private int heldUnits;
    private final Map<String, ProgrammeFeed> feeds = new ConcurrentHashMap<>();
    private final Set<String> interrupted = new HashSet<>();
    private String lastOnAir;

    /**
     * @param unitsPerTick RTP clock units per packet time: 160 for G.711 at 20 ms, 960 for Opus
     */
    public ZoneStream(ZoneArbiter arbiter, RtpPacketizer packetizer, int unitsPerTick) {
        this(arbiter, packetizer, unitsPerTick, PipelineMeters.unattached());
    }

    /** A zone stream that counts its stages, and the programme stages it is shared, in {@code meters}. */
    public ZoneStream(ZoneArbiter arbiter, RtpPacketizer packetizer, int unitsPerTick, PipelineMeters meters) {
        this(arbiter, packetizer, unitsPerTick, meters, 1);
    }

    /**
     * A zone stream whose packets each carry {@code framesPerPacket} Opus frames of one packet time (2 for 40 ms, 3 for
     * 60 ms): it sends every that many ticks, and at once when the air falls silent.
     */
    public ZoneStream(ZoneArbiter arbiter, RtpPacketizer packetizer, int unitsPerTick, PipelineMeters meters,
            int framesPerPacket) {
        this.arbiter = arbiter;
        this.packetizer = packetizer;
        this.unitsPerTick = unitsPerTick;
        this.meters = meters;
        this.framesPerPacket = framesPerPacket;
        this.bundle = framesPerPacket > 1 ? new vn.loa.wire.codec.OpusBundle() : null;
    }

    /** Gives the zone the media of a programme; call it before submitting the programme's claim to the arbiter. */
    public void attach(String programmeId, ProgrammeFeed feed) {
        feed.hold(meters);
        ProgrammeFeed before = feeds.put(programmeId, feed);
        if (before != null) {
            before.release(meters);
        }
    }

    private void drop(String programmeId) {
        ProgrammeFeed feed = feeds.remove(programmeId);
        if (feed != null) {
            feed.release(meters);
        }
    }

    /** The packet for packet time number {@code tick}, or null when the zone is silent. */
    public RtpPacket tick(long tick) {
        while (true) {
            Optional<Claim> onAir = arbiter.onAir();
            if (onAir.isEmpty()) {
                noteSwitch(null);
                // What is held goes out now: the end of a notice is not kept waiting for frames that will not come.
                RtpPacket last = held();
                packetizer.skip(unitsPerTick);
                return last;
            }
            Claim claim = onAir.get();
            noteSwitch(claim);
            ProgrammeFeed feed = feeds.get(claim.programmeId());
            EncodedFrame frame = feed == null ? null : feed.frameFor(tick);
            if (frame != null) {
                meters.stage(PipelineStage.SHARE).add(1, 1, 0);
                boolean timed = PipelineMeters.timed(tick);
                long start = timed ? System.nanoTime() : 0;
                RtpPacket packet = bundle == null ? packetizer.packetize(frame.payload(), frame.duration())
                        : bundled(frame);
                meters.stage(PipelineStage.PACKETISE).add(1, 1,
                        timed ? (System.nanoTime() - start) * PipelineMeters.TIMED_EVERY : 0);
                return packet;
            }
            // Ended, or no media was ever attached: let the next in line have this very packet time.
            drop(claim.programmeId());
            interrupted.remove(claim.programmeId());
            arbiter.finished(claim.programmeId());
        }
    }

    /** Adds a frame to the bundle: the bundle's packet once it is full (or the frame cannot join it), else null. */
    private RtpPacket bundled(EncodedFrame frame) {
        if (!bundle.add(frame.payload())) {
            RtpPacket full = held();
            bundle.add(frame.payload());
            heldUnits = frame.duration();
            return full;
        }
        heldUnits += frame.duration();
        return bundle.frames() == framesPerPacket ? held() : null;
    }

    /** The frames held as one packet, stamped at the first one's time; null when none is held. */
    private RtpPacket held() {
        if (bundle == null || bundle.frames() == 0) {
            return null;
        }
        int units = heldUnits;
        heldUnits = 0;
        return packetizer.packetize(bundle.take(), units);
    }

    public RtpPacketizer packetizer() {
        return packetizer;
    }

    /** The per-stage counts of this zone's path. */
    public PipelineMeters meters() {
        return meters;
    }

    private void noteSwitch(Claim now) {
        String id = now == null ? null : now.programmeId();
        if (java.util.Objects.equals(id, lastOnAir)) {
            return;
        }
        if (lastOnAir != null && feeds.containsKey(lastOnAir)) {
            String left = lastOnAir;
            if (arbiter.waiting().stream().anyMatch(c -> c.programmeId().equals(left))) {
                interrupted.add(left); // left the air without ending and waits to come back: preempted
            } else {
                drop(left); // dropped or withdrawn: it will not be back
            }
        }
        if (now != null && interrupted.remove(id) && now.policy() == PreemptionPolicy.RESTART) {
            feeds.computeIfPresent(id, (k, feed) -> {
                ProgrammeFeed fresh = feed.restarted();
                fresh.hold(meters);
                feed.release(meters);
                return fresh;
            });
        }
        packetizer.startTalkSpurt();
        lastOnAir = id;
    }
}
