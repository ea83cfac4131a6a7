package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.DeliveryState;
import vn.loa.server.testing.MemoryDatabase;

/** The air's first rows of a notice and an agent's report of its stored copy may come in either order. */
class DeliveryRepositoryTest {

    private static final Instant DUE = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void theAirsFirstRowsLeaveAStoredCopysPlayedAlone() {
        MemoryDatabase db = new MemoryDatabase();
        DeliveryRepository deliveries = new DeliveryRepository();
        db.jdbi().useHandle(h -> {
            h.execute("SET REFERENTIAL_INTEGRITY FALSE"); // rows of one announcement, without making one
            // loa-1 played its stored copy at the due time and reported before the member that took the zone over
            // wrote its rows; loa-2 did not hold the file and was not connected.
            deliveries.record(h, 7, "loa-1", DeliveryState.PLAYED, "ghi vào / recorded to 7.wav", DUE);
            deliveries.recordUnlessPlayed(h, 7, "loa-1", DeliveryState.FAILED, "agent not connected",
                    DUE.plusMillis(5));
            deliveries.recordUnlessPlayed(h, 7, "loa-2", DeliveryState.FAILED, "agent not connected",
                    DUE.plusMillis(5));
            deliveries.recordUnlessPlayed(h, 7, "loa-3", DeliveryState.PENDING, null, DUE.plusMillis(5));
        });
        assertThat(state(db, "loa-1")).isEqualTo("PLAYED");
        assertThat(state(db, "loa-2")).isEqualTo("FAILED");
        assertThat(state(db, "loa-3")).isEqualTo("PENDING");
    }

    private static String state(MemoryDatabase db, String node) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM delivery WHERE announcement_id = 7 "
                + "AND node_id = :n").bind("n", node).mapTo(String.class).one());
    }
}
