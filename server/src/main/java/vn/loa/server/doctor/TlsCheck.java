package vn.loa.server.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Whether the HTTPS files (tls.cert, tls.key) can be read and the certificate is valid now and for a while yet. */
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
        try (InputStream in = Files.newInputStream(certificate)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            return Finding.fail(SUBJECT, "không đọc được chứng chỉ " + certificate + " (certificate unreadable): "
                    + e.getMessage());
        }
        try {
            if (!Files.readString(key, StandardCharsets.US_ASCII).contains("PRIVATE KEY-----")) {
                return Finding.fail(SUBJECT, key + " không phải khóa riêng PEM (not a PEM private key)");
            }
        } catch (IOException e) {
            return Finding.fail(SUBJECT, "không đọc được khóa " + key + " (key unreadable) với người dùng "
                    + System.getProperty("user.name") + ": sudo chgrp loa " + key + " && sudo chmod 640 " + key);
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
