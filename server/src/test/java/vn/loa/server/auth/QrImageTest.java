package vn.loa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.PhoneApp;

class QrImageTest {

    @Test
    void theQrCodeReadsBackAsTheOtpauthUri() {
        String uri = Totp.uri("Loa", "chu-tich", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String data = QrImage.dataUri(uri);
        assertThat(data).startsWith("data:image/png;base64,");
        assertThat(PhoneApp.scan(data, Clock.systemUTC()).uri()).isEqualTo(uri);
    }
}
