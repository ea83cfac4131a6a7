package vn.loa.server.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.testing.MovableClock;

/** Loa's own steps ({@link LoaSteps}) on the in-memory store and a clock the test moves: no database at all. */
class AnnouncementStepsTest {

    /** 07:00 in Vietnam, when the daily notice below airs. */
    private static final Instant SEVEN = Instant.parse("2026-12-07T00:00:00Z");

    private final MovableClock clock = new MovableClock(SEVEN);
    private final MemoryAnnouncementStore store = new MemoryAnnouncementStore(Map.of("xa", "/xa/"));
    private final AnnouncementSteps steps = AnnouncementSteps.on(store, clock);
    private final List<String> told = new ArrayList<>();

    @Test
    void aDailyNoticeWaitsAgainAfterItsFirstAiringAndIsDoneAfterItsLast() {
        steps.onStateChange((a, to) -> told.add(a.id() + ":" + to));
        long id = stored(new Schedule(SEVEN, "0 0 7 * * ?", SEVEN.plus(Duration.ofHours(30)), null));
        assertThat(steps.advance(id, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(steps.advance(id, LoaStep.AIRED, null)).isTrue();
        assertThat(steps.find(id).orElseThrow().state()).isEqualTo(AnnouncementState.SCHEDULED);

        clock.advance(Duration.ofDays(1));
        assertThat(steps.advance(id, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(steps.advance(id, LoaStep.AIRED, null)).isTrue();
        assertThat(steps.find(id).orElseThrow().state()).isEqualTo(AnnouncementState.DONE);
        assertThat(moves(id)).containsExactly("SCHEDULED>ON_AIR", "ON_AIR>DONE", "DONE>SCHEDULED",
                "SCHEDULED>ON_AIR", "ON_AIR>DONE");
        assertThat(history(id).get(2).reason())
                .as("the next airing is named").contains("2026-12-08T07:00");
        assertThat(told).containsExactly(id + ":ON_AIR", id + ":DONE", id + ":ON_AIR", id + ":DONE");
    }

    @Test
    void aStepFromAnotherStateIsNotTakenAndAMissingAnnouncementIsNoError() {
        long id = stored(new Schedule(null, null, null, null));
        assertThat(steps.advance(id, LoaStep.AIRED, null)).as("not on air").isFalse();
        assertThat(steps.advance(id, LoaStep.FAILS_WAITING, "không có loa")).isTrue();
        assertThat(steps.find(id).orElseThrow().state()).isEqualTo(AnnouncementState.FAILED);
        assertThat(history(id)).singleElement()
                .satisfies(t -> {
                    assertThat(t.actor()).isEqualTo("loa");
                    assertThat(t.reason()).isEqualTo("không có loa");
                    assertThat(t.at()).isEqualTo(SEVEN);
                });
        assertThat(steps.advance(404, LoaStep.GOES_ON_AIR, null)).isFalse();
    }

    private long stored(Schedule schedule) {
        return store.inTransaction(rows -> rows.insert(new Announcement(0, "Thông báo", "Nội dung", null, null,
                List.of("xa"), Priority.SCHEDULED, null, 1, false, schedule, AnnouncementState.SCHEDULED, "chu-tich",
                SEVEN, SEVEN)));
    }

    private List<Transition> history(long id) {
        return store.inTransaction(rows -> rows.transitions(id));
    }

    private List<String> moves(long id) {
        return history(id).stream().map(t -> t.from() + ">" + t.to()).toList();
    }
}
