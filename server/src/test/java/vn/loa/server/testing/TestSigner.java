package vn.loa.server.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A signing key and its certificate made by the JDK's keytool for one test: self-signed, or issued by another
 * TestSigner acting as a test CA; valid from {@code startDate} (keytool's form, e.g. "-3d") for {@code days}.
 */
public final class TestSigner {

    private static final String PASSWORD = "loa-test";

    private final Path store;
    private final PrivateKey key;
    private final X509Certificate certificate;

    private TestSigner(Path store) throws Exception {
        this.store = store;
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        this.key = (PrivateKey) ks.getKey("k", PASSWORD.toCharArray());
        this.certificate = (X509Certificate) ks.getCertificate("k");
    }

    /** A self-signed EC key valid from now for a day. */
    public static TestSigner selfSigned(String cn) throws Exception {
        return make(cn, null, 1);
    }

    /** A self-signed EC key valid from {@code startDate} for {@code days}. */
    public static TestSigner make(String cn, String startDate, int days) throws Exception {
        Path dir = TempDirs.create("loa-signer-");
        Path store = dir.resolve("k.p12");
        keytool(startDate == null ? new String[] {"-genkeypair", "-alias", "k", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + cn, "-validity", String.valueOf(days), "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-ext", "bc:c"}
                : new String[] {"-genkeypair", "-alias", "k", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=" + cn, "-startdate", startDate, "-validity", String.valueOf(days),
                        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD});
        return new TestSigner(store);
    }

    /** A key whose certificate this signer (a test CA) issues, valid from now for a day. */
    public TestSigner issue(String cn) throws Exception {
        TestSigner holder = make(cn, null, 1);
        Path dir = holder.store.getParent();
        keytool("-certreq", "-alias", "k", "-keystore", holder.store.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("req.pem").toString());
        keytool("-gencert", "-alias", "k", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-infile", dir.resolve("req.pem").toString(), "-outfile", dir.resolve("cert.pem").toString(),
                "-rfc", "-validity", "1");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", holder.store.toString(), "-storepass",
                PASSWORD, "-file", pemFile(dir.resolve("ca.pem")).toString());
        keytool("-importcert", "-noprompt", "-alias", "k", "-keystore", holder.store.toString(), "-storepass",
                PASSWORD, "-file", dir.resolve("cert.pem").toString());
        return new TestSigner(holder.store);
    }

    public PrivateKey key() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as PEM, as an admin pastes it. */
    public String pem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private Path pemFile(Path file) throws Exception {
        Files.writeString(file, pem());
        return file;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
        }
    }
}
