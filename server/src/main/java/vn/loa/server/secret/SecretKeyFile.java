package vn.loa.server.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import vn.loa.server.config.ConfigException;

/**
 * The key that encrypts secrets at rest (plugins' settings, TOTP secrets) when no {@code LOA_SECRET_KEY} is set:
 * {@code <data dir>/secret.key}, 32 random bytes in base64, created at first start readable and writable by the
 * server's user only (ADR 0023).
 */
public final class SecretKeyFile {

    static final String NAME = "secret.key";

    private SecretKeyFile() {
    }

    /** The configured key, or the key file's (created when absent). */
    public static byte[] key(byte[] configured, Path dataDir) {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve(NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new ConfigException(NAME + " in the data folder is not an AES key in base64; restore it from a "
                        + "backup, or set LOA_SECRET_KEY");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(NAME + " in the data folder is not base64; restore it from a backup");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + NAME + " in the data folder", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnly.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another server sharing the folder made it first
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    }
}
