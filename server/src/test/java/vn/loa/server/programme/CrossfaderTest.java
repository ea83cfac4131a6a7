package vn.loa.server.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

class CrossfaderTest {

    private static final int RATE = SessionPlayer.RATE;
    private static final int FADE = RATE / 10;

    private final List<PcmFrame> aired = new ArrayList<>();
    private final ItemSink sink = new ItemSink(aired::add, RATE);
    private final Crossfader crossfade = new Crossfader(FADE);

    @Test
    void oneSongFadesIntoTheNextOverlappingByOneFade() {
        sink.start(null);
        crossfade.play(constant(1000, RATE), sink);
        sink.start(null);
        crossfade.play(constant(-1000, RATE), sink);
        crossfade.flush(sink);

        short[] all = aired();
        assertThat(all).as("two seconds less one fade of overlap").hasSize(2 * RATE - FADE);
        assertThat(all[RATE - FADE - 1]).as("the first song whole until its fade").isEqualTo((short) 1000);
        assertThat(all[RATE - FADE]).as("the join starts as the first song").isEqualTo((short) 1000);
        assertThat(all[RATE - FADE / 2]).as("half way: both at half").isBetween((short) -20, (short) 20);
        assertThat(all[RATE - 1]).as("the join ends as the second song").isLessThan((short) -950);
        assertThat(all[all.length - 1]).as("the second song's end aired whole").isEqualTo((short) -1000);
        for (int i = RATE - FADE + 1; i < RATE; i++) {
            assertThat(all[i]).as("no jump inside the fade").isLessThanOrEqualTo(all[i - 1]);
        }
    }

    @Test
    void aNoticeAfterMusicGetsTheMusicsEndUnfadedAndShortItemsAreNotFaded() {
        sink.start(null);
        crossfade.play(constant(500, FADE), sink);
        crossfade.flush(sink);
        short[] all = aired();
        assertThat(all).hasSize(FADE).containsOnly((short) 500);
    }

    @Test
    void anItemCutAtItsLimitLeavesNothingToFadeIntoTheNext() {
        sink.start(Duration.ofMillis(500));
        assertThatThrownBy(() -> crossfade.play(constant(1000, 3 * RATE), sink)).isInstanceOf(ItemSink.Ended.class);
        crossfade.drop();
        sink.start(null);
        crossfade.play(constant(-1000, RATE), sink);
        crossfade.flush(sink);

        short[] all = aired();
        assertThat(all).hasSize(RATE / 2 + RATE);
        assertThat(Arrays.copyOfRange(all, RATE / 2, all.length)).containsOnly((short) -1000);
    }

    private short[] aired() {
        short[] all = new short[aired.stream().mapToInt(PcmFrame::length).sum()];
        int at = 0;
        for (PcmFrame f : aired) {
            System.arraycopy(f.samples(), 0, all, at, f.length());
            at += f.length();
        }
        return all;
    }

    /** {@code length} samples of one value, in 20 ms frames. */
    private static MediaSource<PcmFrame> constant(int value, int length) {
        List<PcmFrame> frames = new ArrayList<>();
        for (int at = 0; at < length; at += RATE / 50) {
            short[] s = new short[Math.min(RATE / 50, length - at)];
            Arrays.fill(s, (short) value);
            frames.add(new PcmFrame(s, RATE, at));
        }
        Iterator<PcmFrame> it = frames.iterator();
        return new MediaSource<>() {
            @Override
            public PcmFrame pull() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }
}
