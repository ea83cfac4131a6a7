package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

class DeadAirSwitchTest {

    /** 20 ms frames at 8 kHz: {@code pattern} says which are loud ('#') and which silent ('.'). */
    static MediaSource<PcmFrame> frames(String pattern, short level) {
        List<PcmFrame> frames = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            short[] samples = new short[160];
            if (pattern.charAt(i) == '#') {
                Arrays.fill(samples, level);
            }
            frames.add(new PcmFrame(samples, 8_000, i * 160L));
        }
        var it = frames.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    /** What the air carried, one letter per 20 ms: P primary sound, F fallback, '.' silence. */
    static String aired(DeadAirSwitch air) {
        StringBuilder heard = new StringBuilder();
        for (PcmFrame f = air.pull(); f != null; f = air.pull()) {
            short s = f.samples()[0];
            heard.append(s == 1000 ? 'P' : s == 2000 ? 'F' : '.');
        }
        return heard.toString();
    }

    @Test
    void silenceLongerThanTheLimitSwitchesToTheFallbackAndSoundBringsTheAirBack() {
        List<String> told = new ArrayList<>();
        // 100 ms of sound, 300 ms of dead air, 200 ms of sound; the limit is 100 ms, the return 40 ms of sound.
        DeadAirSwitch air = new DeadAirSwitch(frames("#####" + ".".repeat(15) + "##########", (short) 1000),
                () -> frames("#".repeat(100), (short) 2000), new DeadAirWatch(Duration.ofMillis(100),
                        Duration.ofMillis(40)), (change, silent) -> told.add(change + " " + silent.toMillis()));

        String heard = aired(air);

        assertThat(heard).as("silence up to the limit, the fallback, and back once sound lasts 40 ms")
                .isEqualTo("PPPPP" + "....." + "F".repeat(10) + "F" + "P".repeat(9));
        assertThat(told).containsExactly("TO_FALLBACK 120", "BACK 0");
    }

    @Test
    void anEndedFallbackPlaylistStartsOver() {
        int[] opened = {0};
        DeadAirSwitch air = new DeadAirSwitch(frames("#" + ".".repeat(30), (short) 1000), () -> {
            opened[0]++;
            return frames("###", (short) 2000);
        }, new DeadAirWatch(Duration.ofMillis(100), Duration.ofMillis(40)), (change, silent) -> { });

        String heard = aired(air);

        assertThat(heard).isEqualTo("P" + "....." + "F".repeat(25));
        assertThat(opened[0]).as("the three-frame playlist opened again and again").isEqualTo(9);
    }

    @Test
    void aClickInTheSilenceDoesNotBringTheAirBack() {
        DeadAirWatch watch = new DeadAirWatch(Duration.ofMillis(100), Duration.ofMillis(500));
        short[] quiet = new short[160];
        short[] loud = new short[160];
        Arrays.fill(loud, (short) 3000);
        for (int i = 0; i < 6; i++) {
            watch.heard(quiet, Duration.ofMillis(20));
        }
        assertThat(watch.onFallback()).isTrue();

        assertThat(watch.heard(loud, Duration.ofMillis(20))).isEqualTo(DeadAirWatch.Change.NONE);
        watch.heard(quiet, Duration.ofMillis(20));

        assertThat(watch.onFallback()).as("20 ms of sound is no return").isTrue();
    }
}
