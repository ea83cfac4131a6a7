package vn.loa.server.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * A client that keeps writing through the HTTP API while the server is killed under it, and remembers every write the
 * server acknowledged (answered 2xx): notices, users, schedules planned a few seconds ahead (so airings happen around
 * the kills) and the DONE it has read back. {@link #lost} names those a restarted server no longer has.
 *
 * <p>One thread; a call that fails (refused connection, reset, 5xx while the server dies) is simply not acknowledged.
 */
final class CrashWriter implements Runnable {

    private final String base;
    private final String zone;
    private final Random random;
    private final Map<Long, String> notices = new ConcurrentHashMap<>();
    private final Map<Long, String> schedules = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> done = new ConcurrentHashMap<>();
    private final Map<String, Boolean> users = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean running = true;
    private Api admin;

    CrashWriter(String base, String zone, long seed) {
        this.base = base;
        this.zone = zone;
        this.random = new Random(seed);
    }

    /** Sets the world up once, on a fresh server: a zone whose loudspeaker is an RTP address nobody reads. */
    static String world(Api admin, int speakerPort) {
        String zone = Province.unique("thon-sap-nguon");
        Province.created(admin.post("/api/v1/zones", Province.zone(zone, "Thôn " + zone, null)));
        Province.created(admin.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-sap"))
                .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speakerPort)));
        return zone;
    }

    @Override
    public void run() {
        while (running) {
            try {
                writeOne();
                // Paced like clerks, with quiet spells: a store that loses its last commits after a quiet spell
                // (issue 23: H2 hid up to 20 commits from recovery) is caught only if the writer pauses.
                pause(random.nextInt(10) == 0 ? 3_000 : random.nextInt(400));
            } catch (RuntimeException | AssertionError e) {
                // The server died under the call (or is starting): nothing was acknowledged, try again shortly.
                admin = null;
                pause(150);
            }
        }
    }

    void stop() {
        running = false;
    }

    private void writeOne() {
        if (admin == null) {
            admin = Api.signIn(base, "admin", TestServer.ADMIN_PASSWORD);
        }
        attempts.incrementAndGet();
        int pick = random.nextInt(10);
        if (pick < 4) {
            String title = "Thông báo " + random.nextLong();
            Api.Reply r = admin.post("/api/v1/announcements", Province.notice(title, zone));
            if (r.status() == 201) {
                notices.put(r.json().getLong("id"), title);
            }
        } else if (pick < 6) {
            String username = "can-bo-" + Long.toUnsignedString(random.nextLong(), 36);
            Api.Reply r = admin.post("/api/v1/users", new JsonObject().put("username", username).put("role", "clerk")
                    .put("password", Province.PASSWORD).put("displayName", "Cán bộ " + username));
            if (r.status() == 201) {
                users.put(username, true);
            }
        } else if (pick < 9) {
            schedule();
        } else {
            readBackDone();
        }
    }

    /** A notice planned 2-12 s ahead: acknowledged once the broadcast answers SCHEDULED. */
    private void schedule() {
        Instant at = Instant.now().plusMillis(2_000 + random.nextInt(10_000));
        JsonObject body = Province.notice("Lịch " + random.nextLong(), zone).put("chime", false)
                .put("text", "Xin chào bà con.").put("schedule", new JsonObject()
                        .put("at", at.atOffset(ZoneOffset.ofHours(7)).toString()).put("onConflict", "priority"));
        Api.Reply created = admin.post("/api/v1/announcements", body);
        if (created.status() != 201) {
            return;
        }
        long id = created.json().getLong("id");
        notices.put(id, body.getString("title"));
        if (admin.post("/api/v1/announcements/" + id + "/approve", null).status() != 200) {
            return;
        }
        Api.Reply broadcast = admin.post("/api/v1/announcements/" + id + "/broadcast", null);
        if (broadcast.status() / 100 == 2 && "SCHEDULED".equals(broadcast.json().getString("state"))) {
            schedules.put(id, body.getString("title"));
        }
    }

    /** Reads a planned notice; a DONE read back from the server is a committed fact too. */
    private void readBackDone() {
        List<Long> planned = new ArrayList<>(schedules.keySet());
        planned.removeAll(done.keySet());
        if (planned.isEmpty()) {
            return;
        }
        long id = planned.get(random.nextInt(planned.size()));
        Api.Reply r = admin.get("/api/v1/announcements/" + id);
        if (r.status() == 200 && "DONE".equals(r.json().getString("state"))) {
            done.put(id, true);
        }
    }

    /**
     * The acknowledged writes the server no longer has, described; empty when none is lost. Reads the stored
     * announcements a page of 500 at a time, so a check costs a few requests however long the run.
     */
    List<String> lost() {
        // What was acknowledged before the reading starts: the writer goes on, and a write acknowledged after a page
        // was read is not missing from it.
        Map<Long, String> noticesAcked = Map.copyOf(notices);
        java.util.Set<Long> schedulesAcked = java.util.Set.copyOf(schedules.keySet());
        java.util.Set<Long> doneAcked = java.util.Set.copyOf(done.keySet());
        java.util.Set<String> usersAcked = java.util.Set.copyOf(users.keySet());
        Api reader = Api.signIn(base, "admin", TestServer.ADMIN_PASSWORD);
        Map<Long, JsonObject> stored = new java.util.HashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonArray page = reader.get("/api/v1/announcements?limit=" + PAGE + "&offset=" + offset).array();
            page.stream().map(JsonObject.class::cast).forEach(a -> stored.put(a.getLong("id"), a));
            if (page.size() < PAGE) {
                break;
            }
        }
        List<String> lost = new ArrayList<>();
        noticesAcked.forEach((id, title) -> {
            JsonObject a = stored.get(id);
            if (a == null || !title.equals(a.getString("title"))) {
                lost.add("notice " + id);
                return;
            }
            String state = a.getString("state");
            if (schedulesAcked.contains(id) && UNSENT.contains(state)) {
                lost.add("broadcast of notice " + id + ": back to " + state);
            }
            if (doneAcked.contains(id) && !"DONE".equals(state)) {
                lost.add("DONE of notice " + id + ": now " + state);
            }
        });
        JsonArray listed = reader.get("/api/v1/users").array();
        java.util.Set<String> names = listed.stream().map(JsonObject.class::cast).map(u -> u.getString("username"))
                .collect(java.util.stream.Collectors.toSet());
        usersAcked.stream().filter(u -> !names.contains(u)).forEach(u -> lost.add("user " + u));
        return lost;
    }

    /** The states of a notice whose broadcast (answered SCHEDULED) was lost. */
    private static final java.util.Set<String> UNSENT = java.util.Set.of("DRAFT", "SUBMITTED", "APPROVED");
    private static final int PAGE = 500;

    /** How many writes were acknowledged, by kind, and how many were tried. */
    JsonObject acknowledged() {
        return new JsonObject().put("notices", notices.size()).put("users", users.size())
                .put("schedules", schedules.size()).put("doneReadBack", done.size()).put("attempts", attempts.get());
    }

    /** Deliberate pacing: writes come at a clerk's random pace, not as fast as the server takes them. */
    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
