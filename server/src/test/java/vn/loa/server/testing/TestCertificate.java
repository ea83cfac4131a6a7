package vn.loa.server.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1 made by openssl for one test run: PEM files, and TLS contexts from them. */
public final class TestCertificate {

    private static final char[] PASSWORD = "loa-test".toCharArray();

    private final Path dir;

    private TestCertificate(Path dir) {
        this.dir = dir;
    }

    /** Makes the key, the certificate (subject alternative name IP 127.0.0.1) and a PKCS#12 store of both. */
    public static TestCertificate make() throws Exception {
        Path dir = TempDirs.create("loa-cert-");
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1");
        run(dir, "openssl", "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-out", "store.p12",
                "-passout", "pass:" + new String(PASSWORD));
        return new TestCertificate(dir);
    }

    public Path certificate() {
        return dir.resolve("cert.pem");
    }

    public Path key() {
        return dir.resolve("key.pem");
    }

    /** A server-side context that presents this certificate. */
    public SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("store.p12"))) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    /** A client-side context that trusts this certificate alone. */
    public SSLContext clientContext() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate())) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            store.setCertificateEntry("test", cert);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
