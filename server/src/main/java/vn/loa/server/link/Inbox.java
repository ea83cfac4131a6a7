package vn.loa.server.link;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/**
 * The receiving side of exactly-once: a message is applied in the transaction that records its id
 * ({@code link_inbox}, whose key refuses a second row even when two copies race) and moves the stream's cursor
 * ({@code link_cursor}), so it is applied once, and only right after its predecessor. Stateless.
 */
public final class Inbox {

    /** What an arriving message is to this receiver. */
    public enum Arrival {
        /** The next of its stream: apply it. */
        NEXT,
        /** Applied before (a retry after a lost answer, or a replay): do nothing again. */
        SEEN,
        /** Ahead of what was applied: an earlier message is missing, the sender must send from {@link #last}. */
        GAP
    }

    public Arrival arrival(Handle h, String peer, Envelope e) {
        boolean seen = h.createQuery("SELECT COUNT(*) FROM link_inbox WHERE peer = :p AND message_id = :id")
                .bind("p", peer).bind("id", e.id()).mapTo(Integer.class).one() > 0;
        long last = last(h, peer, e.stream());
        if (seen || e.seq() <= last) {
            return Arrival.SEEN;
        }
        return e.seq() == last + 1 ? Arrival.NEXT : Arrival.GAP;
    }

    /** The last sequence applied from {@code peer} in {@code stream}; 0 before the first. */
    public long last(Handle h, String peer, String stream) {
        return h.createQuery("SELECT last_seq FROM link_cursor WHERE peer = :p AND stream = :s")
                .bind("p", peer).bind("s", stream).mapTo(Long.class).findOne().orElse(0L);
    }

    /** Records the message as applied (or refused: {@code outcome} says which) and moves the cursor past it. */
    public void applied(Handle h, String peer, Envelope e, String outcome, Instant now) {
        h.createUpdate("INSERT INTO link_inbox (peer, message_id, stream, seq, outcome, applied_at) "
                        + "VALUES (:p, :id, :s, :seq, :outcome, :at)")
                .bind("p", peer).bind("id", e.id()).bind("s", e.stream()).bind("seq", e.seq())
                .bind("outcome", outcome.length() > 300 ? outcome.substring(0, 300) : outcome)
                .bind("at", Rows.utc(now)).execute();
        int moved = h.createUpdate("UPDATE link_cursor SET last_seq = :seq WHERE peer = :p AND stream = :s")
                .bind("p", peer).bind("s", e.stream()).bind("seq", e.seq()).execute();
        if (moved == 0) {
            h.createUpdate("INSERT INTO link_cursor (peer, stream, last_seq) VALUES (:p, :s, :seq)")
                    .bind("p", peer).bind("s", e.stream()).bind("seq", e.seq()).execute();
        }
    }

    /** Forgets a peer (unlinked), so a new link starts its streams at 1. */
    public void forget(Handle h, String peer) {
        h.createUpdate("DELETE FROM link_cursor WHERE peer = :p").bind("p", peer).execute();
    }
}
