package vn.loa.wire.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CryptoAttributeTest {

    @Test
    void theSdpLineOffersTheKeyInTheOneSuiteLoaSpeaks() {
        SrtpMasterKey key = SrtpMasterKey.generate();

        String line = new CryptoAttribute(1, key).sdpLine();

        assertThat(line).isEqualTo("a=crypto:1 AES_CM_128_HMAC_SHA1_80 " + key.inline());
        assertThat(CryptoAttribute.parse(line)).isEqualTo(new CryptoAttribute(1, key));
    }

    @Test
    void aLineWithoutItsPrefixOrWithSessionParametersStillReads() {
        CryptoAttribute attribute = CryptoAttribute.parse(
                "crypto:2 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR UNENCRYPTED_SRTCP\r\n");

        assertThat(attribute.tag()).isEqualTo(2);
        assertThat(attribute.key().inline()).isEqualTo("inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR");
    }

    @Test
    void otherSuitesAndBrokenLinesAreRefusedClearly() {
        assertThatThrownBy(() -> CryptoAttribute.parse(
                "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"))
                .isInstanceOf(MalformedSrtpKeyException.class).hasMessageContaining("AES_CM_128_HMAC_SHA1_32");
        assertThatThrownBy(() -> CryptoAttribute.parse("a=rtpmap:0 PCMU/8000"))
                .isInstanceOf(MalformedSrtpKeyException.class).hasMessageContaining("a=crypto");
        assertThatThrownBy(() -> CryptoAttribute.parse("a=crypto:0 AES_CM_128_HMAC_SHA1_80 inline:x"))
                .isInstanceOf(MalformedSrtpKeyException.class);
    }

    @Test
    void printingTheAttributeDoesNotRevealTheKey() {
        SrtpMasterKey key = SrtpMasterKey.generate();

        assertThat(new CryptoAttribute(1, key).toString()).doesNotContain(key.inline().substring(7));
    }
}
