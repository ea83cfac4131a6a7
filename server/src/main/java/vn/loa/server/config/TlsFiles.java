package vn.loa.server.config;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;

/**
 * The HTTPS certificate and key (tls.cert, tls.key) checked before the server listens: both readable PEM, the
 * certificate valid now, and the key the one of the certificate's public key. Vert.x would otherwise start with a wrong
 * key and fail every handshake, so HTTPS would be silently dead.
 */
public final class TlsFiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final String CERT = "tls.cert (LOA_TLS_CERT): ";
    private static final String KEY = "tls.key (LOA_TLS_KEY): ";

    private TlsFiles() {
    }

    /** Throws a {@link ConfigException} naming the setting when the pair cannot serve HTTPS at {@code now}. */
    public static void check(Path certificate, Path key, Instant now) {
        X509Certificate cert = certificate(certificate);
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new ConfigException(CERT + "chứng chỉ " + certificate + " đã hết hạn ngày " + DAY.format(notAfter)
                    + " / the certificate expired on " + notAfter + ": hãy gia hạn / renew it");
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new ConfigException(CERT + "chứng chỉ " + certificate + " chỉ có hiệu lực từ "
                    + DAY.format(cert.getNotBefore().toInstant()) + " / not valid before " + cert.getNotBefore().toInstant()
                    + ": kiểm tra đồng hồ của máy / check the machine's clock");
        }
        checkKey(certificate, key);
    }

    /** Throws a {@link ConfigException} naming tls.key when the key cannot be read or is not the certificate's. */
    public static void checkKey(Path certificate, Path key) {
        if (!matches(certificate(certificate), privateKey(key, certificate))) {
            throw mismatch(certificate, key);
        }
    }

    private static ConfigException mismatch(Path certificate, Path key) {
        return new ConfigException(KEY + "khóa " + key + " không khớp với chứng chỉ " + certificate
                + " / the key does not match the certificate's public key: đặt đúng khóa đã tạo chứng chỉ này");
    }

    /** The first certificate of a PEM chain. */
    public static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new ConfigException(CERT + "không đọc được chứng chỉ PEM " + file + " / cannot read the PEM "
                    + "certificate: " + e.getMessage());
        }
    }

    /** The PEM private key (PKCS#8, or the "EC/RSA PRIVATE KEY" forms), read as Vert.x will read it. */
    private static PrivateKey privateKey(Path key, Path certificate) {
        try {
            KeyStore store = new PemKeyCertOptions().setKeyValue(Buffer.buffer(Files.readAllBytes(key)))
                    .setCertValue(Buffer.buffer(Files.readAllBytes(certificate))).loadKeyStore(null);
            for (String alias : Collections.list(store.aliases())) {
                // Vert.x keeps the PEM key in an in-memory store under its own fixed password.
                if (store.getKey(alias, io.vertx.core.net.impl.KeyStoreHelper.DUMMY_PASSWORD.toCharArray())
                        instanceof PrivateKey p) {
                    return p;
                }
            }
            throw new ConfigException(KEY + "không có khóa riêng trong " + key + " / no private key in it");
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains("does not match algorithm")) {
                // The JDK's key entry refuses a key of another algorithm than the certificate's (RSA for EC).
                throw mismatch(certificate, key);
            }
            throw new ConfigException(KEY + "không đọc được khóa riêng PEM " + key + " / cannot read the PEM private key: "
                    + e.getMessage());
        }
    }

    /** Whether the certificate's public key verifies what the private key signs. */
    public static boolean matches(X509Certificate cert, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null) {
            return cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm());
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(challenge);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(challenge);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            // An RSA key against an EC certificate, and the like.
            return false;
        }
    }
}
