package vn.loa.server.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.TlsFiles;

/**
 * Whether the HTTPS files (tls.cert, tls.key) can be read, the key is the certificate's, and the certificate is valid
 * now and for a while yet.
 */
final class TlsCheck implements Check {

    static final String SUBJECT = "HTTPS (TLS)";
    static final Duration RENEW_WITHIN = Duration.ofDays(14);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Path certificate;
    private final Path key;
    private final Clock clock;

    TlsCheck(Path certificate, Path key, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public Finding run() {
        if (certificate == null) {
            return Finding.ok(SUBJECT, "không bật, Loa phục vụ HTTP thường (plain HTTP): đặt một proxy TLS phía "
                    + "trước, hoặc đặt tls.cert và tls.key");
        }
        X509Certificate cert;
        try {
            cert = TlsFiles.certificate(certificate);
        } catch (ConfigException e) {
            return Finding.fail(SUBJECT, e.getMessage());
        }
        try {
            if (!Files.readString(key, StandardCharsets.US_ASCII).contains("PRIVATE KEY-----")) {
                return Finding.fail(SUBJECT, key + " không phải khóa riêng PEM (not a PEM private key)");
            }
        } catch (IOException e) {
            return Finding.fail(SUBJECT, "không đọc được khóa " + key + " (key unreadable) với người dùng "
                    + System.getProperty("user.name") + ": sudo chgrp loa " + key + " && sudo chmod 640 " + key);
        }
        try {
            // A key that is not the certificate's would start a server whose every handshake fails.
            TlsFiles.checkKey(certificate, key);
        } catch (ConfigException e) {
            return Finding.fail(SUBJECT, e.getMessage());
        }
        Instant now = clock.instant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return Finding.fail(SUBJECT, "chứng chỉ đã hết hạn ngày " + DAY.format(notAfter)
                    + " (certificate expired): trình duyệt và loa nhận sẽ từ chối kết nối; hãy gia hạn");
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            return Finding.fail(SUBJECT, "chứng chỉ chỉ có hiệu lực từ " + DAY.format(cert.getNotBefore().toInstant())
                    + " (not yet valid): kiểm tra đồng hồ của máy");
        }
        String subject = cert.getSubjectX500Principal().getName();
        if (now.plus(RENEW_WITHIN).isAfter(notAfter)) {
            return Finding.warn(SUBJECT, subject + " hết hạn ngày " + DAY.format(notAfter)
                    + " (expires soon): hãy gia hạn trước ngày đó");
        }
        return Finding.ok(SUBJECT, subject + ", còn hạn đến " + DAY.format(notAfter));
    }
}
