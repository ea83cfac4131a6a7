package vn.loa.server.alert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * The key and self-signed certificate Loa signs the CAP it publishes with: {@code <data dir>/cap-signing.p12}, made at
 * first use by the JDK's own {@code keytool} (EC P-256, ten years), readable by the server's user only (ADR 0046).
 */
final class CapSigningKey {

    static final String FILE = "cap-signing.p12";
    private static final String ALIAS = "loa-cap";
    // The store sits in the data folder, guarded by its file mode like secret.key; the password only satisfies PKCS#12.
    private static final char[] PASSWORD = "loa-cap-signing".toCharArray();

    private final Path file;
    private volatile KeyStore.PrivateKeyEntry entry;

    CapSigningKey(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    synchronized KeyStore.PrivateKeyEntry entry() {
        if (entry == null) {
            try {
                if (!Files.exists(file)) {
                    generate();
                }
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, PASSWORD);
                }
                entry = (KeyStore.PrivateKeyEntry) store.getEntry(ALIAS, new KeyStore.PasswordProtection(PASSWORD));
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot read or make " + FILE + " in the data folder", e);
            }
        }
        return entry;
    }

    PrivateKey key() {
        return entry().getPrivateKey();
    }

    X509Certificate certificate() {
        return (X509Certificate) entry().getCertificate();
    }

    private void generate() throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        // keytool writes with the process's umask: inside an owner-only folder the key is never readable by others.
        Path folder = file.resolveSibling(FILE + ".new");
        if (Files.isDirectory(folder)) { // left by a start that died while making it
            try (var stale = Files.list(folder)) {
                for (Path f : (Iterable<Path>) stale::iterator) {
                    Files.delete(f);
                }
            }
        }
        Files.deleteIfExists(folder);
        vn.loa.server.secret.OwnerOnly.createDirectory(folder);
        Path partial = folder.resolve(FILE);
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
                "-dname", "CN=Loa CAP publisher", "-storetype", "PKCS12", "-keystore", partial.toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the CAP signing key", e);
        }
        vn.loa.server.secret.OwnerOnly.restrict(partial); // before it leaves the folder
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.delete(folder);
    }
}
