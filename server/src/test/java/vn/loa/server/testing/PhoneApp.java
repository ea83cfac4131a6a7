package vn.loa.server.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import vn.loa.server.auth.Totp;

/**
 * An authenticator app on a user's phone: it scans the enrolment QR code (a PNG data URI) as a phone camera would,
 * keeps the secret of the {@code otpauth://} URI it reads, and shows the code of now on the given clock.
 */
public final class PhoneApp {

    private static final Totp TOTP = new Totp();

    private final String uri;
    private final String secret;
    private final Clock clock;

    private PhoneApp(String uri, Clock clock) {
        this.uri = uri;
        this.clock = clock;
        this.secret = java.util.Arrays.stream(URI.create(uri).getRawQuery().split("&"))
                .filter(p -> p.startsWith("secret=")).map(p -> p.substring(7)).findFirst()
                .orElseThrow(() -> new AssertionError("no secret in " + uri));
    }

    /** Reads the QR code of {@code qrDataUri} ({@code data:image/png;base64,...}). */
    public static PhoneApp scan(String qrDataUri, Clock clock) {
        try {
            byte[] png = Base64.getDecoder().decode(qrDataUri.substring(qrDataUri.indexOf(',') + 1));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
            return new PhoneApp(text, clock);
        } catch (Exception e) {
            throw new AssertionError("the QR code does not scan", e);
        }
    }

    /** Typed in by hand from the key text the page shows beside the QR code. */
    public static PhoneApp typed(String secret, Clock clock) {
        return new PhoneApp("otpauth://totp/typed?secret=" + secret.replace(" ", ""), clock);
    }

    public String uri() {
        return uri;
    }

    /** The code the app shows now. */
    public String code() {
        return TOTP.code(secret, clock.instant());
    }

    /**
     * The code of the next 30 s step, which the server still accepts now (a phone a little ahead): a second proof
     * within one step needs it, since each code is accepted once.
     */
    public String nextCode() {
        return TOTP.code(secret, clock.instant().plus(Duration.ofSeconds(30)));
    }

    /** A six-digit code that is not right now nor in the steps either side. */
    public String wrongCode() {
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", (Integer.parseInt(code()) + 1 + n * 7919) % 1_000_000);
            if (!candidate.equals(nextCode()) && !candidate.equals(TOTP.code(secret,
                    clock.instant().minus(Duration.ofSeconds(30))))) {
                return candidate;
            }
        }
    }
}
