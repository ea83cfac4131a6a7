package vn.loa.server.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits), through
 * java-otp. A secret travels as Base32 text, the form the apps scan from an {@code otpauth://} URI. Thread-safe.
 */
public final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps either side of now that are still accepted: a phone's clock may be half a minute off. */
    private static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    private final SecureRandom random = new SecureRandom();

    /** A new random secret of 160 bits (RFC 4226's recommended length), in Base32. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base32.toBase32String(bytes);
    }

    /** The code an authenticator app shows at {@code at} for {@code secret}. */
    public String code(String secret, Instant at) {
        try {
            synchronized (generator) { // the generator's Mac is not thread-safe
                return generator.generateOneTimePasswordString(key(secret), at, Locale.ROOT);
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a stored TOTP secret is not usable", e);
        }
    }

    /**
     * The time step {@code code} belongs to when it is right at {@code now} (give or take one step) and newer than
     * {@code lastStep}, the step of the last code accepted: a code is accepted once only.
     */
    public OptionalLong accept(String secret, String code, Instant now, long lastStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (step > lastStep && java.security.MessageDigest.isEqual(
                    code(secret, Instant.ofEpochSecond(step * STEP.toSeconds())).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI an authenticator app reads from the QR code (Google's Key Uri Format). */
    public static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(Base32.decode(secret), "HmacSHA1");
    }
}
