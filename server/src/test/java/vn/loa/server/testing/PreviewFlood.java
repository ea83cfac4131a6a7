package vn.loa.server.testing;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Six clients asking a server for speech previews without pause (one of 20,000 characters, five of 3,000), every
 * sentence new so the synthesis cache cannot make the flood cheap: the load of issue 23 that an emergency must not
 * notice. Counts the answers by status until {@link #stop}.
 */
public final class PreviewFlood {

    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final AtomicBoolean flooding = new AtomicBoolean(true);
    private final AtomicInteger texts = new AtomicInteger();
    private final ExecutorService clients = Executors.newFixedThreadPool(6);

    private PreviewFlood(Api caller) {
        for (int i = 0; i < 6; i++) {
            int length = i == 0 ? 20_000 : 3_000;
            clients.execute(() -> {
                while (flooding.get()) {
                    int status = caller.post("/api/v1/tts/preview",
                            new JsonObject().put("text", text(length, texts.incrementAndGet()))).status();
                    byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
    }

    /** Starts the six clients, signed in as {@code caller}. */
    public static PreviewFlood start(Api caller) {
        return new PreviewFlood(caller);
    }

    /** Stops the clients and returns how many previews got each status. */
    public Map<Integer, Integer> stop() throws InterruptedException {
        flooding.set(false);
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
        Map<Integer, Integer> counts = new TreeMap<>();
        byStatus.forEach((status, n) -> counts.put(status, n.get()));
        return counts;
    }

    /** A notice of at most {@code length} characters whose every sentence names {@code number} and its place. */
    public static String text(int length, int number) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; ; i++) {
            String sentence = "Thông báo số " + number + " mục " + i + ": Ủy ban nhân dân xã mời bà con mang sổ theo dõi "
                    + "đến nhà văn hóa thôn Ba để tiêm phòng cho gia súc. ";
            if (text.length() + sentence.length() > length) {
                return text.toString().strip();
            }
            text.append(sentence);
        }
    }
}
