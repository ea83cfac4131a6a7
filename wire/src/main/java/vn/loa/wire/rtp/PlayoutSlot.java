package vn.loa.wire.rtp;

/**
 * One packet's turn to play at a receiver: the packet, or {@code null} when it never came and the decoder must
 * conceal the gap; then {@code next} is the packet after it when that one is already here (Opus can rebuild the lost
 * one from its in-band FEC), else null.
 */
public record PlayoutSlot(long sequence, RtpPacket packet, RtpPacket next) {

    public PlayoutSlot(long sequence, RtpPacket packet) {
        this(sequence, packet, null);
    }

    public boolean lost() {
        return packet == null;
    }
}
