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
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.server.audio.AudioFile;
import vn.loa.server.audio.AudioLibrary;
import vn.loa.server.refusal.Refusal;

/**
 * Recordings over the link, content-addressed (ADR 0048): a bulletin names its recordings by SHA-256 and size; the
 * downstream fetches a hash it does not hold yet once ({@code POST /api/v1/link/audio}, signed, {@link ContentFetch}),
 * stores the checked bytes as its own recording and remembers the hash ({@code link_audio}), so the next
 * bulletin with the same audio costs no bytes. The upstream hashes a recording once, when a bulletin first carries
 * it, and serves a hash only to a downstream it sent a bulletin with it. Blocking (files, JDBC, HTTP).
 */
final class LinkAudio {

    private final Jdbi jdbi;
    private final AudioLibrary library;
    private final ContentFetch fetch;

    LinkAudio(Jdbi jdbi, AudioLibrary library, UpstreamCalls calls, LinkIdentity identity, MeterRegistry registry,
            Clock clock) {
        this.jdbi = jdbi;
        this.library = library;
        this.fetch = new ContentFetch(new ContentFetch.Kind(Envelope.AUDIO, "/api/v1/link/audio", "audio",
                "Recordings"), new ContentFetch.Keeper() {
                    @Override
                    public boolean holds(String sha) {
                        return local(sha).isPresent();
                    }

                    @Override
                    public Path scratch() {
                        return library.uploadsFolder();
                    }

                    @Override
                    public long limit() {
                        return Long.MAX_VALUE; // the library refuses a recording too long to air
                    }

                    @Override
                    public void keep(UpstreamLink link, String sha, JsonObject d, Path bytes) throws IOException {
                        long size = Files.size(bytes);
                        var above = jdbi.inTransaction(h -> LinkCallers.upstream(link, h));
                        AudioFile stored = library.store(above, fileName(d.getString("name"), sha), bytes);
                        jdbi.useHandle(h -> h.createUpdate("INSERT INTO link_audio (audio_id, sha256, size_bytes) "
                                + "VALUES (:id, :s, :n)").bind("id", stored.id()).bind("s", sha)
                                .bind("n", size).execute());
                    }
                }, calls, identity, registry, clock);
    }

    // ---- upstream

    /** The recordings of an announcement as a bulletin names them: {@code [{sha256, size, name}]}, in airing order. */
    JsonArray describe(Handle h, Announcement a) {
        List<String> ids = a.audioId() != null ? List.of(a.audioId()) : a.playlist();
        JsonArray out = new JsonArray();
        for (String id : ids) {
            AudioFile f = library.find(h, id).orElseThrow(() -> new IllegalStateException("audio " + id + " is gone"));
            String sha = h.createQuery("SELECT sha256 FROM link_audio WHERE audio_id = :id").bind("id", id)
                    .mapTo(String.class).findOne().orElseGet(() -> {
                        String hash = ContentFetch.sha256(library.path(f));
                        h.createUpdate("INSERT INTO link_audio (audio_id, sha256, size_bytes) VALUES (:id, :s, :n)")
                                .bind("id", id).bind("s", hash).bind("n", f.sizeBytes()).execute();
                        return hash;
                    });
            out.add(new JsonObject().put("sha256", sha).put("size", f.sizeBytes()).put("name", f.name()));
        }
        return out;
    }

    /**
     * The file of a hash a downstream may fetch: a recording of a bulletin sent to it. Anything else is "not found",
     * so a downstream learns nothing of the other communes' recordings.
     */
    Path servable(String downstream, String sha256) {
        Optional<AudioFile> file = jdbi.withHandle(h -> h.createQuery("SELECT la.audio_id FROM link_audio la "
                        + "WHERE la.sha256 = :s AND EXISTS (SELECT 1 FROM link_sent ls JOIN announcement a ON "
                        + "a.id = ls.announcement_id LEFT JOIN announcement_playlist p ON p.announcement_id = a.id "
                        + "WHERE ls.downstream_id = :d AND (a.audio_id = la.audio_id OR p.audio_id = la.audio_id))")
                .bind("s", sha256).bind("d", downstream).mapTo(String.class).list().stream()
                .map(id -> library.find(h, id)).flatMap(Optional::stream).findFirst());
        return file.map(library::path).filter(Files::isRegularFile)
                .orElseThrow(() -> Refusal.notFound("bản ghi âm", sha256));
    }

    /** The fetch of recordings (downstream) and its counters (both sides). */
    ContentFetch fetch() {
        return fetch;
    }

    // ---- downstream

    /** The local recording ids of a bulletin's hashes; {@link IllegalStateException} when one is not here yet. */
    List<String> localIds(Handle h, JsonArray audio) {
        List<String> ids = new ArrayList<>();
        for (Object o : audio) {
            String sha = fetch.usable(o, "audio", "audio_refused", "Bản ghi âm");
            ids.add(local(h, sha).orElseThrow(() -> new IllegalStateException("recording " + sha
                    + " is not fetched yet")));
        }
        return ids;
    }

    private Optional<String> local(String sha) {
        return jdbi.withHandle(h -> local(h, sha));
    }

    private static Optional<String> local(Handle h, String sha) {
        return h.createQuery("SELECT la.audio_id FROM link_audio la JOIN audio_file f ON f.id = la.audio_id "
                + "WHERE la.sha256 = :s").bind("s", sha).mapTo(String.class).findFirst();
    }

    private static String fileName(String name, String sha) {
        if (name != null && !name.contains("..") && name.matches("[\\p{L}\\p{N} _()-][\\p{L}\\p{N} ._()-]{0,119}")) {
            return name;
        }
        return "ban-tin-" + sha.substring(0, 12) + ".audio";
    }
}
