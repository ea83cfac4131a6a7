package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDownWatchTest {

    @Test
    void theMessageNamesEachSpeakerDownAndWhy() {
        var down = new AlertDownWatch.Down(7, "Lũ quét", "/xa-a", "admin", List.of("loa-1", "loa-2"),
                List.of("Loa bến đò", "Loa chợ"), List.of("chưa kết nối", "không xác nhận đã phát"));

        assertThat(down.message()).isEqualTo("Loa không phát cảnh báo \"Lũ quét\": Loa bến đò (chưa kết nối); "
                + "Loa chợ (không xác nhận đã phát)");
    }

    @Test
    void aLongListIsCutToWhatAnSmsCarries() {
        int n = 100;
        var down = new AlertDownWatch.Down(7, null, "/xa-a", "admin", Collections.nCopies(n, "loa"),
                Collections.nCopies(n, "Loa thôn Đông số mười"), Collections.nCopies(n, "chưa kết nối"));

        assertThat(down.message()).hasSize(600).endsWith("…").startsWith("Loa không phát cảnh báo: Loa thôn Đông");
    }
}
