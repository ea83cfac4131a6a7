package vn.loa.wire.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrtpMasterKeyTest {

    @Test
    void freshKeysHaveTheSuitesLengthsAndNeverRepeat() {
        SrtpMasterKey one = SrtpMasterKey.generate();
        SrtpMasterKey two = SrtpMasterKey.generate();

        assertThat(one.key()).hasSize(16);
        assertThat(one.salt()).hasSize(14);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void theSdesInlineFormIsFortyBase64CharactersAndReadsBackToTheSameKey() {
        SrtpMasterKey key = SrtpMasterKey.generate();

        String inline = key.inline();

        assertThat(inline).matches("inline:[A-Za-z0-9+/]{40}");
        assertThat(SrtpMasterKey.parseInline(inline)).isEqualTo(key);
    }

    @Test
    void theInlineFormIsTheKeyFollowedByTheSalt() {
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        key[0] = 1;
        salt[13] = 2;

        SrtpMasterKey parsed = SrtpMasterKey.parseInline(new SrtpMasterKey(key, salt).inline());

        assertThat(parsed.keyAndSalt()).hasSize(30).startsWith((byte) 1).endsWith((byte) 2);
        assertThat(parsed.key()).isEqualTo(key);
        assertThat(parsed.salt()).isEqualTo(salt);
    }

    @Test
    void aKeyLifetimeIsAcceptedAsRfc4568WritesIt() {
        // RFC 4568 §6.1's example key, with its lifetime and without its MKI.
        SrtpMasterKey key = SrtpMasterKey.parseInline("inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20");

        assertThat(key.inline()).isEqualTo("inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR");
    }

    @Test
    void malformedKeysAreRefusedWithAMessageThatSaysWhatIsWrong() {
        assertMalformed(null, "inline:");
        assertMalformed("PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", "inline:");
        assertMalformed("inline:not*base64*at*all", "base64");
        assertMalformed("inline:AAAA", "holds 3 bytes");
        assertMalformed("inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32", "MKI");
        assertThatThrownBy(() -> new SrtpMasterKey(new byte[16], new byte[12]))
                .isInstanceOf(MalformedSrtpKeyException.class);
    }

    @Test
    void printingAKeyDoesNotRevealIt() {
        SrtpMasterKey key = SrtpMasterKey.generate();

        assertThat(key.toString()).doesNotContain(key.inline().substring(7)).contains("AES_CM_128_HMAC_SHA1_80");
    }

    @Test
    void changingAnArrayTheKeyWasMadeFromOrGaveOutDoesNotChangeTheKey() {
        byte[] raw = new byte[16];
        SrtpMasterKey key = new SrtpMasterKey(raw, new byte[14]);
        raw[0] = 9;
        key.key()[1] = 9;

        assertThat(key.key()).containsOnly(0);
    }

    private static void assertMalformed(String inline, String message) {
        assertThatThrownBy(() -> SrtpMasterKey.parseInline(inline)).isInstanceOf(MalformedSrtpKeyException.class)
                .hasMessageContaining(message);
    }
}
