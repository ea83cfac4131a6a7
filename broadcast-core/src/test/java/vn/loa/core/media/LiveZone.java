package vn.loa.core.media;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import vn.loa.core.arbiter.Claim;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.arbiter.ZoneArbiter;
import vn.loa.core.model.Priority;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;

/**
 * Plays encoded frames in real time as one zone stream of the server's path (share, packetise, protect, pace and
 * fan-out through {@link ZoneStream} and {@link ZoneTicker}), with a packetiser the test chooses; for the tests that
 * hand the stream to an independent receiver.
 */
final class LiveZone {

    private LiveZone() {
    }

    /** Plays {@code frames} to the end through {@code protection} to {@code output}; {@code sent} gets each plain packet. */
    static void play(MediaSource<EncodedFrame> frames, RtpPacketizer packetizer, Protection protection,
            ZoneOutput output, List<RtpPacket> sent) {
        ZoneArbiter arbiter = new ZoneArbiter("zone", InstantSource.system(), event -> { });
        ZoneStream stream = new ZoneStream(arbiter, packetizer, 160);
        ZoneTicker ticker = new ZoneTicker(MediaClock.system(), Duration.ofMillis(20));
        ticker.add(stream, new Protection() {
            @Override
            public RtpPacket protect(RtpPacket packet) {
                sent.add(packet);
                return protection.protect(packet);
            }

            @Override
            public byte[] protectControl(byte[] rtcp) {
                return protection.protectControl(rtcp);
            }
        }, output);
        stream.attach("notice", ProgrammeFeed.open(() -> frames));
        arbiter.submit(new Claim("notice", Priority.SCHEDULED, PreemptionPolicy.DROP));
        ticker.run(() -> arbiter.onAir().isPresent());
    }
}
