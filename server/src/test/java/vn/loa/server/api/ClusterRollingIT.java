package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Icecast;
import vn.loa.server.testing.LoaCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.RtpCapture.Arrival;
import vn.loa.server.testing.RunsAlone;

/**
 * Two Loa servers sharing the air over time (issue 15, ADR 0049): a member that joins gets its share of the zones; one
 * member polls a plugin's source; each member restarted in turn while a notice airs leaves no speaker silent longer than
 * a takeover; a relay whose member is killed resumes on the other and still ends when its window does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RunsAlone("restarts and kills members of a two-member cluster and asserts gaps on air of seconds")
class ClusterRollingIT {

    private static LoaCluster cluster;
    private static RtpCapture east;
    private static RtpCapture west;
    private static List<Arrival> heardEast;
    private static List<Arrival> heardWest;
    private static String zoneEast;
    private static String zoneWest;
    private static HttpServer portal;
    private static final AtomicInteger POLLS = new AtomicInteger();
    /** The long notice, three times: it airs through two restarts, each of which starts it again from its top. */
    private static final String THRICE = ClusterIT.LONG_NOTICE + " " + ClusterIT.LONG_NOTICE + " "
            + ClusterIT.LONG_NOTICE;

    @BeforeAll
    static void oneOfTwoMembers() throws Exception {
        cluster = LoaCluster.start(2, 1, false);
        east = new RtpCapture();
        west = new RtpCapture();
        heardEast = east.arrivalsInBackground();
        heardWest = west.arrivalsInBackground();
        zoneEast = ScheduleRestartIT.village(cluster.admin(0), "thon-dong", east);
        zoneWest = ScheduleRestartIT.village(cluster.admin(0), "thon-tay", west);
        portal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        portal.createContext("/rss", exchange -> {
            POLLS.incrementAndGet();
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                    + "<title>Xã</title></channel></rss>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        portal.start();
        var reply = cluster.admin(0).put("/api/v1/plugins/portal-news", new JsonObject().put("enabled", true)
                .put("settings", new JsonObject()
                        .put("feeds", new JsonArray().add("http://127.0.0.1:" + portal.getAddress().getPort() + "/rss"))
                        .put("zones", new JsonArray().add(zoneEast)).put("intervalSeconds", 1)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {east, west}) {
            if (c != null) {
                c.close();
            }
        }
        if (portal != null) {
            portal.stop(0);
        }
    }

    @Test
    @Order(1)
    void aJoiningMemberGetsItsShareOfTheZonesAndOneMemberPollsEachSource() throws Exception {
        assertThat(cluster.owner(zoneEast, Duration.ofSeconds(15))).as("alone, the first member holds all").isZero();
        assertThat(cluster.owner(zoneWest, Duration.ofSeconds(15))).isZero();
        cluster.restart(1);
        // Nothing airs: the first member gives an idle zone back and the newcomer takes it.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                cluster.owner(zoneEast, Duration.ofSeconds(5)) != cluster.owner(zoneWest, Duration.ofSeconds(5)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pollerHolders().size() == 1);
        int before = POLLS.get();
        long from = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
        double perSecond = (POLLS.get() - before) / ((System.nanoTime() - from) / 1e9);
        System.out.println("portal polls per second with two members: " + perSecond);
        assertThat(perSecond).as("one member polls the feed each second, not two").isBetween(0.3, 1.6);
        assertThat(pollerHolders()).as("one member holds the poller").hasSize(1);
    }

    @Test
    @Order(2)
    void restartingEachMemberInTurnWhileANoticeAirsKeepsBothSpeakersReceiving() throws Exception {
        heardEast.clear();
        heardWest.clear();
        long id = airNow(cluster.admin(0), THRICE, zoneEast, zoneWest);
        await().atMost(Duration.ofSeconds(20)).until(() -> ClusterIT.audio(heardEast).size() > 50
                && ClusterIT.audio(heardWest).size() > 50);
        for (int member = 0; member < 2; member++) {
            int polls = POLLS.get();
            cluster.stop(member);
            int survivor = 1 - member;
            assertThat(cluster.owner(zoneEast, Duration.ofSeconds(5))).isEqualTo(survivor);
            assertThat(cluster.owner(zoneWest, Duration.ofSeconds(5))).isEqualTo(survivor);
            await().atMost(Duration.ofSeconds(10)).until(() -> POLLS.get() > polls + 1);
            cluster.restart(member);
        }
        cluster.admin(0).post("/api/v1/announcements/" + id + "/cancel", new JsonObject());

        for (List<Arrival> heard : List.of(heardEast, heardWest)) {
            List<Arrival> audio = ClusterIT.audio(heard);
            long gap = 0;
            for (int i = 1; i < audio.size(); i++) {
                gap = Math.max(gap, audio.get(i).at() - audio.get(i - 1).at());
            }
            System.out.println("rolling restart: longest silence " + gap / 1_000_000 + " ms");
            assertThat(gap / 1_000_000).as("the longest silence at a speaker").isLessThan(3_000);
            List<Long> senders = new ArrayList<>(ClusterIT.ssrcs(audio));
            for (int i = 1; i < senders.size(); i++) {
                ClusterIT.assertNeverTwoAtOnce(audio, senders.get(i - 1), senders.get(i), 0);
            }
        }
    }

    @Test
    @Order(3)
    void aRelayWhoseMemberIsKilledResumesOnTheOtherAndEndsWithItsWindow() throws Exception {
        try (Icecast icecast = Icecast.start()) {
            String url = icecast.feed("vov1.mp3", 1000);
            icecast.awaitMount("vov1.mp3");
            // Settled after the restarts: one zone on each member, so the relay's zone does not move but by the kill.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                    cluster.owner(zoneEast, Duration.ofSeconds(5)) != cluster.owner(zoneWest, Duration.ofSeconds(5)));
            heardEast.clear();
            JsonObject schedule = new JsonObject().put("at", ScheduleRestartIT.vn(Instant.now().plusSeconds(4)))
                    .put("duration", 10);
            Api admin = cluster.admin(0);
            long id = Province.created(admin.post("/api/v1/announcements", new JsonObject().put("title", "VOV1")
                    .put("relayUrl", url).put("priority", "BACKGROUND").put("zones", new JsonArray().add(zoneEast))
                    .put("schedule", schedule))).json().getLong("id");
            admin.post("/api/v1/announcements/" + id + "/approve", null);
            admin.post("/api/v1/announcements/" + id + "/broadcast", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> ClusterIT.audio(heardEast).size() > 100);
            long oldSsrc = ClusterIT.audio(heardEast).get(0).packet().ssrc();
            int owner = cluster.owner(zoneEast, Duration.ofSeconds(5));
            admin = cluster.admin(1 - owner);
            long killedAt = System.nanoTime();
            cluster.kill(owner);
            Arrival first = await().atMost(Duration.ofSeconds(8)).until(() -> ClusterIT.audio(heardEast).stream()
                    .filter(a -> a.packet().ssrc() != oldSsrc).findFirst().orElse(null), a -> a != null);
            System.out.println("relay back on air " + (first.at() - killedAt) / 1_000_000 + " ms after the kill");
            assertThat((first.at() - killedAt) / 1_000_000).as("the relay on the other member").isLessThan(5_000);
            OnAirIT.waitForState(admin, id, "DONE");
            List<Arrival> audio = ClusterIT.audio(heardEast);
            long span = (audio.get(audio.size() - 1).at() - audio.get(0).at()) / 1_000_000;
            System.out.println("relay of a 10 s window aired over " + span + " ms");
            assertThat(span).as("the relay ends with the window it started with, not a new one").isLessThan(12_500);
            ClusterIT.assertNeverTwoAtOnce(audio, oldSsrc, first.packet().ssrc(), 0);
        }
    }

    /** The members holding a portal-news poller, as {@code GET /api/v1/cluster} shows them. */
    private static List<String> pollerHolders() {
        JsonObject view = cluster.admin(cluster.other(-1)).get("/api/v1/cluster").json();
        return view.getJsonArray("members").stream().map(JsonObject.class::cast)
                .filter(m -> m.getJsonArray("tasks").stream().anyMatch(t -> ((String) t).startsWith("poll:portal-news@")))
                .map(m -> m.getString("id")).toList();
    }

    private static long airNow(Api api, String text, String... zones) {
        long id = Province.created(api.post("/api/v1/announcements", new JsonObject().put("title", "Tiêm phòng")
                .put("text", text).put("chime", false).put("zones", new JsonArray(List.of((Object[]) zones)))))
                .json().getLong("id");
        api.post("/api/v1/announcements/" + id + "/approve", null);
        api.post("/api/v1/announcements/" + id + "/broadcast", null);
        return id;
    }
}
