package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.testing.MovableClock;

class MessageCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final MessageCheck check = new MessageCheck(clock, Duration.ofHours(6));
    private final KeyPair commune = LinkKeys.generate();

    private static Envelope report(Instant at, String sender, String to) {
        return new Envelope("m-1", Envelope.REPORTS, 1, at, sender, to, Envelope.DELIVERIES, null,
                new JsonObject().put("origin", 7).put("note", "Loa thôn 1 đã phát"));
    }

    private MessageCheck.Checked checked(SignedMessage message) {
        return check.check(message, "tinh", sender -> sender.equals("xa-a") ? Optional.of(commune.getPublic())
                : Optional.empty());
    }

    @Test
    void aMessageSignedByItsSenderPassesWithItsContentIntact() {
        MessageCheck.Checked c = checked(SignedMessage.sign(report(NOW, "xa-a", "tinh"), commune.getPrivate()));
        assertThat(c.envelope().body().getString("note")).isEqualTo("Loa thôn 1 đã phát");
        assertThat(c.clockOffsetMs()).isZero();
    }

    @Test
    void aChangedPayloadOrAnotherKeysSignatureIsRefused() {
        SignedMessage genuine = SignedMessage.sign(report(NOW, "xa-a", "tinh"), commune.getPrivate());
        SignedMessage other = SignedMessage.sign(report(NOW.plusMillis(1), "xa-a", "tinh"), commune.getPrivate());
        assertRefused(new SignedMessage(other.payload(), genuine.signature()), "bad_signature");
        assertRefused(SignedMessage.sign(report(NOW, "xa-a", "tinh"), LinkKeys.generate().getPrivate()),
                "bad_signature");
    }

    @Test
    void anUnknownSenderAnotherRecipientAndGarbageAreRefused() {
        assertRefused(SignedMessage.sign(report(NOW, "xa-z", "tinh"), commune.getPrivate()), "unknown_sender");
        assertRefused(SignedMessage.sign(report(NOW, "xa-a", "tinh-khac"), commune.getPrivate()), "wrong_recipient");
        assertRefused(new SignedMessage("bm90IGpzb24", "x"), "malformed_message");
    }

    @Test
    void anHourOfSkewIsMeasuredButSevenHoursIsStale() {
        MessageCheck.Checked ahead = checked(SignedMessage.sign(report(NOW.plus(Duration.ofHours(1)), "xa-a", "tinh"),
                commune.getPrivate()));
        assertThat(ahead.clockOffsetMs()).isEqualTo(3_600_000);
        assertRefused(SignedMessage.sign(report(NOW.minus(Duration.ofHours(7)), "xa-a", "tinh"), commune.getPrivate()),
                "stale_message");
        SignedMessage captured = SignedMessage.sign(report(NOW, "xa-a", "tinh"), commune.getPrivate());
        clock.advance(Duration.ofHours(7));
        assertRefused(captured, "stale_message");
    }

    private void assertRefused(SignedMessage message, String code) {
        assertThatThrownBy(() -> checked(message)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).code()).isEqualTo(code));
    }
}
