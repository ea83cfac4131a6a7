package vn.loa.wire.srtp;

import java.security.GeneralSecurityException;
import java.util.logging.Level;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * One master key's side of an SRTP session in jitsi-srtp: it derives the crypto context of each SSRC, for RTP and
 * for RTCP, in the AES_CM_128_HMAC_SHA1_80 suite.
 *
 * <p>Not thread-safe; its owner ({@link SrtpSender} or {@link SrtpReceiver}) serialises calls.
 */
final class SrtpSession implements AutoCloseable {

    private static final int AUTH_KEY_LENGTH = 20;
    private static final int AUTH_TAG_LENGTH = 10;

    /** The 80-bit tag every protected packet ends with. */
    static final int TAG_LENGTH = AUTH_TAG_LENGTH;

    private final SrtpContextFactory factory;

    /**
     * @param sender whether this side protects (the server) or unprotects (a node agent)
     */
    SrtpSession(SrtpMasterKey key, boolean sender) {
        // Warnings only: the receiver counts dropped packets, and forged ones must not fill a node's log.
        LoggerImpl logger = new LoggerImpl(SrtpSession.class.getName(), Level.WARNING);
        this.factory = new SrtpContextFactory(sender, key.key(), key.salt(), policy(), policy(), logger);
        try {
            // The first context in a JVM makes jitsi-srtp benchmark the AES providers (seconds): pay for it here,
            // where the session is set up, not on the pacing thread's first packet. It also fails fast.
            factory.deriveContext(0, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES or HMAC-SHA1 implementation for SRTP: " + e.getMessage(), e);
        }
    }

    /** The RTP context of {@code ssrc}, starting at rollover counter {@code roc} (RFC 3711 §3.3.1). */
    SrtpCryptoContext rtp(long ssrc, int roc) throws GeneralSecurityException {
        return factory.deriveContext((int) ssrc, roc);
    }

    /** The RTCP context of the sender {@code ssrc}. */
    SrtcpCryptoContext rtcp(long ssrc) throws GeneralSecurityException {
        return factory.deriveControlContext((int) ssrc);
    }

    /** Overwrites the master key and salt this session holds. */
    @Override
    public void close() {
        factory.close();
    }

    private static SrtpPolicy policy() {
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, SrtpMasterKey.KEY_LENGTH,
                SrtpPolicy.HMACSHA1_AUTHENTICATION, AUTH_KEY_LENGTH, AUTH_TAG_LENGTH, SrtpMasterKey.SALT_LENGTH);
    }
}
