package vn.loa.tts.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsTheRepliesOfTheCloudServices() {
        assertThat(Json.object("{\"data\": {\"url\": \"https://x/a.wav\"}, \"error_code\": 0, \"ok\": true, "
                + "\"list\": [1, \"a\\u0301\", null]}"))
                .containsEntry("data", Map.of("url", "https://x/a.wav"))
                .containsEntry("error_code", 0.0)
                .containsEntry("ok", true)
                .containsEntry("list", java.util.Arrays.asList(1.0, "a\u0301", null));
    }

    @Test
    void quotesStringsSoTheyReadBackUnchanged() {
        String tricky = "Bà con \"chú ý\"\n\\ tab\t và \u0001";
        assertThat(Json.parse(Json.quote(tricky))).isEqualTo(tricky);
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> Json.object("<html>502 Bad Gateway</html>")).hasMessageContaining("bad JSON");
        assertThatThrownBy(() -> Json.object("[1]")).hasMessageContaining("expected a JSON object");
        assertThat(Json.parse("[]")).isEqualTo(List.of());
    }
}
