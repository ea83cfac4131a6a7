package vn.loa.server.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.campaign.Campaign;
import vn.loa.display.layout.Layouts;
import vn.loa.display.screen.MediaStore;
import vn.loa.display.screen.PlaylistItem;
import vn.loa.display.screen.Screen;
import vn.loa.display.screen.ScreenRenderer;

/** A board's schedule of the coming days, computed at one moment: what a player cut from the server follows. */
class BoardPlannerTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ZonedDateTime MONDAY_9 = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, VN);
    static final Board BOARD = new Board("b", "Bảng tin", "thon", BoardKind.LCD, 640, 360, null);

    @TempDir
    Path dir;

    static PlaylistItem item(String id, LocalTime from, LocalTime to) {
        return new PlaylistItem(id, PlaylistItem.Kind.TEXT, id, "", null, null, 10, Set.of(), from, to);
    }

    @Test
    void theScheduleAheadHoldsEveryChangeOfTheComingDaysAndAPlayerFollowsItWithoutTheServer() {
        BoardPlanner planner = new BoardPlanner(new ScreenRenderer(new MediaStore(dir)), Layouts::named);
        List<PlaylistItem> own = List.of(item("ca-ngay", null, null), item("buoi-toi", LocalTime.of(18, 0),
                LocalTime.of(22, 0)));
        Instant tomorrow = MONDAY_9.plusDays(1).toLocalDate().atStartOfDay(VN).toInstant();
        Campaign election = new Campaign("bau-cu", "Bầu cử", Campaign.Mode.ROTATION, 5, tomorrow,
                tomorrow.plusSeconds(86_400), Set.of(), null, null, "header-main-ticker", 0,
                List.of(item("bau-cu-1", null, null)));
        BoardProfile profile = BoardProfile.of(BOARD);
        BoardPlanner.Plan now = planner.at(BOARD, profile, List.of(election), own, MONDAY_9);
        assertThat(now.entries()).extracting(e -> e.item().id()).containsExactly("ca-ngay");

        List<Screen.Ahead> ahead = planner.ahead(BOARD, profile, List.of(election), own, MONDAY_9, now);
        assertThat(ahead).extracting(a -> a.from().atZone(VN).toLocalDateTime().toString() + " "
                + a.entries().stream().map(e -> e.item().id()).toList()).containsExactly(
                "2026-12-07T18:00 [ca-ngay, buoi-toi]",
                "2026-12-07T22:00 [ca-ngay]",
                "2026-12-08T00:00 [bau-cu-1]",
                "2026-12-09T00:00 [ca-ngay]",
                "2026-12-09T18:00 [ca-ngay, buoi-toi]",
                "2026-12-09T22:00 [ca-ngay]");
        assertThat(ahead.get(2).layout().name()).as("the campaign's layout from its start").isEqualTo("header-main-ticker");

        // The screen as sent to the player at 09:00 on Monday, then played by itself on the player's clock.
        Screen sent = new Screen(BOARD, profile, "/thon/", now.entries(), null, 7, now.layout(), List.of(),
                now.interrupts(), now.overlay(), ahead);
        Instant tuesday10 = MONDAY_9.plusDays(1).plusHours(1).toInstant();
        assertThat(sent.at(tuesday10).entryAt(tuesday10).item().id()).isEqualTo("bau-cu-1");
        Instant monday19 = MONDAY_9.plusHours(10).toInstant();
        assertThat(List.of(sent.at(monday19).entryAt(monday19).item().id(),
                sent.at(monday19.plusSeconds(10)).entryAt(monday19.plusSeconds(10)).item().id()))
                .containsExactlyInAnyOrder("ca-ngay", "buoi-toi");
        assertThat(sent.at(MONDAY_9.toInstant())).as("before the first change: the screen itself").isSameAs(sent);
    }

    @Test
    void changesAreTheHoursMidnightsAndWindowsWithinTheDaysAhead() {
        List<Instant> changes = BoardPlanner.changes(List.of(), List.of(item("x", LocalTime.of(6, 30),
                LocalTime.of(7, 0))), MONDAY_9, 1);
        assertThat(changes).extracting(i -> i.atZone(VN).toLocalDateTime().toString())
                .containsExactly("2026-12-08T00:00", "2026-12-08T06:30", "2026-12-08T07:00");
    }
}
