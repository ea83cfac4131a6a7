package vn.loa.server.link;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The upstream's side of the exchange with its downstreams: a downstream's poll acknowledges what it applied and
 * takes what waits for it, signed now; a downstream's report is applied once, in order. Every refusal is audited.
 * Blocking (JDBC).
 */
public final class DownstreamExchange {

    /** How many bulletins one poll answer carries at most. */
    static final int BATCH = 100;

    private final Jdbi jdbi;
    private final Downstreams downstreams;
    private final Receiver receiver;
    private final Outbox outbox;
    private final LinkAudit audit;
    private final LinkIdentity identity;
    private final String self;
    private final Clock clock;
    private final ReportIntake reports;
    private final LinkAudio audio;
    private final LinkSlides slides;

    DownstreamExchange(Jdbi jdbi, Downstreams downstreams, Receiver receiver, Outbox outbox, LinkAudio audio,
            LinkSlides slides, LinkAudit audit, LinkIdentity identity, String self, Clock clock) {
        this.audio = audio;
        this.slides = slides;
        this.reports = new ReportIntake(outbox, clock);
        this.jdbi = jdbi;
        this.downstreams = downstreams;
        this.receiver = receiver;
        this.outbox = outbox;
        this.audit = audit;
        this.identity = identity;
        this.self = self;
        this.clock = clock;
    }

    /** A checked poll: who asked, and the bulletins waiting for it now. */
    public record Poll(String downstream, List<SignedMessage> messages) {
    }

    /** Takes a poll: acknowledges up to its {@code after}, answers what waits after it (perhaps nothing yet). */
    public Poll poll(SignedMessage message, String address) {
        MessageCheck.Checked checked = receiver.checked(message, address, self, downstreams::keyOf);
        Envelope e = checked.envelope();
        try {
            return jdbi.inTransaction(h -> {
                if (!Envelope.POLL.equals(e.kind())) {
                    throw Refusal.invalid("wrong_kind", "Yêu cầu lấy bản tin phải có kind 'poll'.", "kind");
                }
                Instant last = h.createQuery("SELECT last_poll_at FROM link_downstream WHERE id = :id")
                        .bind("id", e.sender()).map((rs, ctx) -> rs.getObject(1) == null ? null
                                : Rows.instant(rs, "last_poll_at")).one();
                if (last != null && !e.at().isAfter(last)) {
                    throw Refusal.conflict("replayed", "Yêu cầu lấy bản tin này đã được dùng (phát lại).");
                }
                long after = e.body().getLong("after", 0L);
                outbox.acknowledged(h, e.sender(), Envelope.BULLETINS, after);
                seen(h, e.sender(), checked.clockOffsetMs(), e.at());
                return new Poll(e.sender(), pending(h, e.sender(), after));
            });
        } catch (Refusal r) {
            audit.refused(e.sender(), address, "poll", r);
            throw r;
        } catch (ClassCastException r) {
            throw Refusal.invalid("malformed_message", "Trường 'after' phải là số.");
        }
    }

    /**
     * A recording ({@code kind} audio) or a picture ({@code kind} slide) a downstream asked for by its hash: the file,
     * once the signed request checked out.
     */
    public java.nio.file.Path content(SignedMessage message, String address, String kind) {
        Envelope e = receiver.checked(message, address, self, downstreams::keyOf).envelope();
        try {
            if (!kind.equals(e.kind()) || !ContentFetch.isHash(e.body().getString("sha256"))) {
                throw Refusal.invalid("wrong_kind", "Yêu cầu lấy tệp theo mã băm có kind '" + kind + "' và 'sha256' "
                        + "(64 chữ số hex).", "body");
            }
            String sha = e.body().getString("sha256");
            return Envelope.AUDIO.equals(kind) ? audio.servable(e.sender(), sha) : slides.servable(e.sender(), sha);
        } catch (Refusal r) {
            audit.refused(e.sender(), address, kind, r);
            throw r;
        } catch (ClassCastException r) {
            throw Refusal.invalid("malformed_message", "Trường 'sha256' phải là chuỗi.");
        }
    }

    /** Counts a recording or picture served, for {@code /metrics}. */
    void served(String kind, long bytes) {
        (Envelope.AUDIO.equals(kind) ? audio.fetch() : slides.fetch()).served(bytes);
    }

    /** What waits for a downstream after {@code after}, signed now; for a poll that waited. */
    public List<SignedMessage> pending(String downstream, long after) {
        return jdbi.withHandle(h -> pending(h, downstream, after));
    }

    private List<SignedMessage> pending(Handle h, String downstream, long after) {
        Instant now = clock.instant();
        return outbox.after(h, downstream, Envelope.BULLETINS, after, BATCH).stream()
                .map(p -> identity.sign(p.envelope(self, now))).toList();
    }

    /** Applies a report from a downstream; answers the sequence applied. Refuses replays and gaps with 409. */
    public JsonObject receive(SignedMessage message, String address) {
        Receiver.Taken taken = receiver.take(message, address, self, downstreams::keyOf,
                (h, e) -> reports.apply(h, e.sender(), e));
        jdbi.useHandle(h -> seen(h, taken.envelope().sender(), taken.clockOffsetMs(), null));
        return new JsonObject().put("applied", taken.envelope().seq()).put("outcome", taken.outcome());
    }

    /** Notes that a downstream was heard from, its clock's offset, and the time of its poll (null for a report). */
    private void seen(Handle h, String downstream, long offset, Instant poll) {
        h.createUpdate("UPDATE link_downstream SET last_seen = :at, clock_offset_ms = :offset"
                        + (poll == null ? "" : ", last_poll_at = :poll") + " WHERE id = :id")
                .bind("at", Rows.utc(clock.instant())).bind("offset", offset).bind("id", downstream)
                .bindMap(poll == null ? java.util.Map.of() : java.util.Map.of("poll", Rows.utc(poll))).execute();
    }
}
