package vn.loa.server.link;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/**
 * The transactional outbox of the link: a message for a peer is written on the handle of the change it reports, so
 * both land or neither does; it stays until the peer acknowledges it. Sequences count per peer and stream without
 * gaps: {@code link_sequence}'s row is locked by its update until the transaction ends, so rows commit in sequence
 * order. Stateless; {@code wake} is told after each commit (a waiting long poll, a sleeping sender).
 */
public final class Outbox {

    /** A message waiting in the outbox, not yet signed. */
    public record Pending(String peer, String stream, long seq, String messageId, String kind, JsonObject body,
            Instant createdAt, Instant expiresAt) {

        public Envelope envelope(String sender, Instant at) {
            return new Envelope(messageId, stream, seq, at, sender, peer, kind, expiresAt, body);
        }
    }

    /** The backlog towards one peer: how many messages wait and since when the oldest. */
    public record Backlog(long count, Instant oldest) {
    }

    private final java.util.function.Consumer<String> wake;

    public Outbox(java.util.function.Consumer<String> wake) {
        this.wake = wake;
    }

    /** Puts a message for {@code peer} in the outbox on this transaction's handle; its id. */
    public String put(Handle h, String peer, String stream, String kind, JsonObject body, Instant now,
            Instant expires) {
        long seq = nextSeq(h, peer, stream);
        String id = UUID.randomUUID().toString();
        h.createUpdate("INSERT INTO link_outbox (peer, stream, seq, message_id, kind, body, created_at, expires_at) "
                        + "VALUES (:peer, :stream, :seq, :id, :kind, :body, :at, :expires)")
                .bind("peer", peer).bind("stream", stream).bind("seq", seq).bind("id", id).bind("kind", kind)
                .bind("body", body.encode()).bind("at", Rows.utc(now))
                .bind("expires", expires == null ? null : Rows.utc(expires)).execute();
        h.afterCommit(() -> wake.accept(peer));
        return id;
    }

    private static long nextSeq(Handle h, String peer, String stream) {
        int updated = h.createUpdate("UPDATE link_sequence SET next_seq = next_seq + 1 WHERE peer = :p AND stream = :s")
                .bind("p", peer).bind("s", stream).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO link_sequence (peer, stream, next_seq) VALUES (:p, :s, 2)")
                    .bind("p", peer).bind("s", stream).execute();
            return 1;
        }
        return h.createQuery("SELECT next_seq FROM link_sequence WHERE peer = :p AND stream = :s")
                .bind("p", peer).bind("s", stream).mapTo(Long.class).one() - 1;
    }

    /** The oldest messages waiting for {@code peer} in {@code stream} after {@code afterSeq}, in order. */
    public List<Pending> after(Handle h, String peer, String stream, long afterSeq, int limit) {
        return h.createQuery("SELECT peer, stream, seq, message_id, kind, body, created_at, expires_at FROM link_outbox "
                        + "WHERE peer = :p AND stream = :s AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("p", peer).bind("s", stream).bind("after", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> new Pending(rs.getString("peer"), rs.getString("stream"), rs.getLong("seq"),
                        rs.getString("message_id"), rs.getString("kind"), new JsonObject(rs.getString("body")),
                        Rows.instant(rs, "created_at"),
                        rs.getObject("expires_at") == null ? null : Rows.instant(rs, "expires_at")))
                .list();
    }

    public Optional<Pending> first(Handle h, String peer, String stream) {
        return after(h, peer, stream, 0, 1).stream().findFirst();
    }

    /** Removes what the peer has applied: every message of the stream up to {@code seq}. */
    public void acknowledged(Handle h, String peer, String stream, long seq) {
        h.createUpdate("DELETE FROM link_outbox WHERE peer = :p AND stream = :s AND seq <= :seq")
                .bind("p", peer).bind("s", stream).bind("seq", seq).execute();
    }

    public Backlog backlog(Handle h, String peer) {
        return h.createQuery("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM link_outbox WHERE peer = :p")
                .bind("p", peer)
                .map((rs, ctx) -> new Backlog(rs.getLong("n"),
                        rs.getObject("oldest") == null ? null : Rows.instant(rs, "oldest")))
                .one();
    }

    /** Forgets a peer's messages and sequences (it was unlinked). */
    public void forget(Handle h, String peer) {
        h.createUpdate("DELETE FROM link_outbox WHERE peer = :p").bind("p", peer).execute();
        h.createUpdate("DELETE FROM link_sequence WHERE peer = :p").bind("p", peer).execute();
    }
}
