package vn.loa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 Appendix B's SHA-1 secret, the ASCII of "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private final Totp totp = new Totp();

    /** Appendix B gives 8 digits; an app's 6-digit code is the same number's last 6 digits (RFC 4226, 5.3). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void codesMatchTheRfc6238TestVectors(long seconds, String eightDigits) {
        assertThat(totp.code(RFC_SECRET, Instant.ofEpochSecond(seconds))).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = 1_234_567_890L / 30;
        assertThat(totp.accept(RFC_SECRET, totp.code(RFC_SECRET, now.minusSeconds(30)), now, 0)).hasValue(step - 1);
        assertThat(totp.accept(RFC_SECRET, totp.code(RFC_SECRET, now.plusSeconds(30)), now, 0)).hasValue(step + 1);
        assertThat(totp.accept(RFC_SECRET, totp.code(RFC_SECRET, now.minusSeconds(60)), now, 0)).isEmpty();
    }

    @Test
    void aCodeIsAcceptedOnceOnly() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        String code = totp.code(RFC_SECRET, now);
        long step = totp.accept(RFC_SECRET, code, now, 0).orElseThrow();
        assertThat(totp.accept(RFC_SECRET, code, now.plusSeconds(5), step)).isEmpty();
    }

    @Test
    void aWrongOrMalformedCodeIsRefused() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(totp.accept(RFC_SECRET, "287083", now, 0)).isEmpty();
        assertThat(totp.accept(RFC_SECRET, "28708", now, 0)).isEmpty();
        assertThat(totp.accept(RFC_SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void aNewSecretIs160BitsAndTheUriNamesIssuerAccountAndSecret() {
        String secret = totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(totp.newSecret()).isNotEqualTo(secret);
        assertThat(Totp.uri("Loa Xã An Bình", "chu-tich", secret)).isEqualTo("otpauth://totp/Loa%20X%C3%A3%20An%20B%C3%ACnh"
                + ":chu-tich?secret=" + secret + "&issuer=Loa%20X%C3%A3%20An%20B%C3%ACnh&algorithm=SHA1&digits=6&period=30");
    }
}
