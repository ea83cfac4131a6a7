package vn.loa.server.link;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.refusal.Refusal;

/**
 * Applies one signed message from a peer exactly once and in order, on either side of the link: checks it
 * ({@link MessageCheck}), then in one transaction finds it the next of its stream ({@link Inbox}), applies its content
 * and records its id. A replay or a gap is refused with 409 and changes nothing; content this system will not apply
 * (a bulletin aimed outside the linked zone) is consumed as refused, so the stream goes on, and told to the sender.
 * Every refusal is audited. Blocking (JDBC).
 */
public final class Receiver {

    /** Applies a message's content on the receiving transaction; its outcome, or a {@link Refusal} of its content. */
    public interface Content {
        String apply(Handle h, Envelope e);

        /** Records, on its own transaction, that the content was refused (tells the sender, say). */
        default void refused(Handle h, Envelope e, Refusal refusal) {
        }
    }

    /** The public key of a sender id, read on the handle; empty when not a peer of this side. */
    public interface Keys {
        Optional<PublicKey> of(Handle h, String sender);
    }

    /** A message taken: applied with an outcome, or consumed as refused. */
    public record Taken(Envelope envelope, long clockOffsetMs, String outcome, Refusal refusal) {
    }

    private final Jdbi jdbi;
    private final MessageCheck check;
    private final Inbox inbox;
    private final LinkAudit audit;
    private final Clock clock;

    public Receiver(Jdbi jdbi, MessageCheck check, Inbox inbox, LinkAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.check = check;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a message's signature, recipient and time; refusals audited. */
    public MessageCheck.Checked checked(SignedMessage message, String address, String self, Keys keys) {
        try {
            return jdbi.withHandle(h -> check.check(message, self, sender -> keys.of(h, sender)));
        } catch (Refusal r) {
            String sender;
            try {
                sender = message.unverified().sender();
            } catch (IllegalArgumentException e) {
                sender = "?";
            }
            audit.refused(sender, address, "message", r);
            throw r;
        }
    }

    public Taken take(SignedMessage message, String address, String self, Keys keys, Content content) {
        MessageCheck.Checked checked = checked(message, address, self, keys);
        Envelope e = checked.envelope();
        try {
            String outcome = jdbi.inTransaction(h -> {
                switch (inbox.arrival(h, e.sender(), e)) {
                    case SEEN -> throw new Refusal(Refusal.Kind.CONFLICT, "replayed", "Bản tin '" + e.id()
                            + "' đã được nhận trước đó (phát lại).", "Message already applied.", "id");
                    case GAP -> {
                        long expected = inbox.last(h, e.sender(), e.stream()) + 1;
                        throw new Refusal(Refusal.Kind.CONFLICT, "sequence_gap", "Thiếu bản tin trước: cần số thứ tự "
                                + expected + " của luồng '" + e.stream() + "'.", "expected " + expected, "seq");
                    }
                    case NEXT -> { }
                }
                String applied;
                try {
                    applied = content.apply(h, e);
                } catch (ClassCastException | IllegalArgumentException | java.time.DateTimeException bad) {
                    // Signed by a peer but not what this version understands: consumed as refused, never retried.
                    throw Refusal.invalid("malformed_content", "Nội dung bản tin '" + e.kind() + "' không hợp lệ: "
                            + bad.getMessage(), "body");
                }
                inbox.applied(h, e.sender(), e, applied, clock.instant());
                return applied;
            });
            return new Taken(e, checked.clockOffsetMs(), outcome, null);
        } catch (Refusal r) {
            if ("sequence_gap".equals(r.code())) {
                throw r; // the sender resends from the expected one: nothing wrong to audit
            }
            audit.refused(e.sender(), address, "message " + e.id(), r);
            if ("replayed".equals(r.code())) {
                throw r;
            }
            jdbi.useTransaction(h -> {
                if (inbox.arrival(h, e.sender(), e) == Inbox.Arrival.NEXT) {
                    inbox.applied(h, e.sender(), e, "refused: " + r.code(), clock.instant());
                    content.refused(h, e, r);
                }
            });
            return new Taken(e, checked.clockOffsetMs(), "refused: " + r.code(), r);
        }
    }
}
