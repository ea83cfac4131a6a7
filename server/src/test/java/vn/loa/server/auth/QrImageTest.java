package vn.loa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrImageTest {

    @Test
    void theQrCodeReadsBackAsTheOtpauthUri() throws Exception {
        String uri = Totp.uri("Loa", "chu-tich", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String data = QrImage.dataUri(uri);
        assertThat(data).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(data.substring("data:image/png;base64,".length()))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText()).isEqualTo(uri);
    }
}
