package vn.loa.server.link;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import vn.loa.server.refusal.Refusal;

/**
 * Decides whether a signed message may be applied: it names a known sender, is signed by that sender's key over the
 * exact bytes carried, is addressed to this system, and was signed within {@code maxSkew} of this server's clock (so a
 * message captured and replayed later is stale). A skew smaller than that is not fatal: it is measured and shown in
 * the link's state. Replays inside the window are caught by id ({@link Inbox}). Thread-safe.
 */
public final class MessageCheck {

    /** A message that passed: its envelope and how far the sender's clock is ahead of ours. */
    public record Checked(Envelope envelope, long clockOffsetMs) {
    }

    private final Clock clock;
    private final Duration maxSkew;

    public MessageCheck(Clock clock, Duration maxSkew) {
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /**
     * @param self  this system's id as its peers know it
     * @param keyOf the public key of a sender id, empty when the sender is unknown or not enrolled
     */
    public Checked check(SignedMessage message, String self, Function<String, Optional<PublicKey>> keyOf) {
        Envelope envelope;
        try {
            envelope = message.unverified();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("malformed_message", "Bản tin liên thông sai định dạng: " + e.getMessage());
        }
        PublicKey key = keyOf.apply(envelope.sender()).orElseThrow(() -> new Refusal(Refusal.Kind.UNAUTHENTICATED,
                "unknown_sender", "Hệ thống gửi '" + envelope.sender() + "' chưa được liên kết với hệ thống này.",
                "The sender '" + envelope.sender() + "' is not linked to this system.", null));
        if (!message.signedBy(key)) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "bad_signature", "Chữ ký của bản tin không khớp với khóa "
                    + "của hệ thống gửi (bản tin bị sửa hoặc ký bằng khóa khác).",
                    "The signature does not match the sender's key (tampered, or signed with another key).", null);
        }
        if (!envelope.to().equals(self)) {
            throw Refusal.invalid("wrong_recipient", "Bản tin gửi cho '" + envelope.to() + "', không phải hệ thống "
                    + "này ('" + self + "').");
        }
        Instant now = clock.instant();
        long offset = Duration.between(now, envelope.at()).toMillis();
        if (Math.abs(offset) > maxSkew.toMillis()) {
            throw new Refusal(Refusal.Kind.INVALID, "stale_message", "Thời điểm ký bản tin (" + envelope.at()
                    + ") lệch quá " + maxSkew.toMinutes() + " phút so với đồng hồ hệ thống này: bản tin cũ bị phát "
                    + "lại, hoặc đồng hồ một bên sai.", "The message's time is too far from this server's clock.", "at");
        }
        return new Checked(envelope, offset);
    }
}
