package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden set: over 300 sentences of the kinds a commune broadcasts, each with the exact words to be said. */
class GoldenNoticesTest {

    private static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.create();

    static List<Arguments> notices() throws IOException {
        return rows("golden-notices.tsv");
    }

    /** The rows of a golden file beside this class: written TAB spoken; "#" starts a comment line. */
    static List<Arguments> rows(String resource) throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                GoldenNoticesTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    rows.add(Arguments.of(columns[0], columns[1]));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void readsTheNoticeAsACommuneAnnouncerWould(String written, String spoken) {
        assertThat(NORMALIZER.normalize(written).normalized()).isEqualTo(spoken);
    }

    @Test
    void goldenSetHoldsAtLeastThreeHundredSentences() throws IOException {
        assertThat(notices()).hasSizeGreaterThanOrEqualTo(300);
    }
}
