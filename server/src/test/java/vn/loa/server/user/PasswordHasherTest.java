package vn.loa.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1);

    @Test
    void storedHashIsArgon2idAndMatchesOnlyItsPassword() {
        String stored = hasher.hash("Mật khẩu dài 123");

        assertThat(stored).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("Mật khẩu");
        assertThat(hasher.matches("Mật khẩu dài 123", stored)).isTrue();
        assertThat(hasher.matches("Mật khẩu dài 124", stored)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("abc12345")).isNotEqualTo(hasher.hash("abc12345"));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x,t=1,p=1$AA$AA",
                "$argon2id$v=19$m=1024,t=1,p=1$***$AA"}) {
            assertThat(hasher.matches("anything", bad)).as(bad).isFalse();
        }
    }
}
