package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.MemoryDatabase;

class OutboxInboxTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private Jdbi jdbi;
    private final List<String> woken = new ArrayList<>();
    private final Outbox outbox = new Outbox(woken::add);
    private final Inbox inbox = new Inbox();

    @BeforeEach
    void database() {
        jdbi = new MemoryDatabase().jdbi();
    }

    @Test
    void sequencesCountWithoutGapsPerPeerAndStreamAndTheWaitingPeerIsWokenAfterCommit() {
        jdbi.useTransaction(h -> {
            put(h, "xa-a", Envelope.BULLETINS);
            put(h, "xa-a", Envelope.BULLETINS);
            put(h, "xa-b", Envelope.BULLETINS);
            put(h, "xa-a", Envelope.REPORTS);
            assertThat(woken).as("not before the commit").isEmpty();
        });
        assertThat(woken).contains("xa-a", "xa-b");
        assertThat(jdbi.withHandle(h -> outbox.after(h, "xa-a", Envelope.BULLETINS, 0, 10)).stream()
                .map(Outbox.Pending::seq)).containsExactly(1L, 2L);
        assertThat(jdbi.withHandle(h -> outbox.after(h, "xa-b", Envelope.BULLETINS, 0, 10)).stream()
                .map(Outbox.Pending::seq)).containsExactly(1L);
        assertThat(jdbi.withHandle(h -> outbox.backlog(h, "xa-a")).count()).isEqualTo(3);
    }

    @Test
    void aMessageOfARolledBackChangeIsNeverSentAndTakesNoNumber() {
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            put(h, "xa-a", Envelope.BULLETINS);
            throw new IllegalStateException("the approval failed");
        })).isInstanceOf(IllegalStateException.class);
        jdbi.useTransaction(h -> put(h, "xa-a", Envelope.BULLETINS));
        assertThat(jdbi.withHandle(h -> outbox.after(h, "xa-a", Envelope.BULLETINS, 0, 10)).stream()
                .map(Outbox.Pending::seq)).containsExactly(1L);
        assertThat(woken).containsExactly("xa-a");
    }

    @Test
    void anAcknowledgementRemovesEverythingUpToItsNumber() {
        jdbi.useTransaction(h -> {
            for (int i = 0; i < 3; i++) {
                put(h, "xa-a", Envelope.BULLETINS);
            }
        });
        jdbi.useHandle(h -> outbox.acknowledged(h, "xa-a", Envelope.BULLETINS, 2));
        assertThat(jdbi.withHandle(h -> outbox.after(h, "xa-a", Envelope.BULLETINS, 0, 10)).stream()
                .map(Outbox.Pending::seq)).containsExactly(3L);
    }

    @Test
    void theReceiverTakesEachMessageOnceAndOnlyAfterItsPredecessor() {
        Envelope first = envelope("id-1", 1);
        Envelope second = envelope("id-2", 2);
        Envelope third = envelope("id-3", 3);
        jdbi.useHandle(h -> {
            assertThat(inbox.arrival(h, "tinh", second)).isEqualTo(Inbox.Arrival.GAP);
            assertThat(inbox.arrival(h, "tinh", first)).isEqualTo(Inbox.Arrival.NEXT);
            inbox.applied(h, "tinh", first, "ok", NOW);
            assertThat(inbox.arrival(h, "tinh", first)).isEqualTo(Inbox.Arrival.SEEN);
            assertThat(inbox.arrival(h, "tinh", third)).isEqualTo(Inbox.Arrival.GAP);
            assertThat(inbox.arrival(h, "tinh", second)).isEqualTo(Inbox.Arrival.NEXT);
            assertThat(inbox.last(h, "tinh", Envelope.BULLETINS)).isEqualTo(1);
        });
        // Two copies racing past the check: the second's record is refused, so its transaction rolls back.
        assertThatThrownBy(() -> jdbi.useHandle(h -> inbox.applied(h, "tinh", first, "again", NOW)))
                .hasMessageContaining("LINK_INBOX");
    }

    private void put(org.jdbi.v3.core.Handle h, String peer, String stream) {
        outbox.put(h, peer, stream, Envelope.BULLETIN, new JsonObject().put("title", "Họp dân"), NOW, null);
    }

    private static Envelope envelope(String id, long seq) {
        return new Envelope(id, Envelope.BULLETINS, seq, NOW, "tinh", "xa-a", Envelope.BULLETIN, null,
                new JsonObject());
    }
}
