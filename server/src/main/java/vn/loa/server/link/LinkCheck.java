package vn.loa.server.link;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./loa link-check URL [--ca FILE] [--id ID --key KEY]}: plays a downstream against the upstream at {@code URL}
 * and prints what passes (docs/province-link.md): it answers, its TLS certificate is trusted and valid, its clock is
 * close enough (the {@code time} of its {@code /health}; a message signed more than {@code link.max.skew} away is
 * refused), it speaks the link (a malformed message is a 400 {@code malformed_message}), it refuses a message signed
 * by a key it does not know (401) and an enrolment with a wrong key (401 {@code bad_key}). It never enrols with the
 * real key: that would replace the downstream's registered public key. Exits 1 when a check fails.
 */
public final class LinkCheck {

    /** The upstream refuses messages signed further than this from its clock (the default {@code link.max.skew}). */
    private static final Duration STALE = Duration.ofHours(6);
    /** An offset above this is worth a warning: reports show times a minute off. */
    private static final Duration WARN = Duration.ofSeconds(60);

    private record Result(boolean passed, String line) {
    }

    private final String url;
    private final HttpClient http;
    private final List<Result> results = new ArrayList<>();

    LinkCheck(String url, Path ca) {
        this.url = url.replaceAll("/+$", "");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (ca != null) {
            builder.sslContext(vn.loa.server.config.LinkTrust.of(ca));
        }
        this.http = builder.build();
    }

    public static void main(String[] args) {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: loa link-check URL [--ca FILE] [--id ID --key KEY]");
            System.exit(2);
        }
        Path ca = null;
        String id = null;
        String key = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--ca" -> ca = Path.of(args[i + 1]);
                case "--id" -> id = args[i + 1];
                case "--key" -> key = args[i + 1];
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        LinkCheck check = new LinkCheck(args[0], ca);
        boolean ok = check.run(id, key);
        System.exit(ok ? 0 : 1);
    }

    /** Runs every check, printing each as it goes; true when none failed. */
    boolean run(String id, String key) {
        HttpResponse<String> health;
        long start = System.nanoTime();
        long answered;
        try {
            health = http.send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(15))
                    .build(), HttpResponse.BodyHandlers.ofString());
            answered = System.nanoTime();
            long ms = (answered - start) / 1_000_000;
            report(health.statusCode() == 200, "reachable: GET /health answered " + health.statusCode() + " in " + ms
                    + " ms");
        } catch (Exception e) {
            report(false, "reachable: " + url + " cannot be reached: " + e);
            return summary();
        }
        tls(health);
        clock(health, start, answered);
        expect("speaks the link: a malformed message", "/api/v1/link/poll", new JsonObject().put("payload", "%%%")
                .put("signature", "x"), 400, "malformed_message");
        Envelope forged = new Envelope(UUID.randomUUID().toString(), Envelope.CONTROL, 0, Instant.now(),
                "link-check-" + UUID.randomUUID().toString().substring(0, 8), "?", Envelope.POLL, null,
                new JsonObject().put("after", 0).put("wait", 0));
        expect("refuses a sender it does not know", "/api/v1/link/poll",
                SignedMessage.sign(forged, LinkKeys.generate().getPrivate()).json(), 401, "unknown_sender");
        if (id != null && key != null) {
            expect("refuses an enrolment with a wrong key (the real key is not used: it would replace the registered "
                    + "public key)", "/api/v1/link/enrol", new JsonObject().put("id", id).put("key", key + "-not")
                    .put("publicKey", LinkKeys.encode(LinkKeys.generate().getPublic())), 401, "bad_key");
        }
        return summary();
    }

    private void tls(HttpResponse<String> health) {
        if (!url.startsWith("https://")) {
            report(true, "tls: none (plain http: use https:// outside a trusted network)");
            return;
        }
        health.sslSession().ifPresentOrElse(s -> {
            try {
                X509Certificate cert = (X509Certificate) s.getPeerCertificates()[0];
                Instant notAfter = cert.getNotAfter().toInstant();
                boolean soon = notAfter.isBefore(Instant.now().plus(Duration.ofDays(14)));
                report(!notAfter.isBefore(Instant.now()), "tls: " + s.getProtocol() + ", certificate "
                        + cert.getSubjectX500Principal().getName() + " trusted, valid until " + notAfter
                        + (soon ? " (renew it soon)" : ""));
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                report(false, "tls: the peer was not verified: " + e.getMessage());
            }
        }, () -> report(false, "tls: no TLS session"));
    }

    private void clock(HttpResponse<String> health, long sentNanos, long answeredNanos) {
        String time;
        try {
            time = new JsonObject(health.body()).getString("time");
        } catch (DecodeException | ClassCastException e) {
            time = null;
        }
        if (time == null) {
            report(false, "clock: /health does not say the upstream's time (an older Loa, or another system)");
            return;
        }
        // The upstream read its clock somewhere in the round trip: its middle is the best guess of when.
        Instant ours = Instant.now().minusNanos((System.nanoTime() - (sentNanos + answeredNanos) / 2));
        Duration offset = Duration.between(ours, Instant.parse(time));
        long ms = offset.toMillis();
        boolean stale = offset.abs().compareTo(STALE) > 0;
        report(!stale, "clock: the upstream's clock is " + Math.abs(ms) + " ms " + (ms >= 0 ? "ahead" : "behind")
                + " (round trip " + (answeredNanos - sentNanos) / 1_000_000 + " ms)"
                + (stale ? ": messages would be refused as stale" : offset.abs().compareTo(WARN) > 0
                        ? ": set both clocks by NTP" : ""));
    }

    private void expect(String what, String path, JsonObject body, int status, String code) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            String error;
            try {
                error = new JsonObject(r.body()).getString("error");
            } catch (DecodeException | ClassCastException e) {
                error = null;
            }
            report(r.statusCode() == status && code.equals(error), what + ": " + r.statusCode() + " " + error
                    + " (expected " + status + " " + code + ")");
        } catch (Exception e) {
            report(false, what + ": " + e);
        }
    }

    private void report(boolean passed, String line) {
        results.add(new Result(passed, line));
        System.out.println((passed ? "PASS " : "FAIL ") + line);
    }

    private boolean summary() {
        long failed = results.stream().filter(r -> !r.passed()).count();
        System.out.println(failed == 0 ? "link-check: all " + results.size() + " checks passed"
                : "link-check: " + failed + " of " + results.size() + " checks failed");
        return failed == 0;
    }
}
