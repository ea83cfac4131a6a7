package vn.loa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void plainTextIsComposedAndLosesControlCharacters() {
        String decomposed = Normalizer.normalize("Ủy ban nhân dân", Normalizer.Form.NFD);

        assertThat(TextInput.plain("  " + decomposed + "\u0000\u0007 ")).isEqualTo("Ủy ban nhân dân");
        assertThat(TextInput.plain("Dòng 1\nDòng 2")).isEqualTo("Dòng 1\nDòng 2");
    }

    @Test
    void richTextKeepsBasicMarkupAndDropsScripts() {
        assertThat(TextInput.rich("<p onclick=x()>Họp <i>khẩn</i></p><iframe src=//evil></iframe>"))
                .isEqualTo("<p>Họp <i>khẩn</i></p>");
    }

    @Test
    void spokenFormIsTheTextWithoutMarkup() {
        assertThat(TextInput.spoken("<p>Họp lúc <b>7h30</b></p>")).isEqualTo("Họp lúc 7h30");
    }

    @Test
    void spokenFormKeepsLinesAndEveryCharacterAsTypedSoTheApiReadsAsLoaSayDoes() {
        String typed = "Th\u00ADêng b\u00b8o:\n+ Mang theo CCCD\n- Sổ hộ khẩu";

        assertThat(TextInput.spoken(TextInput.rich(typed))).as("a TCVN3 paste with list lines").isEqualTo(typed);
        assertThat(TextInput.spoken("<p>Kính gửi &amp; bà con</p><p>+ Mang theo<br>- Sổ</p>"))
                .isEqualTo("Kính gửi & bà con\n+ Mang theo\n- Sổ");
    }

    @Test
    void aNameIsOneComposedLineAndOneWithAControlCharacterIsRefused() {
        String decomposed = Normalizer.normalize("Thôn Đông", Normalizer.Form.NFD);

        assertThat(TextInput.name("  " + decomposed + " ", "name")).isEqualTo("Thôn Đông");
        assertThat(TextInput.name(null, "name")).isNull();
        for (String bad : new String[] {"Thôn\nĐông", "Thôn\tĐông", "Thôn\r", "\u001b[31mĐỏ", "Thôn\u2028Đông", "A\u0000"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextInput.name(bad, "name"))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("'name'"));
        }
    }
}
