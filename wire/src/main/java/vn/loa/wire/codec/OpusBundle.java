package vn.loa.wire.codec;

import io.github.jaredmdobson.concentus.OpusRepacketizer;

/**
 * Packs consecutive Opus packets of one encoder into one packet of several frames (RFC 6716 §3.2.5, code 3), so an
 * RTP packet carries 40 or 60 ms instead of 20 and a 4G speaker pays the 40 bytes of IP, UDP and RTP headers a half or
 * a third as often. A decoder plays the packet as its frames in order (RFC 7587 §4.2 allows up to 120 ms).
 *
 * <p>Bytes in, bytes out; not thread-safe: one per stream.
 */
public final class OpusBundle {

    /** The largest packet a bundle makes: six 20 ms frames of 24 kb/s speech use well under a kilobyte. */
    private static final int MAX_BYTES = 1500;

    private OpusRepacketizer repacketizer = new OpusRepacketizer();
    private int frames;

    /**
     * Adds one packet; false when it cannot join the packets held (the encoder switched mode or bandwidth between
     * them, or the bundle would pass 120 ms): take the bundle, then add it again.
     */
    public boolean add(byte[] packet) {
        if (frames > 0 && repacketizer.addPacket(packet, 0, packet.length) != 0) {
            return false;
        }
        if (frames == 0) {
            repacketizer.Reset();
            if (repacketizer.addPacket(packet, 0, packet.length) != 0) {
                throw new IllegalArgumentException("not an Opus packet (" + packet.length + " bytes)");
            }
        }
        frames++;
        return true;
    }

    /** Packets held. */
    public int frames() {
        return frames;
    }

    /** The held packets as one, and an empty bundle again; null when none is held. */
    public byte[] take() {
        if (frames == 0) {
            return null;
        }
        byte[] out = new byte[MAX_BYTES];
        int length = repacketizer.createPacket(out, 0, out.length);
        if (length < 0) {
            throw new IllegalStateException("Opus repacketizer failed: " + length);
        }
        repacketizer = new OpusRepacketizer();
        frames = 0;
        return java.util.Arrays.copyOf(out, length);
    }
}
