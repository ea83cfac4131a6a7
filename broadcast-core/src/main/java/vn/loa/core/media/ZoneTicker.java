package vn.loa.core.media;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import vn.loa.wire.rtp.NtpTimestamp;
import vn.loa.wire.rtp.RtcpCodec;
import vn.loa.wire.rtp.RtcpSenderReport;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;

/**
 * Drives every zone stream of a server from one clock: at each packet-time boundary each zone sends its next packet
 * through its protection to its fan-out, so all zones tick together however many there are. The pace stage of
 * {@link NoticePipeline}; it counts the protect, pace and fan-out stages in each zone's {@link PipelineMeters}.
 *
 * <p>Every 5 s each zone that sent packets also sends an RTCP sender report and CNAME to its control sink.
 *
 * <p>Zones may be added and removed from any thread; {@link #tickDue} and {@link #run} belong to one pacing thread.
 * Deadlines follow {@link PacketSchedule}: no drift, and no burst after a stall.
 */
public final class ZoneTicker {

    private static final class Zone {
        private final ZoneStream stream;
        private final Protection protection;
        private final Consumer<RtpPacket> fanOut;
        private final Consumer<byte[]> control;
        private final PipelineMeters meters;
        private long packetsAtLastReport;

        private Zone(ZoneStream stream, Protection protection, Consumer<RtpPacket> fanOut, Consumer<byte[]> control) {
            this.stream = stream;
            this.protection = protection;
            this.fanOut = fanOut;
            this.control = control;
            this.meters = stream.meters();
        }

        /**
         * Protects, releases and fans out one packet that left {@code lateness} nanoseconds after its deadline; times
         * the stages when {@code timed} (see {@link PipelineMeters#TIMED_EVERY}).
         */
        private void send(RtpPacket packet, long lateness, boolean timed) {
            int scale = timed ? PipelineMeters.TIMED_EVERY : 0;
            long start = timed ? System.nanoTime() : 0;
            RtpPacket out = protection.protect(packet);
            // Plain RTP does no work here: no clock read.
            long protectedAt = timed && protection != Protection.NONE ? System.nanoTime() : start;
            if (out == null) {
                meters.stage(PipelineStage.PROTECT).add(1, 0, (protectedAt - start) * scale);
                meters.stage(PipelineStage.PROTECT).drop();
                return;
            }
            meters.stage(PipelineStage.PROTECT).add(1, 1, (protectedAt - start) * scale);
            meters.stage(PipelineStage.PACE).add(1, 1, lateness);
            fanOut.accept(out);
            meters.stage(PipelineStage.FAN_OUT).add(1, 0, timed ? (System.nanoTime() - protectedAt) * scale : 0);
        }
    }

    /** RFC 3550 §6.2 suggests 5 s between reports; the RTCP bandwidth of one SR per zone is negligible. */
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(5);

    private final MediaClock clock;
    private final InstantSource wallClock;
    private final String cname;
    private final long ticksPerReport;
    private final Duration packetTime;
    private final List<Zone> zones = new CopyOnWriteArrayList<>();
    private PacketSchedule schedule;
    private long tick;
    private long worstLateness;

    /** A ticker that sends no RTCP. */
    public ZoneTicker(MediaClock clock, Duration packetTime) {
        this(clock, packetTime, InstantSource.system(), "loa");
    }

    /**
     * @param wallClock the time sender reports carry, so receivers can map RTP time to wall-clock time
     * @param cname the canonical name sender reports carry, such as {@code loa@<server host>}
     */
    public ZoneTicker(MediaClock clock, Duration packetTime, InstantSource wallClock, String cname) {
        this.clock = clock;
        this.packetTime = packetTime;
        this.wallClock = wallClock;
        this.cname = cname;
        this.ticksPerReport = Math.max(1, REPORT_INTERVAL.toNanos() / packetTime.toNanos());
    }

    /** Adds a zone; it ticks from the next boundary on. */
    public void add(ZoneStream stream, Consumer<RtpPacket> fanOut) {
        add(stream, fanOut, null);
    }

    /** Adds a zone whose RTCP sender reports go to {@code control} every 5 s while it sends. */
    public void add(ZoneStream stream, Consumer<RtpPacket> fanOut, Consumer<byte[]> control) {
        zones.add(new Zone(stream, Protection.NONE, fanOut, control));
    }

    /** Adds a zone whose packets and sender reports pass {@code protection} on their way to {@code output}. */
    public void add(ZoneStream stream, Protection protection, ZoneOutput output) {
        zones.add(new Zone(stream, protection, output::send, output::sendControl));
    }

    public void remove(ZoneStream stream) {
        zones.removeIf(z -> z.stream == stream);
    }

    /** Runs every tick that is due by now; returns how many ticks ran. */
    public int tickDue() {
        long now = clock.nanoTime();
        if (schedule == null) {
            schedule = new PacketSchedule(now, packetTime, Duration.ofMillis(100));
        }
        schedule.reanchorIfStalled(tick, now);
        int ran = 0;
        while (schedule.deadline(tick) <= now) {
            long lateness = now - schedule.deadline(tick);
            worstLateness = Math.max(worstLateness, lateness);
            boolean reportTick = tick % ticksPerReport == ticksPerReport - 1;
            boolean timed = PipelineMeters.timed(tick);
            for (Zone zone : zones) {
                RtpPacket packet = zone.stream.tick(tick);
                if (packet != null) {
                    zone.send(packet, lateness, timed);
                }
                if (reportTick && zone.control != null) {
                    report(zone);
                }
            }
            tick++;
            ran++;
        }
        return ran;
    }

    private void report(Zone zone) {
        RtpPacketizer packetizer = zone.stream.packetizer();
        // Only a zone that sent since the last report is a sender (RFC 3550 §6.4).
        if (packetizer.packetCount() > zone.packetsAtLastReport) {
            zone.packetsAtLastReport = packetizer.packetCount();
            RtcpSenderReport report = packetizer.senderReport(NtpTimestamp.of(wallClock.instant()));
            byte[] rtcp = zone.protection.protectControl(RtcpCodec.encodeCompound(report, cname));
            if (rtcp == null) {
                zone.meters.stage(PipelineStage.PROTECT).drop();
            } else {
                zone.control.accept(rtcp);
            }
        }
    }

    /** Ticks on the calling thread, waiting on the clock between boundaries, while {@code keepGoing} says so. */
    public void run(BooleanSupplier keepGoing) {
        while (keepGoing.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            tickDue();
            clock.waitUntil(schedule.deadline(tick));
        }
    }

    /** The number of the next tick. */
    public long nextTick() {
        return tick;
    }

    /** When the next tick is due, once ticking has started. */
    public long nextDeadline() {
        return schedule == null ? clock.nanoTime() : schedule.deadline(tick);
    }

    /** The latest any tick ran after its boundary, in nanoseconds. */
    public long worstLatenessNanos() {
        return worstLateness;
    }

    public long reanchors() {
        return schedule == null ? 0 : schedule.reanchors();
    }
}
