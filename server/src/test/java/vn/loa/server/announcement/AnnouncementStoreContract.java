package vn.loa.server.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Delivery;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;

/**
 * What every {@link AnnouncementStore} does, whatever keeps the rows: each implementation's test extends this with a
 * store that knows the zones {@code xa} ({@code /xa/}) and {@code thon} ({@code /xa/thon/}) and the user
 * {@code chu-tich}.
 */
abstract class AnnouncementStoreContract {

    static final Instant EIGHT = Instant.parse("2026-12-07T01:00:00Z");

    private AnnouncementStore store;

    /** A new, empty store. */
    abstract AnnouncementStore newStore();

    @BeforeEach
    void empty() {
        store = newStore();
    }

    @Test
    void anAnnouncementIsFoundAsStoredWithItsZonesAndPlaylist() {
        Schedule nine = new Schedule(EIGHT.plus(Duration.ofHours(1)), null, null, Duration.ofMinutes(30));
        long id = store.inTransaction(rows -> rows.insert(new Announcement(0, "Nhạc sáng", null, null, null,
                List.of("thon"), Priority.SCHEDULED, "vi", 2, true, nine, AnnouncementState.DRAFT, "chu-tich", EIGHT,
                EIGHT, List.of("bai-2", "bai-1"))));
        Announcement a = found(id).orElseThrow();
        assertThat(a.id()).isEqualTo(id);
        assertThat(a.title()).isEqualTo("Nhạc sáng");
        assertThat(a.zones()).containsExactly("thon");
        assertThat(a.playlist()).as("in airing order").containsExactly("bai-2", "bai-1");
        assertThat(a.schedule()).isEqualTo(nine);
        assertThat(a.repeat()).isEqualTo(2);
        assertThat(a.chime()).isTrue();
        assertThat(a.state()).isEqualTo(AnnouncementState.DRAFT);
        assertThat(a.createdAt()).isEqualTo(EIGHT);
        assertThat(paths(id)).containsExactly("/xa/thon/");
        assertThat(deliveries(id)).isEmpty();
    }

    @Test
    void eachAnnouncementGetsItsOwnId() {
        long first = insert(AnnouncementState.DRAFT);
        long second = insert(AnnouncementState.DRAFT);
        assertThat(second).isNotEqualTo(first);
        assertThat(found(second)).get().extracting(Announcement::id)
                .isEqualTo(second);
    }

    @Test
    void theStateMovesOnlyFromTheStateStored() {
        long id = insert(AnnouncementState.SUBMITTED);
        Instant later = EIGHT.plus(Duration.ofMinutes(3));
        assertThat(moved(id, AnnouncementState.DRAFT, AnnouncementState.APPROVED, later))
                .as("someone moved it meanwhile").isFalse();
        assertThat(state(id)).isEqualTo(AnnouncementState.SUBMITTED);
        assertThat(moved(id, AnnouncementState.SUBMITTED, AnnouncementState.APPROVED, later)).isTrue();
        Announcement a = found(id).orElseThrow();
        assertThat(a.state()).isEqualTo(AnnouncementState.APPROVED);
        assertThat(a.updatedAt()).isEqualTo(later);
    }

    @Test
    void theHistoryKeepsEveryStepInOrder() {
        long id = insert(AnnouncementState.DRAFT);
        store.inTransaction(rows -> {
            rows.recordTransition(id, null, AnnouncementState.DRAFT, "chu-tich", null, EIGHT);
            rows.recordTransition(id, AnnouncementState.DRAFT, AnnouncementState.SUBMITTED, "chu-tich", "gửi",
                    EIGHT.plusSeconds(60));
            return null;
        });
        assertThat(history(id)).containsExactly(
                new Transition(null, "DRAFT", "chu-tich", null, EIGHT),
                new Transition("DRAFT", "SUBMITTED", "chu-tich", "gửi", EIGHT.plusSeconds(60)));
    }

    @Test
    void anEditReplacesContentAndZonesButKeepsStateAndAuthor() {
        long id = insert(AnnouncementState.DRAFT);
        Instant later = EIGHT.plus(Duration.ofMinutes(10));
        store.inTransaction(rows -> {
            rows.update(id, new AnnouncementDraft("Đã sửa", "Họp dân lúc 9 giờ.", null, null, List.of("xa"),
                    Priority.SCHEDULED, null, 1, false, new Schedule(null, null, null, null), List.of()), later);
            return null;
        });
        Announcement a = found(id).orElseThrow();
        assertThat(a.title()).isEqualTo("Đã sửa");
        assertThat(a.text()).isEqualTo("Họp dân lúc 9 giờ.");
        assertThat(a.zones()).containsExactly("xa");
        assertThat(a.playlist()).isEmpty();
        assertThat(a.state()).isEqualTo(AnnouncementState.DRAFT);
        assertThat(a.createdBy()).isEqualTo("chu-tich");
        assertThat(a.updatedAt()).isEqualTo(later);
        assertThat(paths(id)).containsExactly("/xa/");
    }

    @Test
    void aTransactionThatFailsKeepsNothing() {
        long id = insert(AnnouncementState.SUBMITTED);
        assertThatThrownBy(() -> store.inTransaction(rows -> {
            rows.moveState(id, AnnouncementState.SUBMITTED, AnnouncementState.APPROVED, EIGHT);
            rows.recordTransition(id, AnnouncementState.SUBMITTED, AnnouncementState.APPROVED, "chu-tich", null,
                    EIGHT);
            throw new IllegalStateException("bốn mắt");
        })).hasMessage("bốn mắt");
        assertThat(state(id)).isEqualTo(AnnouncementState.SUBMITTED);
        assertThat(history(id)).isEmpty();
    }

    @Test
    void anAnnouncementForAnUnknownZoneIsNotStored() {
        assertThatThrownBy(() -> store.inTransaction(rows -> rows.insert(announcement(List.of("khong-co"),
                AnnouncementState.DRAFT)))).isInstanceOf(RuntimeException.class);
        long id = insert(AnnouncementState.DRAFT);
        assertThat(found(id - 1)).as("nothing of the refused one").isEmpty();
    }

    @Test
    void anUnknownAnnouncementIsNotFoundAndDoesNotMove() {
        assertThat(found(404)).isEmpty();
        assertThat(paths(404)).isEmpty();
        assertThat(moved(404, AnnouncementState.DRAFT, AnnouncementState.SUBMITTED, EIGHT)).isFalse();
    }

    private long insert(AnnouncementState state) {
        return store.inTransaction(rows -> rows.insert(announcement(List.of("thon"), state)));
    }

    private static Announcement announcement(List<String> zones, AnnouncementState state) {
        return new Announcement(0, "Lịch tiêm chủng", "Sáng mai tiêm chủng.", null, null, zones, Priority.SCHEDULED,
                null, 1, false, new Schedule(null, null, null, null), state, "chu-tich", EIGHT, EIGHT);
    }

    private Optional<Announcement> found(long id) {
        return store.inTransaction(rows -> rows.find(id));
    }

    private List<String> paths(long id) {
        return store.inTransaction(rows -> rows.zonePaths(id));
    }

    private List<Transition> history(long id) {
        return store.inTransaction(rows -> rows.transitions(id));
    }

    private List<Delivery> deliveries(long id) {
        return store.inTransaction(rows -> rows.deliveries(id));
    }

    private boolean moved(long id, AnnouncementState from, AnnouncementState to, Instant at) {
        return store.inTransaction(rows -> rows.moveState(id, from, to, at));
    }

    private AnnouncementState state(long id) {
        return found(id).orElseThrow().state();
    }
}
