package vn.loa.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;

class BoardProfileTest {

    @Test
    void anLedBoardWithADdpDriverHasItsControllerAddressAndDimsAtNight() {
        BoardProfile p = BoardProfile.of(new Board("led-1", "Cổng chợ", "thon-1", BoardKind.LED, 128, 32, "ddp:10.0.0.7"));
        assertThat(p.ddpTarget().getHostString()).isEqualTo("10.0.0.7");
        assertThat(p.ddpTarget().getPort()).isEqualTo(4048);
        assertThat(p.brightness().percentAt(LocalTime.NOON)).isEqualTo(100);
        assertThat(p.brightness().percentAt(LocalTime.of(23, 30))).isEqualTo(30);
        assertThat(p.brightness().percentAt(LocalTime.of(2, 0))).isEqualTo(30);
        assertThat(p.wantsMarquee()).isTrue();
    }

    @Test
    void aScreenWithoutDriverIsAWebPlayerAndShowsParagraphs() {
        BoardProfile p = BoardProfile.of(new Board("tv", "UBND", "xa", BoardKind.LCD, 1920, 1080, null));
        assertThat(p.ddpTarget()).isNull();
        assertThat(p.wantsMarquee()).isFalse();
        assertThat(p.withOrientation(Orientation.PORTRAIT).canvasWidth()).isEqualTo(1080);
    }

    @Test
    void aDriverThatIsNeitherWebNorDdpIsRefused() {
        assertThatThrownBy(() -> BoardProfile.ddpTarget("artnet:1.2.3.4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoardProfile.ddpTarget("ddp:1.2.3.4:99999")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BoardProfile.ddpTarget("ddp:led.local:4049").getPort()).isEqualTo(4049);
    }
}
