package vn.loa.server.air;

import vn.loa.core.media.ZoneOutput;
import vn.loa.wire.rtp.RtpPacket;

/**
 * A zone stream's output that lets packets through only while this server holds the zone (ADR 0038): a member that was
 * frozen or cut off past its lease drops what its pacing thread still makes, so two servers never feed one speaker.
 */
final class FencedOutput implements ZoneOutput {

    private final String zone;
    private final java.util.function.Predicate<String> holds;
    private final ZoneOutput next;
    /** Packets held back for want of the lease: the fan-out's drops, with those the network refused. */
    private final java.util.concurrent.atomic.LongAdder withheld = new java.util.concurrent.atomic.LongAdder();

    FencedOutput(String zone, java.util.function.Predicate<String> holds, ZoneOutput next) {
        this.zone = zone;
        this.holds = holds;
        this.next = next;
    }

    @Override
    public void send(RtpPacket packet) {
        if (holds.test(zone)) {
            next.send(packet);
        } else {
            withheld.increment();
        }
    }

    @Override
    public void sendControl(byte[] rtcp) {
        if (holds.test(zone)) {
            next.sendControl(rtcp);
        }
    }

    @Override
    public long datagramsSent() {
        return next.datagramsSent();
    }

    @Override
    public long sendFailures() {
        return next.sendFailures() + withheld.sum();
    }
}
