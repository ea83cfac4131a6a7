package vn.loa.display.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.screen.PlaylistItem;
import vn.loa.display.screen.Screen;

/** Interrupts measured over a simulated hour, a second at a time on a fake clock. */
class ShareOfVoiceTest {

    static final Board BOARD = new Board("b", "Bảng tin", "thon", BoardKind.LCD, 640, 360, null);

    static Screen.Entry entry(String id, int seconds) {
        return new Screen.Entry(new PlaylistItem(id, PlaylistItem.Kind.TEXT, id, "", null, null, seconds, Set.of(),
                null, null), 0, 1, seconds);
    }

    static Screen screen(List<Screen.Slot> slots) {
        return new Screen(BOARD, BoardProfile.of(BOARD), "/x/", List.of(entry("thuong-le", 20)), null, 1,
                vn.loa.display.layout.Layout.FULL, List.of(), slots, null);
    }

    /** Which item shows at each second of an hour starting at {@code start}. */
    static List<String> hour(Screen s, Instant start) {
        List<String> shown = new ArrayList<>();
        for (int t = 0; t < ShareOfVoice.HOUR; t++) {
            shown.add(s.entryAt(start.plusSeconds(t)).item().id());
        }
        return shown;
    }

    static List<Integer> starts(List<String> shown, String id) {
        List<Integer> starts = new ArrayList<>();
        for (int t = 0; t < shown.size(); t++) {
            if (shown.get(t).equals(id) && (t == 0 || !shown.get(t - 1).equals(id))) {
                starts.add(t);
            }
        }
        return starts;
    }

    @Test
    void anInterruptGetsItsSecondsPerHourSpreadEvenlyOverTheHour() {
        // 120 s an hour of a 10 s item: 12 plays, one every 5 minutes.
        Screen s = screen(ShareOfVoice.slots(List.of(new ShareOfVoice.Interrupt("tiem-chung", 120,
                List.of(entry("tiem-chung", 10))))));
        Instant nine = LocalDateTime.of(2026, 12, 7, 9, 0).toInstant(ZoneOffset.ofHours(7));
        List<String> shown = hour(s, nine);

        long seconds = shown.stream().filter("tiem-chung"::equals).count();
        assertThat(seconds).as("within one item of the 120 s asked").isBetween(110L, 130L);
        List<Integer> starts = starts(shown, "tiem-chung");
        assertThat(starts).hasSize(12);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).as("spacing between plays").isBetween(290, 310);
        }
        assertThat(shown).as("the rotation plays the rest of the hour").contains("thuong-le");
        assertThat(hour(s, nine.plusSeconds(3600))).as("the next hour repeats the plan").isEqualTo(shown);
    }

    @Test
    void aPercentageAndASecondInterruptShareTheHourWithoutOverlapping() {
        // 5 % of an hour = 180 s of a 15 s item (two pages of 7 + 8 s), and 60 s of a 6 s item.
        Screen s = screen(ShareOfVoice.slots(List.of(
                new ShareOfVoice.Interrupt("bau-cu", 180, List.of(entry("bau-cu", 7), entry("bau-cu", 8))),
                new ShareOfVoice.Interrupt("phong-chay", 60, List.of(entry("phong-chay", 6))))));
        List<String> shown = hour(s, Instant.parse("2026-12-07T02:00:00Z"));
        assertThat(shown.stream().filter("bau-cu"::equals).count()).isBetween(165L, 195L);
        assertThat(shown.stream().filter("phong-chay"::equals).count()).isBetween(54L, 66L);
        int half = ShareOfVoice.HOUR / 2;
        long firstHalf = shown.subList(0, half).stream().filter("phong-chay"::equals).count();
        assertThat(firstHalf).as("spread: half the share in each half hour").isBetween(24L, 36L);
        List<ShareOfVoice.Play> plan = ShareOfVoice.plan(List.of(new ShareOfVoice.Demand("a", 180, 15),
                new ShareOfVoice.Demand("b", 60, 6)));
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).offset()).as("no play starts before the one before ends")
                    .isGreaterThanOrEqualTo(plan.get(i - 1).end());
        }
    }

    @Test
    void aShareShorterThanOnePlayStillPlaysOnceAndNoShareNever() {
        assertThat(ShareOfVoice.plays(new ShareOfVoice.Demand("x", 5, 30))).isEqualTo(1);
        assertThat(ShareOfVoice.plays(new ShareOfVoice.Demand("x", 0, 30))).isZero();
        assertThat(ShareOfVoice.plan(List.of(new ShareOfVoice.Demand("x", 7200, 10)))).as("never more than the hour")
                .hasSize(360);
    }
}
