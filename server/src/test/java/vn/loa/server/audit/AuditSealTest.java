package vn.loa.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSealTest {

    @TempDir
    Path dir;

    @Test
    void aNewKeyIsKeptForItsOwnerAloneAndSignsWhatItVerifies() throws IOException {
        Path file = dir.resolve("keys/audit.key");
        AuditSeal seal = AuditSeal.openOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = AuditDigests.signedText("/root/", 41, "c".repeat(64), "2026-12-07T00:00:00Z");
        String signature = seal.sign(text);
        assertThat(seal.verifies(text, signature)).isTrue();
        assertThat(seal.verifies(text.replace("41", "42"), signature)).as("another head").isFalse();
        assertThat(seal.verifies(text, "not base64!")).isFalse();
        assertThat(seal.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void theSameFileGivesTheSameKeyAndAnotherFileAnother() throws IOException {
        AuditSeal first = AuditSeal.openOrCreate(dir.resolve("a.key"));
        AuditSeal again = AuditSeal.openOrCreate(dir.resolve("a.key"));
        AuditSeal other = AuditSeal.openOrCreate(dir.resolve("b.key"));

        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
        assertThat(other.keyId()).isNotEqualTo(first.keyId());
        assertThat(other.verifies("x", first.sign("x"))).isFalse();
    }

    @Test
    void aDamagedKeyFileStopsStartUpWithItsName() throws IOException {
        Path file = dir.resolve("bad.key");
        Files.writeString(file, "garbage\n");
        assertThatThrownBy(() -> AuditSeal.openOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.key");
    }
}
