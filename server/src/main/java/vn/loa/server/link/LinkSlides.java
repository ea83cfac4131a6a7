package vn.loa.server.link;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.display.AnnouncementSlides;
import vn.loa.server.refusal.Refusal;

/**
 * An announcement's pictures over the link (ADR 0061), as recordings travel: a bulletin names them as
 * {@code slides: [{sha256, size, type}]}; the downstream fetches a hash it does not hold once
 * ({@code POST /api/v1/link/slides}, signed, {@link ContentFetch}) and stores the bytes through its own picture
 * checks; its copy of the bulletin names the same pictures. The upstream serves a hash only to a downstream it sent a
 * bulletin with it. Blocking (files, JDBC, HTTP).
 */
final class LinkSlides {

    private final Jdbi jdbi;
    private final AnnouncementSlides slides;
    private final ContentFetch fetch;

    LinkSlides(Jdbi jdbi, AnnouncementSlides slides, UpstreamCalls calls, LinkIdentity identity,
            MeterRegistry registry, Clock clock) {
        this.jdbi = jdbi;
        this.slides = slides;
        this.fetch = new ContentFetch(new ContentFetch.Kind(Envelope.SLIDE, "/api/v1/link/slides", "slides",
                "Pictures"), new ContentFetch.Keeper() {
                    @Override
                    public boolean holds(String sha) {
                        return jdbi.withHandle(h -> slides.holds(h, sha));
                    }

                    @Override
                    public Path scratch() {
                        return slides.folder();
                    }

                    @Override
                    public long limit() {
                        return AnnouncementSlides.LIMIT;
                    }

                    @Override
                    public void keep(UpstreamLink link, String sha, JsonObject d, Path bytes) throws IOException {
                        slides.store(d.getString("type"), Files.readAllBytes(bytes));
                    }
                }, calls, identity, registry, clock);
    }

    // ---- upstream

    /** The pictures of an announcement as a bulletin names them: {@code [{sha256, size, type}]}, in order. */
    JsonArray describe(Handle h, long announcementId) {
        return new JsonArray(slides.of(h, announcementId).stream().map(p -> new JsonObject().put("sha256", p.sha256())
                .put("size", p.size()).put("type", p.type())).toList());
    }

    /** The file of a picture of a bulletin sent to this downstream; anything else is "not found". */
    Path servable(String downstream, String sha256) {
        boolean sent = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM announcement_slide s JOIN link_sent ls "
                        + "ON ls.announcement_id = s.announcement_id WHERE s.sha256 = :s AND ls.downstream_id = :d")
                .bind("s", sha256).bind("d", downstream).mapTo(Integer.class).one() > 0);
        Path file = slides.file(sha256);
        if (!sent || !Files.isRegularFile(file)) {
            throw Refusal.notFound("ảnh", sha256);
        }
        return file;
    }

    /** The fetch of pictures (downstream) and its counters (both sides). */
    ContentFetch fetch() {
        return fetch;
    }

    // ---- downstream

    /**
     * The hashes of a bulletin's pictures, each held here; refused ({@code slide_refused}) when this system would not
     * take one, {@link IllegalStateException} when one is not fetched yet.
     */
    List<String> held(Handle h, JsonArray pictures) {
        List<String> hashes = new ArrayList<>();
        for (Object o : pictures) {
            String sha = fetch.usable(o, "slides", "slide_refused", "Ảnh");
            if (!slides.holds(h, sha)) {
                throw new IllegalStateException("picture " + sha + " is not fetched yet");
            }
            if (!hashes.contains(sha)) {
                hashes.add(sha);
            }
        }
        return hashes;
    }

    /** Names the pictures as those of the bulletin's local copy. */
    void attach(Handle h, long announcementId, List<String> hashes) {
        slides.attach(h, announcementId, hashes);
    }
}
