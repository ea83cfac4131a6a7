package vn.loa.server.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.server.audio.AudioFile;
import vn.loa.server.audio.AudioLibrary;
import vn.loa.server.refusal.Refusal;

/**
 * Recordings over the link, content-addressed (ADR 0048): a bulletin names its recordings by SHA-256 and size; the
 * downstream fetches a hash it does not hold yet once ({@code POST /api/v1/link/audio}, signed), checks the bytes
 * against the hash, stores them as its own recording and remembers the hash ({@code link_audio}), so the next
 * bulletin with the same audio costs no bytes. The upstream hashes a recording once, when a bulletin first carries
 * it, and serves a hash only to a downstream it sent a bulletin with it. Blocking (files, JDBC, HTTP).
 */
final class LinkAudio {

    private final Jdbi jdbi;
    private final AudioLibrary library;
    private final UpstreamCalls calls;
    private final LinkIdentity identity;
    private final Clock clock;
    private final Counter sent;
    private final Counter sentBytes;
    private final Counter fetched;
    private final Counter fetchedBytes;
    /** Hashes whose bytes arrived intact but which this system's library refused, and why. */
    private final java.util.Map<String, Refusal> refused = new java.util.concurrent.ConcurrentHashMap<>();

    LinkAudio(Jdbi jdbi, AudioLibrary library, UpstreamCalls calls, LinkIdentity identity, MeterRegistry registry,
            Clock clock) {
        this.jdbi = jdbi;
        this.library = library;
        this.calls = calls;
        this.identity = identity;
        this.clock = clock;
        this.sent = Counter.builder("loa.link.audio.sent").description("Recordings served to downstream systems")
                .register(registry);
        this.sentBytes = Counter.builder("loa.link.audio.sent.bytes")
                .description("Bytes of recordings served to downstream systems").register(registry);
        this.fetched = Counter.builder("loa.link.audio.fetched").description("Recordings fetched from the upstream")
                .register(registry);
        this.fetchedBytes = Counter.builder("loa.link.audio.fetched.bytes")
                .description("Bytes of recordings fetched from the upstream").register(registry);
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
                        String hash = sha256(library.path(f));
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

    /** Counts a recording served (its bytes), for {@code /metrics}. */
    void served(long bytes) {
        sent.increment();
        sentBytes.increment(bytes);
    }

    // ---- downstream

    /**
     * Fetches, before the bulletin is applied, the recordings it names that this system does not hold yet. A fetch
     * that fails (the link dropped, a hash mismatch) throws, so the bulletin waits and the poll asks again.
     */
    void fetchMissing(UpstreamLink link, JsonArray audio) throws IOException, InterruptedException {
        for (Object o : audio) {
            JsonObject d = (JsonObject) o;
            String sha = d.getString("sha256");
            if (!isHash(sha) || refused.containsKey(sha) || local(sha).isPresent()) {
                continue;
            }
            fetch(link, sha, d.getLong("size", -1L), d.getString("name"));
        }
    }

    private void fetch(UpstreamLink link, String sha, long size, String name) throws IOException,
            InterruptedException {
        Path folder = library.uploadsFolder();
        Files.createDirectories(folder);
        Path part = folder.resolve("link-" + UUID.randomUUID() + ".part");
        try {
            Envelope ask = new Envelope(UUID.randomUUID().toString(), Envelope.CONTROL, 0, clock.instant(),
                    link.systemId(), link.upstreamId(), Envelope.AUDIO, null, new JsonObject().put("sha256", sha));
            UpstreamCalls.Answer answer = calls.fetchAudio(link.url(), identity.sign(ask), part);
            if (!answer.ok()) {
                throw new IOException("the upstream did not give recording " + sha + ": " + answer.status() + " "
                        + answer.error());
            }
            long got = Files.size(part);
            String hash = sha256(part);
            if (!hash.equals(sha) || (size >= 0 && got != size)) {
                throw new IOException("recording " + sha + " arrived as " + hash + " (" + got + " bytes): refused");
            }
            var above = jdbi.inTransaction(h -> LinkCallers.upstream(link, h));
            AudioFile stored;
            try {
                stored = library.store(above, fileName(name, sha), part);
            } catch (Refusal r) {
                // Bytes as sent, but not a recording this system will air (corrupt, too long): the bulletin is
                // refused and reported up, never fetched again in a loop.
                refused.put(sha, r);
                return;
            }
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO link_audio (audio_id, sha256, size_bytes) VALUES (:id, "
                    + ":s, :n)").bind("id", stored.id()).bind("s", sha).bind("n", got).execute());
            fetched.increment();
            fetchedBytes.increment(got);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The local recording ids of a bulletin's hashes; {@link IllegalStateException} when one is not here yet. */
    List<String> localIds(Handle h, JsonArray audio) {
        List<String> ids = new ArrayList<>();
        for (Object o : audio) {
            String sha = ((JsonObject) o).getString("sha256");
            if (!isHash(sha)) {
                throw new IllegalArgumentException("'audio' names a recording by its SHA-256 (64 hex digits)");
            }
            Refusal r = refused.get(sha);
            if (r != null) {
                throw new Refusal(Refusal.Kind.UNUSABLE, "audio_refused", "Bản ghi âm của bản tin không dùng được ở "
                        + "đây: " + r.getMessage(), null, "audio");
            }
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

    static boolean isHash(String sha) {
        return sha != null && sha.matches("[0-9a-f]{64}");
    }

    private static String fileName(String name, String sha) {
        if (name != null && !name.contains("..") && name.matches("[\\p{L}\\p{N} _()-][\\p{L}\\p{N} ._()-]{0,119}")) {
            return name;
        }
        return "ban-tin-" + sha.substring(0, 12) + ".audio";
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
