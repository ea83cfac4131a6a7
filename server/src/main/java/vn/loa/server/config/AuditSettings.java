package vn.loa.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Where the audit log goes beyond the database (issue 22, ADR 0027): a syslog receiver it is forwarded to, the key that
 * signs its daily digests, how often they are taken, and how long rows are kept.
 *
 * @param syslog         {@code tcp://host:port} or {@code tls://host:port}; null when nothing is forwarded
 * @param syslogCa       PEM certificates a TLS receiver's certificate must chain to; null means the JVM's trust store
 * @param signingKey     the file holding the digest signing key (made on first start, readable by its owner only)
 * @param retentionDays  days a row is kept; 0 keeps every row
 * @param forwardEvery   how often new rows are looked for and sent
 */
public record AuditSettings(URI syslog, Path syslogCa, Path signingKey, Duration digestEvery, int retentionDays,
        Duration forwardEvery) {

    static AuditSettings from(Properties p, Path dataDir) {
        String syslog = p.getProperty("audit.syslog", "").trim();
        URI uri = null;
        if (!syslog.isEmpty()) {
            try {
                uri = URI.create(syslog);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("audit.syslog (LOA_AUDIT_SYSLOG) is not a URL: " + e.getMessage());
            }
            if (!("tcp".equals(uri.getScheme()) || "tls".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getPort() <= 0) {
                throw new ConfigException("audit.syslog (LOA_AUDIT_SYSLOG) must be tcp://host:port or tls://host:port, "
                        + "got '" + syslog + "'");
            }
        }
        String ca = p.getProperty("audit.syslog.ca", "").trim();
        String key = p.getProperty("audit.signing.key", "").trim();
        return new AuditSettings(uri, ca.isEmpty() ? null : Path.of(ca).toAbsolutePath(),
                key.isEmpty() ? dataDir.resolve("audit-signing.key") : Path.of(key).toAbsolutePath(),
                Duration.ofHours(ConfigLoader.integer(p, "audit.digest.hours", 1, 24 * 31)),
                ConfigLoader.integer(p, "audit.retention.days", 0, 365 * 100),
                Duration.ofSeconds(ConfigLoader.integer(p, "audit.forward.interval", 1, 3600)));
    }
}
