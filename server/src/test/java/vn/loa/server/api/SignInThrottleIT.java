package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.RawHttp;
import vn.loa.server.testing.RunsAlone;

/**
 * Sign-in throttling that protects the owner (issue 22): guesses from one address do not lock the owner out at
 * another, parallel guesses cannot pass the limit, and a flood of wrong passwords leaves {@code /health} answering.
 * Guessers are other loopback addresses (127.0.0.x), the owner and the monitor 127.0.0.1.
 */
@RunsAlone("asserts /health answers within 2 s while 40 threads flood sign-in")
class SignInThrottleIT extends ApiSuite {

    /** Throttling lives in memory: one database is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    private static String login(String username, String password) {
        return new JsonObject().put("username", username).put("password", password).encode();
    }

    private static int signIn(String from, String username, String password) throws Exception {
        return RawHttp.send(server.baseUrl(), from, "POST", "/api/v1/auth/login", login(username, password));
    }

    @Test
    void guessesFromElsewhereDoNotLockTheOwnerOut() throws Exception {
        String owner = Province.unique("chu-tich");
        province.user(owner, "approver", "xa-a");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("127.0.0.5", owner, "doan-" + i)).isEqualTo(401);
        }
        assertThat(signIn("127.0.0.5", owner, Province.PASSWORD)).as("the guesser is locked").isEqualTo(429);

        assertThat(signIn("127.0.0.1", owner, Province.PASSWORD)).as("the owner at the office").isEqualTo(200);

        var audited = province.adminA.get("/api/v1/audit?target=user:" + owner).array().stream()
                .map(a -> ((JsonObject) a).getString("action")).toList();
        assertThat(audited).contains("auth.login_failed", "auth.login_locked", "auth.login");
    }

    @Test
    void parallelGuessesCannotPassTheLimit() throws Exception {
        String victim = Province.unique("ke-toan");
        province.user(victim, "clerk", "xa-a");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String guess = "doan-song-song-" + i;
            answers.add(pool.submit(() -> {
                go.await();
                return signIn("127.0.0.6", victim, guess);
            }));
        }
        go.countDown();
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        for (Future<Integer> a : answers) {
            byStatus.merge(a.get(), 1, Integer::sum);
        }
        pool.shutdown();

        assertThat(byStatus.get(401)).as("guesses whose password was checked: %s", byStatus).isEqualTo(5);
        assertThat(byStatus.get(429)).isEqualTo(19);
    }

    @Test
    void aFloodOfWrongSignInsFromManyAddressesLeavesHealthAnswering() throws Exception {
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> healthMs = Collections.synchronizedList(new ArrayList<>());
        Thread monitor = new Thread(() -> {
            while (flooding.get()) {
                long start = System.nanoTime();
                anonymous().get("/health");
                healthMs.add((System.nanoTime() - start) / 1_000_000);
                try {
                    Thread.sleep(50); // deliberate: /health is probed at a steady pace through the flood
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        monitor.start();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            String from = "127.0.0." + (10 + i % 20);
            String name = "khach-" + i;
            done.add(pool.submit(() -> {
                int status = signIn(from, name, "sai-mat-khau");
                byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long floodMs = (System.nanoTime() - start) / 1_000_000;
        flooding.set(false);
        monitor.join();
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(healthMs);
        Collections.sort(sorted);
        System.out.printf("sign-in flood: 200 wrong sign-ins from 20 addresses in %d ms, answers %s; /health during it:"
                + " %d probes, median %d ms, max %d ms%n", floodMs, byStatus, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertThat(byStatus.keySet()).as("wrong password, or busy: never a 5xx but 503").isSubsetOf(401, 503);
        assertThat(sorted.get(sorted.size() - 1)).as("slowest /health during the flood, ms").isLessThan(2_000);
    }
}
