package vn.loa.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The Ed25519 key that signs the audit digests, kept in a file outside the database so that someone who can rewrite
 * the database cannot re-sign a rewritten chain (ADR 0027). Made on first start, readable by its owner only.
 */
public final class AuditSeal {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditSeal(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the key from {@code file}, making a new one there first if the file does not exist. */
    public static AuditSeal openOrCreate(Path file) throws IOException {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 2) {
                throw new IOException(file + " is not an audit signing key (two lines expected)");
            }
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            return new AuditSeal(
                    keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).trim()))),
                    keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).trim()))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a usable audit signing key: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String text = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        vn.loa.server.secret.OwnerOnly.createFile(fresh);
        Files.writeString(fresh, text, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
        Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The signature of {@code text}, Base64. */
    public String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java since 15", e);
        }
    }

    /** Whether {@code signature} (Base64) is this key's signature of {@code text}. */
    public boolean verifies(String text, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The public key as PEM, for anyone who checks digests outside Loa (for example with openssl). */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** A short name of the key: the first 16 hex digits of the SHA-256 of its public part. */
    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
