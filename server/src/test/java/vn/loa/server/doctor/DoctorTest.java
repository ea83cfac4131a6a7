package vn.loa.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoctorTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aFindingThatBlocksBroadcastingMakesTheExitStatusNonZero() {
        int status = Doctor.report(List.of(() -> Finding.ok("Java", "17"),
                () -> Finding.warn("Đồng hồ", "lệch"), () -> Finding.fail("espeak-ng", "chưa cài")), out);
        assertThat(status).isEqualTo(1);
        assertThat(text()).contains("[ĐẠT] Java: 17", "[LƯU Ý] Đồng hồ: lệch", "[LỖI] espeak-ng: chưa cài",
                "1 lỗi chặn việc phát");
    }

    @Test
    void warningsAloneStillMeanReadyToBroadcast() {
        assertThat(Doctor.report(List.of(() -> Finding.warn("Đồng hồ", "lệch")), out)).isZero();
        assertThat(text()).contains("sẵn sàng phát", "ready to broadcast");
    }

    @Test
    void settingsThatCannotBeReadAreReportedWithExitStatus2() {
        assertThat(Doctor.run(new String[0], Map.of("LOA_HTTP_PORT", "tám nghìn"), out)).isEqualTo(2);
        assertThat(text()).contains("[LỖI] Cấu hình (settings)", "http.port");
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        assertThat(Doctor.run(new String[] {"--fix"}, Map.of(), out)).isEqualTo(64);
        assertThat(text()).contains("loa doctor [--ntp HOST]");
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
