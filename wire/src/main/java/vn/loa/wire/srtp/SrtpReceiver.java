package vn.loa.wire.srtp;

import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;

/**
 * The unprotecting side of a zone stream's SRTP session, in a node agent: it checks each packet's authentication
 * tag and replay window before decrypting it, and drops (and counts) anything tampered, replayed, foreign or
 * malformed with an {@link SrtpRejectedException}.
 *
 * <p>Thread-safe (calls are serialised). A source's crypto context is kept only once a packet of it has
 * authenticated, so forged packets with made-up SSRCs leave nothing behind; a few sources are remembered (a
 * server restart brings a new SSRC), the oldest forgotten first.
 */
public final class SrtpReceiver implements AutoCloseable {

    /** Sources remembered at once: a zone stream has one, a restart or a second zone adds one. */
    private static final int MAX_SOURCES = 8;

    private final SrtpSession session;
    private final Map<Long, SrtpCryptoContext> sources = lru();
    private final Map<Long, SrtcpCryptoContext> controls = lru();
    private final Map<Long, StreamRollover> expected = lru();
    private final Map<SrtpFailure, Long> rejected = new EnumMap<>(SrtpFailure.class);
    private long accepted;
    private boolean closed;

    public SrtpReceiver(SrtpMasterKey key) {
        this.session = new SrtpSession(key, false);
    }

    /**
     * Prepares for a stream that is already running, as the server describes it when a node joins mid-way: the
     * stream's first packet here is decrypted at the rollover counter {@code position} implies for its sequence
     * number (RFC 3711 §3.3.1), so a join just before or after a wrap past 65535 works too. A source already being
     * received keeps its context, which follows the rollover itself. Without this call a new source starts at 0.
     */
    public synchronized void expect(StreamRollover position) {
        if (!sources.containsKey(position.ssrc())) {
            expected.put(position.ssrc(), position);
        }
    }

    /** The RTP packet inside a whole SRTP datagram. */
    public byte[] unprotect(byte[] srtp) throws SrtpRejectedException {
        return unprotect(srtp, 0, srtp.length);
    }

    /** The RTP packet inside {@code length} bytes of SRTP from {@code offset}, in a new array 10 bytes shorter. */
    public synchronized byte[] unprotect(byte[] srtp, int offset, int length) throws SrtpRejectedException {
        requireOpen();
        if (!RtpHeaders.isSrtp(srtp, offset, length)) {
            throw reject(SrtpFailure.MALFORMED, "not an SRTP packet of version 2 with a tag, " + length + " B");
        }
        long ssrc = RtpHeaders.ssrc(srtp, offset);
        SrtpCryptoContext known = sources.get(ssrc);
        StreamRollover position = expected.get(ssrc);
        int roc = position == null ? 0 : position.rolloverCounterOf(RtpHeaders.sequenceNumber(srtp, offset));
        SrtpCryptoContext context = known != null ? known : crypto(() -> session.rtp(ssrc, roc));
        PacketBuffer buffer = PacketBuffer.copyOf(srtp, offset, length);
        check(crypto(() -> context.reverseTransformPacket(buffer, false)), "SSRC " + Long.toHexString(ssrc));
        if (known == null) {
            sources.put(ssrc, context);
            expected.remove(ssrc);
        }
        return buffer.toByteArray();
    }

    /** The RTCP compound packet inside a whole SRTCP datagram. */
    public byte[] unprotectControl(byte[] srtcp) throws SrtpRejectedException {
        return unprotectControl(srtcp, 0, srtcp.length);
    }

    /** The RTCP compound packet inside {@code length} bytes of SRTCP from {@code offset}, index and tag removed. */
    public synchronized byte[] unprotectControl(byte[] srtcp, int offset, int length) throws SrtpRejectedException {
        requireOpen();
        if (!RtpHeaders.isSrtcp(srtcp, offset, length)) {
            throw reject(SrtpFailure.MALFORMED, "not an SRTCP packet of version 2 with index and tag, " + length + " B");
        }
        long ssrc = RtpHeaders.rtcpSenderSsrc(srtcp, offset);
        SrtcpCryptoContext known = controls.get(ssrc);
        SrtcpCryptoContext context = known != null ? known : crypto(() -> session.rtcp(ssrc));
        PacketBuffer buffer = PacketBuffer.copyOf(srtcp, offset, length);
        check(crypto(() -> context.reverseTransformPacket(buffer)), "RTCP of SSRC " + Long.toHexString(ssrc));
        if (known == null) {
            controls.put(ssrc, context);
        }
        return buffer.toByteArray();
    }

    /** Packets (RTP and RTCP) that authenticated and were decrypted. */
    public synchronized long accepted() {
        return accepted;
    }

    /** Packets dropped for {@code failure}. */
    public synchronized long rejected(SrtpFailure failure) {
        return rejected.getOrDefault(failure, 0L);
    }

    /** Overwrites the master key and forgets the derived keys; every later packet is rejected as CIPHER. */
    @Override
    public synchronized void close() {
        closed = true;
        sources.clear();
        controls.clear();
        expected.clear();
        session.close();
    }

    private void requireOpen() throws SrtpRejectedException {
        if (closed) {
            throw reject(SrtpFailure.CIPHER, "the receiver is closed (the node was given a new key)");
        }
    }

    private void check(SrtpErrorStatus status, String source) throws SrtpRejectedException {
        switch (status) {
            case OK -> accepted++;
            case AUTH_FAIL -> throw reject(SrtpFailure.AUTHENTICATION, "tag does not match for " + source);
            case REPLAY_FAIL, REPLAY_OLD -> throw reject(SrtpFailure.REPLAY, "already seen or too old on " + source);
            case INVALID_PACKET -> throw reject(SrtpFailure.MALFORMED, "header does not fit for " + source);
            default -> throw reject(SrtpFailure.CIPHER, status + " for " + source);
        }
    }

    private SrtpRejectedException reject(SrtpFailure failure, String detail) {
        rejected.merge(failure, 1L, Long::sum);
        return new SrtpRejectedException(failure, detail);
    }

    private interface CryptoCall<T> {
        T call() throws GeneralSecurityException;
    }

    private <T> T crypto(CryptoCall<T> call) throws SrtpRejectedException {
        try {
            return call.call();
        } catch (GeneralSecurityException e) {
            throw reject(SrtpFailure.CIPHER, e.getMessage());
        } catch (RuntimeException e) {
            // jitsi-srtp reads header lengths from the packet; bytes from the network must not crash the agent.
            throw reject(SrtpFailure.MALFORMED, e.toString());
        }
    }

    private static <V> Map<Long, V> lru() {
        return new LinkedHashMap<>(MAX_SOURCES, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > MAX_SOURCES;
            }
        };
    }
}
