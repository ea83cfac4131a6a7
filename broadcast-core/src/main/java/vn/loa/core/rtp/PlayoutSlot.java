package vn.loa.core.rtp;

/**
 * One packet's turn to play at a receiver: the packet, or {@code null} when it never came and the decoder must
 * conceal the gap.
 */
public record PlayoutSlot(long sequence, RtpPacket packet) {

    public boolean lost() {
        return packet == null;
    }
}
