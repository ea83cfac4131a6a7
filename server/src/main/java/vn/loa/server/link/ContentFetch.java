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
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.server.refusal.Refusal;

/**
 * Content a bulletin names by SHA-256 and size, fetched by the downstream once (recordings, ADR 0048; pictures, ADR
 * 0061): a signed control envelope {@code {kind, body: {sha256}}} to the kind's call, the bytes checked against size
 * and hash, then kept by the kind's {@link Keeper}. Bytes the keeper refuses (corrupt, too long, too large) are
 * remembered, so the bulletin is refused and reported up, never fetched again in a loop. Counts what is served and
 * fetched for {@code /metrics} ({@code loa_link_<name>_sent_total}, {@code _fetched_total}, their {@code _bytes}).
 * Blocking (files, HTTP).
 */
final class ContentFetch {

    /** A kind of content: the envelope's kind, the upstream's call, the metrics' name, what a counter counts. */
    record Kind(String envelope, String path, String metric, String noun) {
    }

    /** Where fetched bytes go once they match their hash. */
    interface Keeper {
        /** True when this system holds the content of the hash already. */
        boolean holds(String sha256);

        /** The folder a fetch writes into before the bytes are checked (the keeper's own, so a move stays cheap). */
        Path scratch();

        /** The largest size this system accepts: a bulletin naming more is refused without a fetch. */
        long limit();

        /** Keeps bytes that match their hash as this system's own; a {@link Refusal} when it will not use them. */
        void keep(UpstreamLink link, String sha256, JsonObject described, Path bytes) throws IOException;
    }

    private final Kind kind;
    private final Keeper keeper;
    private final UpstreamCalls calls;
    private final LinkIdentity identity;
    private final Clock clock;
    private final Counter sent;
    private final Counter sentBytes;
    private final Counter fetched;
    private final Counter fetchedBytes;
    /** Hashes whose bytes this system will not use, and why. */
    private final Map<String, Refusal> refused = new ConcurrentHashMap<>();

    ContentFetch(Kind kind, Keeper keeper, UpstreamCalls calls, LinkIdentity identity, MeterRegistry registry,
            Clock clock) {
        this.kind = kind;
        this.keeper = keeper;
        this.calls = calls;
        this.identity = identity;
        this.clock = clock;
        String m = "loa.link." + kind.metric();
        this.sent = Counter.builder(m + ".sent").description(kind.noun() + " served to downstream systems")
                .register(registry);
        this.sentBytes = Counter.builder(m + ".sent.bytes")
                .description("Bytes of " + kind.noun().toLowerCase() + " served to downstream systems").register(registry);
        this.fetched = Counter.builder(m + ".fetched").description(kind.noun() + " fetched from the upstream")
                .register(registry);
        this.fetchedBytes = Counter.builder(m + ".fetched.bytes")
                .description("Bytes of " + kind.noun().toLowerCase() + " fetched from the upstream").register(registry);
    }

    /** Counts content served whole (its bytes). */
    void served(long bytes) {
        sent.increment();
        sentBytes.increment(bytes);
    }

    /**
     * The hash of content a bulletin names in {@code field}: {@link IllegalArgumentException} (malformed) when it is
     * not a hash, a refusal {@code code} (reported up) when this system will not use its bytes.
     */
    String usable(Object described, String field, String code, String what) {
        String sha = ((JsonObject) described).getString("sha256");
        if (!isHash(sha)) {
            throw new IllegalArgumentException("'" + field + "' names its content by SHA-256 (64 hex digits)");
        }
        Refusal r = refused.get(sha);
        if (r != null) {
            throw new Refusal(Refusal.Kind.UNUSABLE, code, what + " của bản tin không dùng được ở đây: "
                    + r.getMessage(), null, field);
        }
        return sha;
    }

    /**
     * Fetches, before the bulletin is applied, the content it names that this system does not hold yet. A fetch that
     * fails (the link dropped, a hash mismatch) throws, so the bulletin waits and the poll asks again.
     */
    void fetchMissing(UpstreamLink link, JsonArray described) throws IOException, InterruptedException {
        for (Object o : described) {
            JsonObject d = (JsonObject) o;
            String sha = d.getString("sha256");
            if (!isHash(sha) || refused.containsKey(sha) || keeper.holds(sha)) {
                continue;
            }
            long size = d.getLong("size", -1L);
            if (size > keeper.limit()) {
                refused.put(sha, new Refusal(Refusal.Kind.TOO_LARGE, "too_large", size + " bytes, over the "
                        + keeper.limit() + " this system takes"));
                continue;
            }
            fetch(link, sha, size, d);
        }
    }

    private void fetch(UpstreamLink link, String sha, long size, JsonObject described) throws IOException,
            InterruptedException {
        Files.createDirectories(keeper.scratch());
        Path part = keeper.scratch().resolve("link-" + UUID.randomUUID() + ".part");
        try {
            Envelope ask = new Envelope(UUID.randomUUID().toString(), Envelope.CONTROL, 0, clock.instant(),
                    link.systemId(), link.upstreamId(), kind.envelope(), null, new JsonObject().put("sha256", sha));
            UpstreamCalls.Answer answer = calls.fetch(link.url(), kind.path(), identity.sign(ask), part);
            if (!answer.ok()) {
                throw new IOException("the upstream did not give " + kind.envelope() + " " + sha + ": "
                        + answer.status() + " " + answer.error());
            }
            long got = Files.size(part);
            String hash = sha256(part);
            if (!hash.equals(sha) || (size >= 0 && got != size)) {
                throw new IOException(kind.envelope() + " " + sha + " arrived as " + hash + " (" + got
                        + " bytes): refused");
            }
            try {
                keeper.keep(link, sha, described, part);
            } catch (Refusal r) {
                // Bytes as sent, but not content this system will use: the bulletin is refused and reported up.
                refused.put(sha, r);
                return;
            }
            fetched.increment();
            fetchedBytes.increment(got);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    static boolean isHash(String sha) {
        return sha != null && sha.matches("[0-9a-f]{64}");
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
