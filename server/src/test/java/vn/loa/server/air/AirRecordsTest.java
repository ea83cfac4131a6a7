package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class AirRecordsTest {

    @Test
    void recordsAreWrittenInTheOrderTheyWereHandedOverAndAllOfThemBeforeCloseReturns() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        CountDownLatch stalled = new CountDownLatch(1);
        AirRecords records = new AirRecords(100, Duration.ofSeconds(5));
        records.write(() -> await(stalled));
        for (int i = 0; i < 50; i++) {
            int n = i;
            records.write(() -> written.add(n));
        }
        assertThat(records.waiting()).isEqualTo(51);
        assertThat(written).as("nothing overtakes a stalled record").isEmpty();
        stalled.countDown();
        records.close();
        assertThat(written).hasSize(50).isSorted();
        assertThat(records.waiting()).isZero();
    }

    @Test
    void aFullQueueMakesTheCallerWriteRatherThanDropTheRecord() {
        CountDownLatch stalled = new CountDownLatch(1);
        AirRecords records = new AirRecords(1, Duration.ofSeconds(5));
        records.write(() -> await(stalled)); // on the writer
        records.write(() -> { }); // queued
        String[] writer = new String[1];
        records.write(() -> writer[0] = Thread.currentThread().getName());
        assertThat(writer[0]).isEqualTo(Thread.currentThread().getName());
        stalled.countDown();
        records.close();
    }

    @Test
    void aRecordTheDatabaseCouldNotTakeIsTriedAgainUntilItGoesThrough() {
        AtomicInteger tries = new AtomicInteger();
        AirRecords records = new AirRecords(10, Duration.ofSeconds(5));
        records.write(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new ConnectionException(new SQLTransientConnectionException("pool timed out"));
            }
        });
        records.close();
        assertThat(tries).hasValue(3);
    }

    @Test
    void aRecordThatIsWrongIsNotTriedAgainAndDoesNotHoldTheOthers() {
        AtomicInteger tries = new AtomicInteger();
        List<String> written = new CopyOnWriteArrayList<>();
        AirRecords records = new AirRecords(10, Duration.ofSeconds(5));
        records.write(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("no such announcement");
        });
        records.write(() -> written.add("next"));
        records.close();
        assertThat(tries).hasValue(1);
        assertThat(written).containsExactly("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
