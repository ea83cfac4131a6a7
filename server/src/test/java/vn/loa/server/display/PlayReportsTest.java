package vn.loa.server.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.server.http.Blocking;

/** Players' reports stored in batches by one task at a time, each acknowledged once it is stored. */
class PlayReportsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aThousandReportsAreStoredInBatchesOneAtATimeAndEachAcknowledgedOnce() {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        int[] running = {0};
        int[] mostAtOnce = {0};
        PlayReports reports = new PlayReports(batch -> {
            synchronized (running) {
                mostAtOnce[0] = Math.max(mostAtOnce[0], ++running[0]);
            }
            batches.add(batch.size());
            synchronized (running) {
                running[0]--;
            }
            return batch.size();
        }, new Blocking(vertx));
        var acked = ConcurrentHashMap.<Integer>newKeySet();
        List<Integer> twice = new CopyOnWriteArrayList<>();
        List<Thread> players = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t * 300;
            Thread player = new Thread(() -> {
                for (int i = from; i < from + 300; i++) {
                    int n = i;
                    reports.add(new BoardContentRepository.Play("b", "i" + n, "TEXT", Instant.EPOCH.plusSeconds(n), 1),
                            () -> {
                                if (!acked.add(n)) {
                                    twice.add(n);
                                }
                            });
                }
            });
            player.start();
            players.add(player);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> acked.size() == 1200);
        assertThat(twice).isEmpty();
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1200);
        assertThat(batches).allMatch(n -> n <= PlayReports.BATCH);
        assertThat(mostAtOnce[0]).as("one batch stored at a time").isEqualTo(1);
    }

    @Test
    void aBatchThatCannotBeStoredIsNotAcknowledgedSoItsPlayersSendItAgain() {
        var acked = ConcurrentHashMap.<String>newKeySet();
        List<String> tried = new CopyOnWriteArrayList<>();
        PlayReports reports = new PlayReports(batch -> {
            batch.forEach(p -> tried.add(p.itemId()));
            if (batch.stream().anyMatch(p -> p.itemId().equals("hong"))) {
                throw new IllegalStateException("database away");
            }
            return batch.size();
        }, new Blocking(vertx));
        reports.add(new BoardContentRepository.Play("b", "hong", "TEXT", Instant.EPOCH, 1), () -> acked.add("hong"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tried.contains("hong"));
        reports.add(new BoardContentRepository.Play("b", "tot", "TEXT", Instant.EPOCH, 1), () -> acked.add("tot"));
        await().atMost(Duration.ofSeconds(10)).until(() -> acked.contains("tot"));
        assertThat(acked).containsExactly("tot");
    }
}
