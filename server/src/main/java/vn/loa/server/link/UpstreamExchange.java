package vn.loa.server.link;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import vn.loa.server.refusal.Refusal;

/**
 * The downstream's side of the exchange with its upstream: makes the signed poll, applies the bulletins a poll
 * answers (and those an upstream pushes to {@code /api/v1/link/messages}) once and in order, then takes their
 * lifecycle steps. Blocking.
 */
public final class UpstreamExchange {

    private final Upstream upstream;
    private final Receiver receiver;
    private final BulletinIntake intake;
    private final LinkSteps steps;
    private final LinkIdentity identity;
    private final Inbox inbox;
    private final org.jdbi.v3.core.Jdbi jdbi;
    private final Clock clock;
    private final LinkAudio audio;
    private final LinkSlides slides;

    UpstreamExchange(org.jdbi.v3.core.Jdbi jdbi, Upstream upstream, Receiver receiver, BulletinIntake intake,
            LinkSteps steps, LinkAudio audio, LinkSlides slides, LinkIdentity identity, Inbox inbox, Clock clock) {
        this.audio = audio;
        this.slides = slides;
        this.jdbi = jdbi;
        this.upstream = upstream;
        this.receiver = receiver;
        this.intake = intake;
        this.steps = steps;
        this.identity = identity;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The signed poll: acknowledges what was applied and asks for what follows, waiting up to {@code wait}. */
    SignedMessage poll(UpstreamLink link, Duration wait) {
        long after = jdbi.withHandle(h -> inbox.last(h, link.upstreamId(), Envelope.BULLETINS));
        return identity.sign(new Envelope(UUID.randomUUID().toString(), Envelope.CONTROL, 0, clock.instant(), link.systemId(),
                link.upstreamId(), Envelope.POLL, null, new JsonObject().put("after", after)
                        .put("wait", wait.toSeconds())));
    }

    /**
     * Applies a poll's answer in order; stops at a message that cannot be taken now (a gap, a bad signature: the
     * next poll asks again from the last applied). Then takes the lifecycle steps.
     */
    void answered(UpstreamLink link, JsonObject answer) {
        String time = answer.getString("time");
        if (time != null) {
            upstream.heard(Duration.between(clock.instant(), Instant.parse(time)).toMillis());
        }
        JsonArray messages = answer.getJsonArray("messages", new JsonArray());
        try {
            for (Object m : messages) {
                try {
                    take(SignedMessage.of((JsonObject) m), link.url());
                } catch (Refusal r) {
                    if (!"replayed".equals(r.code())) {
                        throw r;
                    }
                }
            }
        } finally {
            steps.run();
        }
    }

    /** A message the upstream pushed; answered like a report at the upstream (409 for a replay). */
    public JsonObject receive(SignedMessage message, String address) {
        Receiver.Taken taken = take(message, address);
        steps.run();
        if (taken.refusal() != null) {
            throw taken.refusal();
        }
        return new JsonObject().put("applied", taken.envelope().seq()).put("outcome", taken.outcome());
    }

    private Receiver.Taken take(SignedMessage message, String address) {
        String self = upstream.current().map(UpstreamLink::systemId).orElse("");
        fetchContent(message, address, self);
        return receiver.take(message, address, self, upstream::keyOf, intake.content());
    }

    /** A fetch of a bulletin's content by hash. */
    private interface Fetch {
        void run() throws java.io.IOException, InterruptedException;
    }

    /**
     * Fetches the recordings and pictures a bulletin names before it is applied, outside its transaction (a
     * recording may take minutes over 4G); only once the message proved it comes from the upstream.
     */
    private void fetchContent(SignedMessage message, String address, String self) {
        Envelope unverified = message.unverified();
        JsonArray recordings = unverified.body().getValue("audio") instanceof JsonArray a ? a : new JsonArray();
        JsonArray pictures = unverified.body().getValue("slides") instanceof JsonArray p ? p : new JsonArray();
        if (!Envelope.BULLETIN.equals(unverified.kind()) || recordings.isEmpty() && pictures.isEmpty()) {
            return;
        }
        receiver.checked(message, address, self, upstream::keyOf);
        UpstreamLink link = upstream.current().orElseThrow();
        fetch(() -> audio.fetch().fetchMissing(link, recordings), "audio_unavailable", "bản ghi âm");
        fetch(() -> slides.fetch().fetchMissing(link, pictures), "slide_unavailable", "ảnh");
    }

    private static void fetch(Fetch fetch, String code, String what) {
        try {
            fetch.run();
        } catch (ClassCastException e) {
            return; // malformed: the intake refuses the bulletin, and the stream goes on
        } catch (java.io.IOException e) {
            throw new Refusal(Refusal.Kind.DEPENDENCY_FAILED, code, "Chưa lấy được " + what + " của bản tin từ cấp "
                    + "trên: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "interrupted", "Máy chủ đang dừng.");
        }
    }

    /** True when {@code sender} is this system's upstream. */
    public boolean isUpstream(String sender) {
        return upstream.current().map(l -> l.upstreamId().equals(sender)).orElse(false);
    }

    /** Settles what a crash cut short (at start). */
    void settle() {
        steps.run();
    }
}
