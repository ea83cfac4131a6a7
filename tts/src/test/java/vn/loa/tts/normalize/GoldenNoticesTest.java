package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden set: over 600 sentences of the kinds a commune broadcasts, each with the readings an announcer accepts
 * and the class it tests. Prints the score per class; fails on any row that is not a known failure.
 */
class GoldenNoticesTest {

    private static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.create();

    static List<GoldenRow> golden() throws IOException {
        return GoldenRow.read("golden-notices.tsv");
    }

    /** The rows as (written, first accepted reading), for the other tests that walk the set. */
    static List<Arguments> notices() throws IOException {
        return golden().stream().map(r -> Arguments.of(r.written(), r.accepted().get(0))).toList();
    }

    /** The rows of a two-column golden file beside this class: written TAB spoken. */
    static List<Arguments> rows(String resource) throws IOException {
        return GoldenRow.read(resource).stream().map(r -> Arguments.of(r.written(), r.accepted().get(0))).toList();
    }

    static List<GoldenRow> passing() throws IOException {
        return golden().stream().filter(r -> !r.known()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void readsTheNoticeAsACommuneAnnouncerWould(GoldenRow row) {
        assertThat(NORMALIZER.normalize(row.written()).normalized()).as(row.kind()).isIn(row.accepted());
    }

    @Test
    void scoresEveryClassAndLosesNoRowThatPassed() throws IOException {
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> regressions = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        for (GoldenRow row : golden()) {
            boolean right = row.accepts(NORMALIZER.normalize(row.written()).normalized());
            int[] score = byKind.computeIfAbsent(row.kind(), k -> new int[2]);
            score[0] += right ? 1 : 0;
            score[1]++;
            if (!right && !row.known()) {
                regressions.add(row.written());
            } else if (right && row.known()) {
                nowPassing.add(row.written());
            }
        }
        StringBuilder report = new StringBuilder("golden set, per class (right / rows):\n");
        byKind.forEach((kind, s) -> report.append(String.format("  %-13s %3d / %3d  %5.1f%%%n", kind, s[0], s[1],
                100.0 * s[0] / s[1])));
        nowPassing.forEach(w -> report.append("  known failure now read right (drop its mark): ").append(w).append('\n'));
        System.out.print(report);
        assertThat(regressions).as("rows that passed and no longer do").isEmpty();
        assertThat(byKind.keySet()).as("every class the issue lists has rows").contains("date", "range", "fraction",
                "ratio", "money", "measure", "phone", "road", "plate", "document", "abbreviation", "url", "heading",
                "bullet", "time");
    }

    @Test
    void goldenSetHoldsAtLeastSixHundredSentences() throws IOException {
        assertThat(golden()).hasSizeGreaterThanOrEqualTo(600);
        assertThat(golden()).allSatisfy(row -> assertThat(TokenKind.valueOf(row.kind().toUpperCase(java.util.Locale.ROOT)))
                .isNotNull());
    }
}
