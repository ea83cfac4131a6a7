package vn.loa.node.media;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which RTP payload types this node accepts and what format each carries: the static 0 (PCMU) and 8 (PCMA), Opus on
 * Loa's dynamic type 111, and any dynamic type a play command names.
 *
 * <p>Thread-safe: the control channel learns types, the receiving thread looks them up.
 */
public final class PayloadTypes {

    /** The dynamic payload type Loa's server sends Opus on (broadcast-core's {@code StreamCodec.OPUS}). */
    public static final int LOA_OPUS = 111;

    private final Map<Integer, PayloadFormat> formats = new ConcurrentHashMap<>(Map.of(
            0, PayloadFormat.PCMU,
            8, PayloadFormat.PCMA,
            LOA_OPUS, PayloadFormat.OPUS));

    /** The format of {@code payloadType}, or empty for a type this node does not take. */
    public Optional<PayloadFormat> formatOf(int payloadType) {
        return Optional.ofNullable(formats.get(payloadType));
    }

    /**
     * Accepts a dynamic payload type (96–127) for a format, as a play command announces it. Static types keep their
     * RFC 3551 meaning whatever a command says.
     */
    public void learn(int payloadType, PayloadFormat format) {
        if (payloadType >= 96 && payloadType <= 127) {
            formats.put(payloadType, format);
        }
    }
}
