package vn.loa.bench;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.link.Envelope;
import vn.loa.server.link.Outbox;

/**
 * The backlog of the catch-up phase, written while the upstream is stopped straight into its database by the
 * server's own {@link Outbox#put} (the call an approval makes for each downstream it reaches): copies of the newest
 * bulletin waiting for a downstream, each with an origin and title of its own, so it queues as that many bulletins
 * would. Creating 10,000 through the API (three calls each) would take longer than the whole bench.
 */
final class LinkBacklog {

    /** Origins of the copies start here, far above the upstream's own announcement ids. */
    static final long FIRST_ORIGIN = 1_000_000_000L;

    private LinkBacklog() {
    }

    /** Adds copies of the newest bulletin waiting for each peer, so as many as its count wait in all. */
    static void fill(String h2Url, Map<String, Integer> counts) {
        Jdbi jdbi = Jdbi.create(h2Url);
        Outbox outbox = new Outbox(peer -> { });
        jdbi.useTransaction(h -> {
            Instant now = Instant.now();
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                String peer = c.getKey();
                JsonObject template = new JsonObject(h.createQuery("SELECT body FROM link_outbox WHERE peer = :p AND "
                                + "stream = :s AND kind = :k ORDER BY seq DESC LIMIT 1").bind("p", peer)
                        .bind("s", Envelope.BULLETINS).bind("k", Envelope.BULLETIN).mapTo(String.class).one());
                for (int i = 1; i < c.getValue(); i++) {
                    outbox.put(h, peer, Envelope.BULLETINS, Envelope.BULLETIN, template.copy()
                            .put("origin", FIRST_ORIGIN + i).put("title", "Tin tồn đọng " + i), now, null);
                }
            }
        });
    }

    /** What the commune applied from its upstream, read from its database once stopped. */
    static JsonObject applied(String h2Url) {
        return Jdbi.create(h2Url).withHandle(h -> {
            JsonObject out = new JsonObject();
            h.createQuery("SELECT COUNT(*) AS n, COUNT(DISTINCT message_id) AS ids, MIN(seq) AS lo, MAX(seq) AS hi "
                            + "FROM link_inbox WHERE stream = :s").bind("s", Envelope.BULLETINS)
                    .map((rs, ctx) -> out.put("messagesApplied", rs.getLong("n")).put("distinctIds", rs.getLong("ids"))
                            .put("firstSeq", rs.getLong("lo")).put("lastSeq", rs.getLong("hi"))).one();
            h.createQuery("SELECT COUNT(*) AS n, COUNT(DISTINCT origin_id) AS origins, COUNT(DISTINCT announcement_id) "
                            + "AS announcements FROM link_received").map((rs, ctx) -> out
                            .put("bulletinsReceived", rs.getLong("n")).put("distinctOrigins", rs.getLong("origins"))
                            .put("announcementsCreated", rs.getLong("announcements"))).one();
            return out;
        });
    }
}
