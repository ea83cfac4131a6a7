package vn.loa.server.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Loa's settled configuration: defaults, then {@code loa.conf}, then the environment (see {@code loa-defaults.properties}).
 */
public record LoaConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        String adminPassword,
        String rootZoneName,
        long bodyLimit,
        Duration tokenTtl,
        int loginUserLimit,
        int loginAddressLimit,
        Duration loginWindow,
        RtpSettings rtp,
        SpeechSettings speech,
        ProgrammeSettings programmes,
        HotlineConfig hotline,
        SecuritySettings security,
        AuditSettings audit,
        BackupSettings backup,
        ClusterSettings cluster,
        LinkSettings link,
        ListenSettings listen) {

    /** The file of an embedded database URL ({@code jdbc:h2:file:<data dir>/loa;...} → {@code <data dir>/loa.mv.db}). */
    public static Path h2File(String h2Url) {
        return Path.of(h2Url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db");
    }

    /** True when the database is PostgreSQL rather than the embedded H2. */
    public boolean isPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    /** A copy listening on another port (tests use 0 for a free one). */
    public LoaConfig withHttpPort(int port) {
        return new LoaConfig(httpHost, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, adminPassword,
                rootZoneName, bodyLimit, tokenTtl, loginUserLimit, loginAddressLimit, loginWindow, rtp, speech,
                programmes, hotline, security, audit, backup, cluster, link, listen);
    }
}
