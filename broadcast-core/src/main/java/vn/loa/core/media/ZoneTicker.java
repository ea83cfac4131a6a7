package vn.loa.core.media;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import vn.loa.core.rtp.RtpPacket;

/**
 * Drives every zone stream of a server from one clock: at each packet-time boundary each zone sends its next packet
 * to its fan-out, so all zones tick together however many there are.
 *
 * <p>Zones may be added and removed from any thread; {@link #tickDue} and {@link #run} belong to one pacing thread.
 * Deadlines follow {@link PacketSchedule}: no drift, and no burst after a stall.
 */
public final class ZoneTicker {

    private record Zone(ZoneStream stream, Consumer<RtpPacket> fanOut) {
    }

    private final MediaClock clock;
    private final Duration packetTime;
    private final List<Zone> zones = new CopyOnWriteArrayList<>();
    private PacketSchedule schedule;
    private long tick;
    private long worstLateness;

    public ZoneTicker(MediaClock clock, Duration packetTime) {
        this.clock = clock;
        this.packetTime = packetTime;
    }

    /** Adds a zone; it ticks from the next boundary on. */
    public void add(ZoneStream stream, Consumer<RtpPacket> fanOut) {
        zones.add(new Zone(stream, fanOut));
    }

    public void remove(ZoneStream stream) {
        zones.removeIf(z -> z.stream() == stream);
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
            worstLateness = Math.max(worstLateness, now - schedule.deadline(tick));
            for (Zone zone : zones) {
                RtpPacket packet = zone.stream().tick(tick);
                if (packet != null) {
                    zone.fanOut().accept(packet);
                }
            }
            tick++;
            ran++;
        }
        return ran;
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
