package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.loa.server.link.Envelope;
import vn.loa.server.link.LinkKeys;
import vn.loa.server.link.SignedMessage;

/**
 * A downstream of the link bench, in the bench's process: it enrols with its key as docs/province-link.md says, then
 * one thread long-polls, acknowledging in each poll what the previous one brought (as a real downstream does once it
 * applied it). It notes when each bulletin arrived (by its origin), and checks the stream: each sequence number the
 * next one, each message id new. It can go away (stop polling) and come back where it left off.
 */
final class SimulatedDownstream {

    private final HttpClient http;
    private final String up;
    private final String id;
    private final KeyPair pair = LinkKeys.generate();
    private final String upstream;
    /** Origin (the bulletin's id at the upstream) to the System.nanoTime its poll answer arrived. */
    private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong bulletins = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private volatile long after;
    private volatile Thread poller;

    SimulatedDownstream(HttpClient http, String up, String id, String enrolmentKey) throws Exception {
        this.http = http;
        this.up = up;
        this.id = id;
        JsonObject enrolled = new JsonObject(BenchApi.send(http, up, null, "POST", "/api/v1/link/enrol",
                new JsonObject().put("id", id).put("key", enrolmentKey)
                        .put("publicKey", LinkKeys.encode(pair.getPublic()))));
        this.upstream = enrolled.getString("upstream");
    }

    /** Starts polling (again, after the last message it took). */
    synchronized void start() {
        Thread t = new Thread(this::loop, "bench-downstream-" + id);
        t.setDaemon(true);
        poller = t;
        t.start();
    }

    /** Goes away: stops polling, and waits until its thread ended. */
    synchronized void stop() throws InterruptedException {
        Thread t = poller;
        poller = null;
        if (t != null) {
            t.interrupt();
            t.join(5000);
        }
    }

    private void loop() {
        Thread self = Thread.currentThread();
        while (poller == self) {
            try {
                pollOnce();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failedPolls.incrementAndGet();
                try {
                    Thread.sleep(200); // the upstream restarts: do not spin
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void pollOnce() throws Exception {
        Envelope poll = new Envelope(UUID.randomUUID().toString(), Envelope.CONTROL, 0, Instant.now(), id, upstream,
                Envelope.POLL, null, new JsonObject().put("after", after).put("wait", 20));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(up + "/api/v1/link/poll"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(40))
                .POST(HttpRequest.BodyPublishers.ofString(SignedMessage.sign(poll, pair.getPrivate()).json().encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("poll answered " + r.statusCode() + " " + r.body());
        }
        for (Object m : new JsonObject(r.body()).getJsonArray("messages", new JsonArray())) {
            Envelope e = SignedMessage.of((JsonObject) m).unverified();
            if (e.seq() != after + 1 || !ids.add(e.id())) {
                outOfOrder.incrementAndGet();
            }
            after = e.seq();
            if (Envelope.BULLETIN.equals(e.kind())) {
                arrivals.putIfAbsent(e.body().getLong("origin", -1L), now);
                bulletins.incrementAndGet();
            }
        }
    }

    String id() {
        return id;
    }

    /** When the bulletin {@code origin} arrived (System.nanoTime), or null. */
    Long arrival(long origin) {
        return arrivals.get(origin);
    }

    long bulletins() {
        return bulletins.get();
    }

    /** Messages whose sequence number was not the next, or whose id came before: 0 when the stream was right. */
    long outOfOrder() {
        return outOfOrder.get();
    }

    long distinctMessages() {
        return ids.size();
    }

    long failedPolls() {
        return failedPolls.get();
    }
}
