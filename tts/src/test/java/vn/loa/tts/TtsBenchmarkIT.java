package vn.loa.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.tts.espeak.EspeakInstallation;

class TtsBenchmarkIT {

    @Test
    void measuresEveryLocalEngineOnAThreeHundredWordNotice() throws Exception {
        assumeTrue(EspeakInstallation.isInstalled(), "espeak-ng is not installed: apt-get install espeak-ng");
        String notice = TtsBenchmark.notice("bench-notice.txt");
        assertThat(notice.split("\\s+")).hasSizeBetween(280, 330);
        List<TtsBenchmark.Row> rows = TtsBenchmark.run(notice, TtsBenchmark.notice("bench-notice-en.txt"), 1);
        assertThat(rows).extracting(TtsBenchmark.Row::voice).containsExactly("vi", "en", "kevin16", "vi_VN-tiny");
        TtsBenchmark.Row espeak = rows.get(0);
        assertThat(espeak.audioSeconds()).as("a 300-word notice lasts minutes, not seconds").isBetween(60.0, 300.0);
        assertThat(espeak.firstAudioMs()).isPositive().isLessThan(espeak.wholeMs());
        assertThat(espeak.rawEspeakMs()).isPositive();
        assertThat(espeak.realTimeFactor()).isGreaterThan(10);
        for (TtsBenchmark.Row english : rows.subList(1, 3)) {
            assertThat(english.audioSeconds()).as(english.voice() + ": 300 English words").isBetween(60.0, 300.0);
            assertThat(english.firstAudioMs()).isPositive().isLessThan(english.wholeMs());
        }
        assertThat(rows.get(1).rawEspeakMs()).as("raw espeak-ng -v en").isPositive();
        TtsBenchmark.Row piper = rows.get(3);
        assertThat(piper.audioSeconds()).as("the tiny Piper voice speaks the whole notice").isPositive();
        assertThat(piper.firstAudioMs()).isPositive().isLessThan(piper.wholeMs());
    }
}
