package vn.loa.server.link;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The downstream's link to its one upstream: an admin links it with the upstream's URL and the id and key the
 * upstream's admin handed out; this system enrols there with its public key and keeps the upstream's. Shows the
 * link's state (last heard, backlog, clock offset, last error). Blocking (JDBC, HTTP).
 */
public final class Upstream {

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Inbox inbox;
    private final LinkIdentity identity;
    private final UpstreamCalls calls;
    private final Clock clock;
    private final Runnable linked;

    /** @param linked told once a new link is stored (the link's threads start using it) */
    public Upstream(Jdbi jdbi, AuditLog audit, Outbox outbox, Inbox inbox, LinkIdentity identity, UpstreamCalls calls,
            Clock clock, Runnable linked) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.outbox = outbox;
        this.inbox = inbox;
        this.identity = identity;
        this.calls = calls;
        this.clock = clock;
        this.linked = linked;
    }

    /** Enrols at the upstream and stores the link; refuses when the upstream cannot be reached or says no. */
    public JsonObject link(Caller caller, String url, String id, String key) {
        Downstreams.requireAdmin(caller);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme())
                || "https".equals(uri.getScheme()))) {
            throw Refusal.invalid("invalid_url", "Địa chỉ hệ thống cấp trên phải là URL http:// hoặc https://.", "url");
        }
        UpstreamCalls.Answer answer;
        try {
            answer = calls.enrol(url, new JsonObject().put("id", id).put("key", key)
                    .put("publicKey", identity.publicKeyText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.DEPENDENCY_FAILED, "upstream_unreachable", "Không kết nối được hệ thống "
                    + "cấp trên tại " + url + ": " + e.getMessage(), "The upstream cannot be reached.", "url");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "interrupted", "Máy chủ đang dừng.");
        }
        if (!answer.ok()) {
            // The upstream answered: a refused id or key is this admin's input to fix (422), anything else its fault.
            boolean refused = answer.status() / 100 == 4;
            throw new Refusal(refused ? Refusal.Kind.UNUSABLE : Refusal.Kind.DEPENDENCY_FAILED, "upstream_refused",
                    "Hệ thống cấp trên từ chối liên kết (" + answer.error() + "): "
                            + answer.body().getString("message", ""), "The upstream refused.", "key");
        }
        JsonObject body = answer.body();
        String upstreamId = body.getString("upstream");
        String publicKey = body.getString("publicKey");
        JsonObject zone = body.getJsonObject("zone", new JsonObject());
        try {
            LinkKeys.publicKey(publicKey);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal(Refusal.Kind.DEPENDENCY_FAILED, "upstream_invalid", "Hệ thống cấp trên trả lời không có "
                    + "khóa công khai hợp lệ.");
        }
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            current(h).filter(old -> !old.upstreamId().equals(upstreamId)).ifPresent(old -> {
                outbox.forget(h, old.upstreamId());
                inbox.forget(h, old.upstreamId());
            });
            h.createUpdate("DELETE FROM link_upstream").execute();
            h.createUpdate("INSERT INTO link_upstream (id, url, system_id, upstream_id, upstream_key, zone_id, zone_name, "
                            + "linked_at, last_seen) VALUES (1, :url, :id, :up, :key, :zone, :zoneName, :at, :at)")
                    .bind("url", url).bind("id", id).bind("up", upstreamId).bind("key", publicKey)
                    .bind("zone", zone.getString("id", "")).bind("zoneName", zone.getString("name", ""))
                    .bind("at", Rows.utc(now)).execute();
            audit.record(h, caller, "upstream.link", "upstream:" + upstreamId, url + " as " + id);
        });
        linked.run();
        return state(caller);
    }

    public JsonObject state(Caller caller) {
        Downstreams.requireAdmin(caller);
        return jdbi.withHandle(h -> h.createQuery("SELECT url, system_id, upstream_id, zone_id, zone_name, linked_at, "
                        + "last_seen, clock_offset_ms, last_error FROM link_upstream WHERE id = 1")
                .map((rs, ctx) -> {
                    Outbox.Backlog backlog = outbox.backlog(h, rs.getString("upstream_id"));
                    return new JsonObject().put("linked", true).put("url", rs.getString("url"))
                            .put("id", rs.getString("system_id")).put("upstream", rs.getString("upstream_id"))
                            .put("zone", new JsonObject().put("id", rs.getString("zone_id"))
                                    .put("name", rs.getString("zone_name")))
                            .put("linkedAt", Rows.instant(rs, "linked_at").toString())
                            .put("lastSeen", rs.getObject("last_seen") == null ? null
                                    : Rows.instant(rs, "last_seen").toString())
                            .put("clockOffsetMs", rs.getObject("clock_offset_ms") == null ? null
                                    : rs.getLong("clock_offset_ms"))
                            .put("lastError", rs.getString("last_error"))
                            .put("backlog", backlog.count())
                            .put("oldestUnsent", backlog.oldest() == null ? null : backlog.oldest().toString())
                            .put("lastApplied", inbox.last(h, rs.getString("upstream_id"), Envelope.BULLETINS));
                })
                .findOne().orElse(new JsonObject().put("linked", false)));
    }

    public Optional<UpstreamLink> current() {
        return jdbi.withHandle(this::current);
    }

    Optional<UpstreamLink> current(Handle h) {
        return h.createQuery("SELECT url, system_id, upstream_id, upstream_key, zone_id, zone_name FROM link_upstream "
                        + "WHERE id = 1")
                .map((rs, ctx) -> new UpstreamLink(rs.getString("url"), rs.getString("system_id"),
                        rs.getString("upstream_id"), LinkKeys.publicKey(rs.getString("upstream_key")),
                        rs.getString("zone_id"), rs.getString("zone_name")))
                .findOne();
    }

    /** The upstream's key when {@code sender} is the upstream. */
    public Optional<PublicKey> keyOf(Handle h, String sender) {
        return current(h).filter(l -> l.upstreamId().equals(sender)).map(UpstreamLink::upstreamKey);
    }

    /** Notes that the upstream answered, and how far its clock is ahead of ours. */
    void heard(long clockOffsetMs) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE link_upstream SET last_seen = :at, clock_offset_ms = :o, "
                        + "last_error = NULL WHERE id = 1")
                .bind("at", Rows.utc(clock.instant())).bind("o", clockOffsetMs).execute());
    }

    /** Notes why the last attempt to reach the upstream failed. */
    void failed(String error) {
        String text = error == null ? "?" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbi.useHandle(h -> h.createUpdate("UPDATE link_upstream SET last_error = :e WHERE id = 1")
                .bind("e", text).execute());
    }
}
