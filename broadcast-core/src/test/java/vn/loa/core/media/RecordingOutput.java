package vn.loa.core.media;

import java.util.ArrayList;
import java.util.List;
import vn.loa.wire.rtp.RtpPacket;

/** A zone output for tests that keeps what it is given, as the wire would carry it. */
final class RecordingOutput implements ZoneOutput {
    final List<RtpPacket> packets = new ArrayList<>();
    final List<byte[]> reports = new ArrayList<>();

    @Override
    public void send(RtpPacket packet) {
        packets.add(packet);
    }

    @Override
    public void sendControl(byte[] rtcp) {
        reports.add(rtcp);
    }
}
