package vn.loa.wire.srtp;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;

/**
 * The protecting side of one zone stream's SRTP session: it encrypts and authenticates each RTP packet once, and
 * the same bytes go to every node agent of the zone, which all hold the same key.
 *
 * <p>Thread-safe: the pacing thread protects while the control channel asks for the {@link #rolloverCounter}. A
 * crypto context is derived for each SSRC on its first packet, so the sender needs no SSRC up front. Protecting
 * fails only on a programming error (not RTP, or a packet index sent twice, which would reuse a key stream): that
 * is an {@link IllegalArgumentException} or {@link IllegalStateException}.
 */
public final class SrtpSender implements AutoCloseable {

    private final SrtpSession session;
    private final Map<Long, OutgoingStream> streams = new HashMap<>();
    private final Map<Long, SrtcpCryptoContext> controls = new HashMap<>();
    private boolean closed;

    public SrtpSender(SrtpMasterKey key) {
        this.session = new SrtpSession(key, true);
    }

    /** The SRTP form of {@code packet}: the same header, the payload encrypted, the authentication tag after it. */
    public byte[] protect(RtpPacket packet) {
        return protect(RtpPacketCodec.encode(packet));
    }

    /** The SRTP form of an RTP packet's wire bytes, in a new array 10 bytes longer. */
    public synchronized byte[] protect(byte[] rtp) {
        requireOpen();
        RtpHeaders.requireRtp(rtp, 0, rtp.length);
        long ssrc = RtpHeaders.ssrc(rtp, 0);
        int sequence = RtpHeaders.sequenceNumber(rtp, 0);
        OutgoingStream stream = streams.computeIfAbsent(ssrc,
                s -> new OutgoingStream(crypto(() -> session.rtp(s, 0))));
        PacketBuffer buffer = PacketBuffer.copyOf(rtp, 0, rtp.length);
        SrtpErrorStatus status = crypto(() -> stream.context.transformPacket(buffer));
        if (status != SrtpErrorStatus.OK) {
            throw new IllegalStateException("SRTP refused to protect packet " + sequence + " of SSRC "
                    + Long.toHexString(ssrc) + ": " + status + " (a packet index sent twice would reuse a key stream)");
        }
        stream.sent(sequence);
        return buffer.toByteArray();
    }

    /** The SRTCP form of an RTCP compound packet: encrypted after its first 8 bytes, then index and tag. */
    public synchronized byte[] protectControl(byte[] rtcp) {
        requireOpen();
        RtpHeaders.requireRtcp(rtcp, 0, rtcp.length);
        long ssrc = RtpHeaders.rtcpSenderSsrc(rtcp, 0);
        SrtcpCryptoContext context = controls.computeIfAbsent(ssrc, s -> crypto(() -> session.rtcp(s)));
        PacketBuffer buffer = PacketBuffer.copyOf(rtcp, 0, rtcp.length);
        SrtpErrorStatus status = crypto(() -> context.transformPacket(buffer));
        if (status != SrtpErrorStatus.OK) {
            throw new IllegalStateException("SRTCP refused to protect a report of SSRC " + Long.toHexString(ssrc)
                    + ": " + status);
        }
        return buffer.toByteArray();
    }

    /**
     * How many times the sequence number of {@code ssrc} has wrapped past 65535 (RFC 3711 §3.3.1), 0 before its first
     * packet. A node agent that joins a running stream needs it along with the key, as GStreamer's {@code roc} does.
     */
    public synchronized int rolloverCounter(long ssrc) {
        OutgoingStream stream = streams.get(ssrc);
        return stream == null ? 0 : stream.roc;
    }

    /** Where the stream {@code ssrc} stands: its rollover counter and last sequence number, read together. */
    public synchronized StreamRollover position(long ssrc) {
        OutgoingStream stream = streams.get(ssrc);
        return stream == null ? new StreamRollover(ssrc, 0, -1)
                : new StreamRollover(ssrc, stream.roc, stream.lastSequence);
    }

    /** Overwrites the master key and forgets the derived keys; protecting after this is an IllegalStateException. */
    @Override
    public synchronized void close() {
        closed = true;
        streams.clear();
        controls.clear();
        session.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the SRTP sender is closed");
        }
    }

    private interface CryptoCall<T> {
        T call() throws GeneralSecurityException;
    }

    private static <T> T crypto(CryptoCall<T> call) {
        try {
            return call.call();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SRTP cipher failed: " + e.getMessage(), e);
        }
    }

    /** The rollover counter of one outgoing SSRC, followed as the packets leave in order. */
    private static final class OutgoingStream {
        private final SrtpCryptoContext context;
        private int roc;
        private int lastSequence = -1;

        OutgoingStream(SrtpCryptoContext context) {
            this.context = context;
        }

        void sent(int sequence) {
            // A step back of more than half the number space is a wrap forward, as RFC 3711 §3.3.1 estimates it.
            if (lastSequence >= 0 && sequence < lastSequence && lastSequence - sequence > 0x8000) {
                roc++;
                lastSequence = sequence;
            } else if (lastSequence < 0 || sequence > lastSequence) {
                lastSequence = sequence;
            }
        }
    }
}
