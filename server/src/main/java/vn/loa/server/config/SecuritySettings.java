package vn.loa.server.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How Loa defends itself (issue 22): how long an unused session lasts, how many sign-ins one name may try from strange
 * addresses, how many sign-in password checks run and wait at
 * once, the HTTP server's timeouts and per-address connection cap, who may read {@code /metrics}, and which private
 * hosts a relay may still pull from.
 *
 * @param metricsToken      the bearer token {@code /metrics} asks for; empty means only loopback callers may read it
 * @param relayAllowedHosts host names or addresses (lower case) a relay URL may name although they are private
 * @param tlsCertificate    PEM certificate chain HTTPS serves; null serves plain HTTP (behind a TLS proxy, or tests)
 * @param tlsKey            the certificate's PEM private key
 * @param redirectPort      the plain-HTTP port that answers every request with a redirect to HTTPS; 0 for none
 * @param stepUpMaxAge      how old a session's last second-factor proof may be when it airs an emergency (ADR 0024)
 * @param totpIssuer        the name authenticator apps show beside a Loa account
 * @param secretKey         the AES key that encrypts plugins' secret settings, or null to use (or create) the key
 *                          file {@code <data dir>/secret.key} (ADR 0023)
 */
public record SecuritySettings(Duration sessionIdle, int loginAccountLimit, int passwordThreads, int passwordQueue,
        Duration httpIdleTimeout, Duration httpHeaderTimeout, int connectionsPerAddress, String metricsToken,
        Set<String> relayAllowedHosts, java.nio.file.Path tlsCertificate, java.nio.file.Path tlsKey,
        Duration stepUpMaxAge, String totpIssuer, byte[] secretKey, int redirectPort) {

    /** Whether the server itself speaks HTTPS. */
    public boolean tls() {
        return tlsCertificate != null;
    }

    static SecuritySettings from(Properties p) {
        return new SecuritySettings(
                Duration.ofSeconds(ConfigLoader.integer(p, "auth.session.idle", 60, 7 * 24 * 3600)),
                ConfigLoader.integer(p, "auth.login.account.limit", 1, 100_000),
                ConfigLoader.integer(p, "auth.password.threads", 1, 64),
                ConfigLoader.integer(p, "auth.password.queue", 1, 10_000),
                Duration.ofSeconds(ConfigLoader.integer(p, "http.idle.timeout", 5, 24 * 3600)),
                Duration.ofSeconds(ConfigLoader.integer(p, "http.header.timeout", 1, 3600)),
                ConfigLoader.integer(p, "http.connections.per.address", 0, 1_000_000),
                p.getProperty("metrics.token", "").trim(),
                Arrays.stream(p.getProperty("relay.allowed.hosts", "").split(","))
                        .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()),
                file(p, "tls.cert"), file(p, "tls.key"),
                Duration.ofSeconds(ConfigLoader.integer(p, "stepup.max.age", 30, 24 * 3600)),
                issuer(p),
                secretKey(p.getProperty("secret.key", "").trim()),
                redirectPort(p));
    }

    private static int redirectPort(Properties p) {
        if (p.getProperty("http.redirect.port", "").isBlank()) {
            return 0;
        }
        int port = ConfigLoader.integer(p, "http.redirect.port", 1, 65535);
        if (p.getProperty("tls.cert", "").isBlank()) {
            throw new ConfigException("http.redirect.port (LOA_HTTP_REDIRECT_PORT) chỉ dùng khi có HTTPS / needs HTTPS: "
                    + "đặt tls.cert và tls.key, hoặc để trống / set tls.cert and tls.key, or leave it empty");
        }
        if (String.valueOf(port).equals(p.getProperty("http.port", "").trim())) {
            throw new ConfigException("http.redirect.port (LOA_HTTP_REDIRECT_PORT) phải khác http.port / must differ "
                    + "from http.port, got " + port);
        }
        return port;
    }

    private static java.nio.file.Path file(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        String other = key.endsWith("cert") ? "tls.key" : "tls.cert";
        if (value.isEmpty() != p.getProperty(other, "").trim().isEmpty()) {
            throw new ConfigException("tls.cert (LOA_TLS_CERT) and tls.key (LOA_TLS_KEY) go together: "
                    + "set both for HTTPS, or neither");
        }
        if (value.isEmpty()) {
            return null;
        }
        java.nio.file.Path path = java.nio.file.Path.of(value).toAbsolutePath();
        if (!java.nio.file.Files.isReadable(path)) {
            throw new ConfigException(key + " (" + ConfigLoader.envName(key) + "): không đọc được / cannot read " + path
                    + " (thiếu tệp, hoặc người dùng loa không có quyền đọc / missing, or not readable by the user loa)");
        }
        return path;
    }

    private static String issuer(Properties p) {
        String issuer = p.getProperty("auth.totp.issuer", "").trim();
        if (issuer.isEmpty() || issuer.length() > 60 || issuer.contains(":")) {
            throw new ConfigException("auth.totp.issuer (LOA_AUTH_TOTP_ISSUER) must be 1 to 60 characters without ':', "
                    + "got '" + issuer + "'");
        }
        return issuer;
    }

    /** A base64 AES key of 16, 24 or 32 bytes, or null when none is set. */
    private static byte[] secretKey(String text) {
        if (text.isEmpty()) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new ConfigException("secret.key (LOA_SECRET_KEY) must be an AES key of 32 bytes in base64, "
                    + "e.g. the output of: openssl rand -base64 32");
        }
        return key;
    }
}
