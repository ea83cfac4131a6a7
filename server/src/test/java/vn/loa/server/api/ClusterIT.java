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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import vn.loa.node.NodeAgent;
import vn.loa.node.control.ChannelState;
import vn.loa.node.control.ServerAddress;
import vn.loa.server.testing.AgentFleet;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Icecast;
import vn.loa.server.testing.LoaCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.RtpCapture.Arrival;
import vn.loa.server.testing.RunsAlone;
import vn.loa.server.testing.Sipp;
import vn.loa.wire.codec.ALaw;
import vn.loa.wire.codec.MuLaw;

/**
 * Three Loa servers on one PostgreSQL act as one (issue 15, ADRs 0038 and 0049), started once for every method, which
 * run in order: a member that joins gets its share of the zones and one member polls a plugin's source; any member
 * takes one sign-in, shows the agent online and streams an announcement's progress made on another; a third-party RTP
 * speaker hears its zone from whichever member owns it, never from two at once; a hotline call answered by a member
 * that does not own the zone is heard there; members restarted in turn while a notice airs leave no speaker silent
 * longer than a takeover; a killed owner's notice restarts from its top on another member within 5 s and the node
 * agent follows it; a frozen relay's member sends nothing once its lease is gone and the relay resumes on another,
 * ending with its window; a scheduled notice due just after its zone's owner died airs once, on time, and a board's
 * web player loaded from that member moves to another within 5 s and fetches its frames there. Twenty real node agents
 * (in this JVM: {@link AgentFleet}) and two third-party RTP speakers listen to the first zone throughout: after each
 * kill every agent is back on a member within 5 s and every node's delivery record is complete. A daily item, with
 * 12 s standing for a day, fires once a day over a week that spans the restarts, the kill and the freeze.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RunsAlone("asserts takeovers within 5 s of a kill and gaps on air of seconds, and runs three members with PostgreSQL")
class ClusterIT {

    /** About twelve seconds of speech: long enough to kill or freeze its sender in the middle. */
    static final String LONG_NOTICE = "Thông báo của Ủy ban nhân dân xã về lịch tiêm phòng cho gia súc và "
            + "gia cầm. Bà con các thôn đưa vật nuôi đến nhà văn hóa thôn vào sáng thứ bảy. Mang theo sổ theo dõi. "
            + "Cán bộ thú y sẽ có mặt từ bảy giờ sáng đến mười một giờ trưa. Xin cảm ơn bà con.";
    /** The long notice, three times: it airs through two restarts, each of which starts it again from its top. */
    private static final String THRICE = LONG_NOTICE + " " + LONG_NOTICE + " " + LONG_NOTICE;
    private static final int PCMU = 0;
    /** The node agents of the first zone, as issue 15's test asks. */
    private static final int AGENTS = 20;
    /** A "day" of the daily item: longer than a takeover of its trigger (Quartz's 7.5 s grace) plus its airing. */
    private static final int DAY = 12;
    private static final AtomicInteger POLLS = new AtomicInteger();

    private static LoaCluster cluster;
    private static RtpCapture speaker;
    private static RtpCapture westSpeaker;
    private static RtpCapture secondSpeaker;
    private static RtpCapture dailySpeaker;
    private static List<Arrival> heard;
    private static List<Arrival> heardWest;
    private static List<Arrival> heardSecond;
    private static List<Arrival> heardDaily;
    private static String zone;
    private static String zoneWest;
    private static String zoneDaily;
    private static int wholeNotice;
    private static AgentFleet fleet;
    private static final List<String> NODES = new ArrayList<>();
    private static final List<String> TOKENS = new ArrayList<>();
    /** The fleet's first agent, which the first tests follow closely. */
    private static NodeAgent agent;
    private static String node;
    private static long daily;
    /** The member killed mid-notice, started again while the week is checked. */
    private static java.util.concurrent.CompletableFuture<Void> rejoined =
            java.util.concurrent.CompletableFuture.completedFuture(null);
    private static Instant firstDay;
    private static HttpServer portal;

    /**
     * The first member alone, with three zones, a plugin polling a feed each second, and twenty agent nodes and two
     * speakers in the first zone (the agents start, given all three members, once the members have joined).
     */
    @BeforeAll
    static void firstOfThreeMembers() throws Exception {
        // A daily item's rule may repeat every DAY seconds (the default minimum is a minute).
        cluster = LoaCluster.start(3, 1, true, true, Map.of("LOA_SCHEDULE_MIN_INTERVAL", String.valueOf(DAY)));
        speaker = new RtpCapture();
        westSpeaker = new RtpCapture();
        secondSpeaker = new RtpCapture();
        dailySpeaker = new RtpCapture();
        heard = speaker.arrivalsInBackground();
        heardWest = westSpeaker.arrivalsInBackground();
        heardSecond = secondSpeaker.arrivalsInBackground();
        heardDaily = dailySpeaker.arrivalsInBackground();
        Api first = admin(0);
        zone = ScheduleRestartIT.village(first, "thon-cum", speaker);
        zoneWest = ScheduleRestartIT.village(first, "thon-tay", westSpeaker);
        zoneDaily = ScheduleRestartIT.village(first, "thon-bac", dailySpeaker);
        Province.created(first.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-hai"))
                .put("name", "Loa chợ").put("zone", zone).put("kind", "rtp")
                .put("address", "127.0.0.1:" + secondSpeaker.port())));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            NODES.add(Province.unique("dau-thu-" + i));
            tokens.add(Province.created(first.post("/api/v1/nodes", new JsonObject().put("id", NODES.get(i))
                    .put("name", "Đầu thu " + i).put("zone", zone).put("kind", "agent"))).json().getString("token"));
        }
        node = NODES.get(0);
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
        var reply = admin(0).put("/api/v1/plugins/portal-news", new JsonObject().put("enabled", true)
                .put("settings", new JsonObject()
                        .put("feeds", new JsonArray().add("http://127.0.0.1:" + portal.getAddress().getPort() + "/rss"))
                        .put("zones", new JsonArray().add(zone)).put("intervalSeconds", 1)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        TOKENS.addAll(tokens);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {speaker, westSpeaker, secondSpeaker, dailySpeaker}) {
            if (c != null) {
                c.close();
            }
        }
        if (portal != null) {
            portal.stop(0);
        }
    }

    @Test
    @Order(0)
    void aJoiningMemberGetsItsShareOfTheZonesAndOneMemberPollsEachSource() throws Exception {
        assertThat(cluster.owner(zone, Duration.ofSeconds(15))).as("alone, the first member holds all").isZero();
        assertThat(cluster.owner(zoneWest, Duration.ofSeconds(15))).isZero();
        // Two join at once (each start is a JVM's: seconds saved); nothing airs, so the first member gives an idle
        // zone back and a newcomer takes it.
        var third = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                cluster.restart(2);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        cluster.restart(1);
        third.join();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                cluster.owner(zone, Duration.ofSeconds(5)) != cluster.owner(zoneWest, Duration.ofSeconds(5)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pollerHolders().size() == 1);
        int before = POLLS.get();
        long from = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        double perSecond = (POLLS.get() - before) / ((System.nanoTime() - from) / 1e9);
        System.out.println("portal polls per second with three members: " + perSecond);
        assertThat(perSecond).as("one member polls the feed each second, not several").isBetween(0.3, 1.6);
        assertThat(pollerHolders()).as("one member holds the poller").hasSize(1);
    }

    @Test
    @Order(1)
    void everyMemberTakesOneSignInAndShowsTheSameClusterWithOneOwnerPerZone() throws Exception {
        // Started once the members have joined: twenty agents knocking while the first member is alone and two
        // more start would only slow those starts on a loaded machine.
        fleet = AgentFleet.start(NODES, TOKENS, List.of(ServerAddress.parse(cluster.baseUrl(0)),
                ServerAddress.parse(cluster.baseUrl(1)), ServerAddress.parse(cluster.baseUrl(2))));
        agent = fleet.get(0);
        Api signedInOnFirst = admin(0);
        for (int i = 0; i < 3; i++) {
            Api same = new Api(cluster.baseUrl(i), signedInOnFirst.token());
            JsonObject view = same.get("/api/v1/cluster").json();
            assertThat(view.getBoolean("enabled")).isTrue();
            assertThat(view.getJsonArray("members")).as(view.encodePrettily()).hasSize(3)
                    .allMatch(m -> ((JsonObject) m).getBoolean("inCluster"));
            JsonObject health = same.get("/health").json().getJsonObject("cluster");
            assertThat(health.getBoolean("inCluster")).isTrue();
            assertThat(health.getInteger("members")).isEqualTo(3);
        }
        int owner = owner(); // one running lease on the zone, held by a member that is in the cluster
        assertThat(agentOn(owner, Duration.ofSeconds(30))).as("the agent found the zone's owner").isTrue();
        fleet.awaitOnline(cluster.httpPort(owner), Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            int member = i;
            // Told over the event bus: every member's node list shows the agent online, wherever it is connected.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(new Api(cluster.baseUrl(member),
                    signedInOnFirst.token()).get("/api/v1/nodes/" + node).json().getBoolean("online"))
                    .as("the agent online on member %d", member).isTrue());
        }
    }

    @Test
    @Order(2)
    void aNoticeAirsOnceFromTheZonesOwnerOnlyAndAThirdMemberStreamsItsProgress() throws Exception {
        int owner = owner();
        int sender = other(owner);
        int watcher = 3 - owner - sender;
        heard.clear();
        long id = airNow(admin(sender));
        // A browser on a member that neither put it on air nor sends it sees it go on air and the agent play it.
        List<JsonObject> events = announcementEvents(cluster.baseUrl(watcher), admin(watcher).token(), id);
        OnAirIT.waitForState(admin(sender), id, "DONE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                .as("events streamed by member %d", watcher)
                .anyMatch(e -> e.getString("state").equals("ON_AIR"))
                .anyMatch(e -> e.getString("state").equals("DONE") && e.getJsonArray("deliveries").stream()
                        .map(JsonObject.class::cast).anyMatch(d -> d.getString("node").equals(node)
                                && d.getString("state").equals("PLAYED"))));
        List<Arrival> audio = audio(heard);
        assertThat(ssrcs(audio)).as("one sender").hasSize(1);
        wholeNotice = audio.size();
        assertThat(agent.reception().received()).as("the agent heard it too").isGreaterThan(wholeNotice / 2);
        assertThat(wholeNotice).as("packets of the whole notice").isGreaterThan(250);
    }

    @Test
    @Order(3)
    void aHotlineCallAnsweredByAMemberThatDoesNotOwnTheZoneIsHeardInIt() throws Exception {
        int owner = owner();
        int answering = other(owner);
        String number = "+8498" + (1_000_000 + (int) (Math.random() * 8_000_000));
        Province.created(admin(answering).post("/api/v1/hotline/numbers", new JsonObject().put("number", number)
                .put("username", "admin").put("pin", "2468")));
        heard.clear();

        Sipp.Result call = Sipp.call(number).answered().pause(1000).rtpDigits("2468#").pause(800)
                .rtpDigits("1").pause(2500).play(Sipp.CAPTURES.resolve("g711a.pcap")).pause(7600).hangUp()
                .run(cluster.sipPort(answering), 40);

        assertThat(call.exit()).as(call.output()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> audio(heard).size() > 300);
        List<Arrival> audio = audio(heard);
        assertThat(ssrcs(audio)).as("one sender: the owner").hasSize(1);
        short[] received = MuLaw.decode(HotlineIT.payloads(audio.stream().map(Arrival::packet).toList()));
        short[] sent = ALaw.decode(HotlineIT.payloads(vn.loa.server.testing.Pcap.rtp(
                Sipp.CAPTURES.resolve("g711a.pcap"))));
        // Pieces of the caller's speech found at the loudspeaker: the voice came over the event bus to the owner.
        double[] found = new double[5];
        for (int i = 0; i < found.length; i++) {
            int at = (2 + i) * 8000;
            found[i] = HotlineIT.bestCorrelation(java.util.Arrays.copyOfRange(sent, at, at + 2000), received);
        }
        java.util.Arrays.sort(found);
        assertThat(found[2]).as("the caller's voice at the loudspeaker, median of %s",
                java.util.Arrays.toString(found)).isGreaterThan(0.9);
    }

    @Test
    @Order(4)
    void restartingTheZonesOwnersInTurnWhileANoticeAirsKeepsBothSpeakersReceiving() throws Exception {
        startTheWeek();
        heard.clear();
        heardWest.clear();
        long id = airNow(admin(0), THRICE, zone, zoneWest);
        await().atMost(Duration.ofSeconds(20)).until(() -> audio(heard).size() > 50 && audio(heardWest).size() > 50);
        // The owner of each zone in turn, as an operator restarts members one by one; the third only adds time.
        for (String z : List.of(zone, zoneWest)) {
            int member = cluster.owner(z, Duration.ofSeconds(5));
            int polls = POLLS.get();
            cluster.stop(member);
            cluster.owner(zone, Duration.ofSeconds(5));
            cluster.owner(zoneWest, Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> POLLS.get() > polls + 1);
            cluster.restart(member);
        }
        admin(0).post("/api/v1/announcements/" + id + "/cancel", new JsonObject());

        for (List<Arrival> speakerHeard : List.of(heard, heardWest)) {
            List<Arrival> audio = audio(speakerHeard);
            long gap = 0;
            for (int i = 1; i < audio.size(); i++) {
                gap = Math.max(gap, audio.get(i).at() - audio.get(i - 1).at());
            }
            System.out.println("rolling restart: longest silence " + gap / 1_000_000 + " ms");
            assertThat(gap / 1_000_000).as("the longest silence at a speaker").isLessThan(3_000);
            List<Long> senders = new ArrayList<>(ssrcs(audio));
            assertThat(senders).as("a new sender after a restart").hasSizeGreaterThan(1);
            for (int i = 1; i < senders.size(); i++) {
                assertNeverTwoAtOnce(audio, senders.get(i - 1), senders.get(i), 0);
            }
        }
        awaitQuiet();
    }

    @Test
    @Order(5)
    void killingTheOwnerMidNoticeRestartsItFromTheTopOnAnotherMemberWithinFiveSeconds() throws Exception {
        // After the rolling restart a member may still give a zone back (2 s of excess, ADR 0049): wait for that, so
        // the member killed is the one that owns the zone then.
        awaitOneZoneEach();
        int owner = owner();
        int sender = other(owner);
        heard.clear();
        long id = airNow(admin(sender));
        awaitAudio(100, Duration.ofSeconds(20));
        long killedAt = System.nanoTime();
        cluster.kill(owner);
        // Timed without asking the members (a sign-in and a cluster view take seconds on a loaded machine): an agent
        // is let online only by the zone's owner, and which member that is is checked just after.
        long[] back = agentsBack(cluster.httpPort(owner), killedAt);
        int next = owner();
        assertThat(agentOn(next, Duration.ofSeconds(5))).as("the agent on the new owner").isTrue();
        checkTheNoticeRestarted(id, sender, killedAt, back[0]);
        assertDeliveriesComplete(admin(sender), id);
        assertBackWithinFiveSeconds(back);
    }

    /** How long after the kill each agent was online on a member other than the dead one on {@code deadPort}, in ms. */
    private static long[] agentsBack(int deadPort, long killedAt) {
        long[] back = fleet.onlineAwayFrom(deadPort, killedAt, Duration.ofSeconds(15));
        System.out.println(back.length + " agents on a surviving member after the kill: median "
                + java.util.Arrays.stream(back).sorted().toArray()[back.length / 2] + " ms, slowest "
                + java.util.Arrays.stream(back).max().orElseThrow() + " ms");
        return back;
    }

    private static void assertBackWithinFiveSeconds(long[] back) {
        assertThat(java.util.Arrays.stream(back).max().orElseThrow())
                .as("every agent back on a member within 5 s, ms: %s", java.util.Arrays.toString(back))
                .isLessThan(5_000);
    }

    /**
     * Every node of the first zone has its delivery record of {@code id}, once: each agent's says PLAYED (its own
     * report, whichever member it reached), each speaker's that it was sent.
     */
    private static void assertDeliveriesComplete(Api api, long id) {
        JsonArray[] rows = new JsonArray[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            rows[0] = api.get("/api/v1/announcements/" + id).json().getJsonArray("deliveries");
            assertThat(rows[0].stream().map(JsonObject.class::cast).filter(r -> NODES.contains(r.getString("node"))))
                    .as("the agents' records: %s", rows[0].encodePrettily()).hasSize(AGENTS)
                    .allMatch(r -> r.getString("state").equals("PLAYED"));
        });
        List<JsonObject> all = rows[0].stream().map(JsonObject.class::cast).toList();
        assertThat(all).as("one record per node: %s", rows[0].encodePrettily()).hasSize(AGENTS + 2)
                .extracting(r -> r.getString("node")).doesNotHaveDuplicates();
        assertThat(all.stream().filter(r -> !NODES.contains(r.getString("node"))))
                .as("the two speakers' records").extracting(r -> r.getString("state")).containsOnly("SENT");
    }

    private void checkTheNoticeRestarted(long id, int sender, long killedAt, long agentMillis) throws Exception {
        long heardBefore = agent.reception().received();
        OnAirIT.waitForState(admin(sender), id, "DONE");
        System.out.println("agent on the new owner " + agentMillis + " ms after the kill");
        assertThat(agent.reception().received() - heardBefore).as("the agent hears the new owner")
                .isGreaterThan(wholeNotice / 2);
        awaitQuiet();

        List<Arrival> audio = audio(heard);
        List<Long> senders = new ArrayList<>(ssrcs(audio));
        assertThat(senders).as("the dead owner's stream, then the new owner's").hasSize(2);
        Arrival firstOfNew = audio.stream().filter(a -> a.packet().ssrc() == senders.get(1)).findFirst().orElseThrow();
        long failoverMillis = (firstOfNew.at() - killedAt) / 1_000_000;
        System.out.println("cluster failover (kill -9 to the new owner's first packet): " + failoverMillis + " ms");
        assertThat(failoverMillis).as("the new owner's first packet after the kill").isLessThan(5_000);
        assertNeverTwoAtOnce(audio, senders.get(0), senders.get(1), 0);
        List<Arrival> again = audio.stream().filter(a -> a.packet().ssrc() == senders.get(1)).toList();
        assertThat(again.get(0).packet().marker()).as("a new talk spurt").isTrue();
        assertThat(again.size()).as("the notice again from its top, whole").isGreaterThan(wholeNotice * 9 / 10);
        assertThat(metric(cluster.other(-1), "loa_cluster_takeovers_total")
                + metric(cluster.other(cluster.other(-1)), "loa_cluster_takeovers_total"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(6)
    void aFrozenRelaysMemberSendsNothingOnceItsLeaseIsGoneAndTheRelayResumesOnAnotherWithinItsWindow()
            throws Exception {
        try (Icecast icecast = Icecast.start()) {
            String url = icecast.feed("vov1.mp3", 1000);
            icecast.awaitMount("vov1.mp3");
            heardWest.clear();
            JsonObject schedule = new JsonObject().put("at", ScheduleRestartIT.vn(Instant.now().plusSeconds(4)))
                    .put("duration", 10);
            Api admin = admin(cluster.other(-1));
            long id = Province.created(admin.post("/api/v1/announcements", new JsonObject().put("title", "VOV1")
                    .put("relayUrl", url).put("priority", "BACKGROUND").put("zones", new JsonArray().add(zoneWest))
                    .put("schedule", schedule))).json().getLong("id");
            admin.post("/api/v1/announcements/" + id + "/approve", null);
            admin.post("/api/v1/announcements/" + id + "/broadcast", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> audio(heardWest).size() > 100);
            long oldSsrc = audio(heardWest).get(0).packet().ssrc();
            int owner = cluster.owner(zoneWest, Duration.ofSeconds(5));
            admin = admin(other(owner));
            long frozenAt = System.nanoTime();
            cluster.member(owner).freeze();
            Arrival first = await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50))
                    .until(() -> audio(heardWest).stream().filter(a -> a.packet().ssrc() != oldSsrc).findFirst()
                            .orElse(null), a -> a != null);
            System.out.println("relay back on air " + (first.at() - frozenAt) / 1_000_000 + " ms after the freeze");
            assertThat((first.at() - frozenAt) / 1_000_000).as("the relay on another member").isLessThan(5_000);
            // Frozen well past its lease (2.5 s), then woken: its pacing thread finds the lease gone and drops all.
            await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(7))
                    .until(() -> System.nanoTime() - frozenAt >= Duration.ofSeconds(6).toNanos());
            long thawedAt = System.nanoTime();
            cluster.member(owner).thaw();
            OnAirIT.waitForState(admin, id, "DONE");
            // What the woken member might still send would come within its first seconds awake.
            await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(4))
                    .until(() -> System.nanoTime() - thawedAt >= Duration.ofSeconds(3).toNanos());

            List<Arrival> audio = audio(heardWest);
            long span = (audio.get(audio.size() - 1).at() - audio.get(0).at()) / 1_000_000;
            System.out.println("relay of a 10 s window aired over " + span + " ms");
            assertThat(span).as("the relay ends with the window it started with, not a new one").isLessThan(12_500);
            assertThat(ssrcs(audio)).as("the frozen member's stream, then the new owner's").hasSize(2);
            // One packet may have passed the lease check just as the process was stopped: it leaves when it wakes.
            assertNeverTwoAtOnce(audio, oldSsrc, first.packet().ssrc(), 1);
            assertThat(metric(owner, "loa_cluster_lease_losses_total")).as("the woken member noticed its loss")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    @Order(7)
    void aDailyItemFiredOnceADayAcrossTheMembersThroughAWeekOfRestartsAKillAndAFreeze() throws Exception {
        // Meanwhile the member killed mid-notice comes back, so that the last test starts with three members.
        int dead = java.util.stream.IntStream.range(0, cluster.size()).filter(i -> cluster.member(i) == null)
                .findFirst().orElseThrow();
        rejoined = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                cluster.restart(dead);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Api admin = admin(cluster.other(dead));
        JsonObject done = await().atMost(Duration.ofSeconds(DAY * 8L)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get("/api/v1/announcements/" + daily).json(),
                        a -> a.getString("state").equals("DONE"));
        List<Instant> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(firstDay.plusSeconds((long) DAY * d));
        }
        JsonArray grid = admin.get("/api/v1/schedule?from=" + java.net.URLEncoder.encode(ScheduleRestartIT.vn(
                firstDay.minusSeconds(60)), StandardCharsets.UTF_8)).json().getJsonArray("items");
        List<JsonObject> entries = grid.stream().map(JsonObject.class::cast)
                .filter(i -> i.getLong("announcementId") == daily).toList();
        System.out.println("the daily item's week: " + entries.stream().map(e -> e.getString("outcome") + " "
                + e.getLong("latenessMs") + " ms late").toList() + "; " + ssrcs(audio(heardDaily)).size() + " streams");
        assertThat(entries).as("each day's airing once, fired: %s", entries)
                .extracting(e -> java.time.OffsetDateTime.parse(e.getString("at")).toInstant(), e -> e.getString("outcome"))
                .containsExactlyElementsOf(days.stream().map(d -> org.assertj.core.groups.Tuple.tuple(d, "FIRED"))
                        .toList());
        assertThat(done.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("to").equals("ON_AIR")).count()).as("on air once a day").isEqualTo(7);
        // Heard each day, in that day, and never outside the week.
        List<Arrival> audio = audio(heardDaily);
        long dueNanos = System.nanoTime() - Duration.between(firstDay, Instant.now()).toNanos();
        for (int d = 0; d < 7; d++) {
            long from = dueNanos + Duration.ofSeconds((long) DAY * d).toNanos() - 200_000_000L;
            long to = from + Duration.ofSeconds(DAY).toNanos();
            assertThat(audio).as("day %d heard", d + 1).anyMatch(a -> a.at() >= from && a.at() < to);
        }
        assertThat(audio).as("nothing before the week").allMatch(a -> a.at() >= dueNanos - 200_000_000L);
        // A trigger fired twice by Quartz would be caught by the firing records; the logs say whether it ever was.
        long twice = cluster.logs().lines().filter(l -> l.contains("already fired; not airing it again")).count();
        System.out.println("airings of the daily item Quartz fired a second time (refused by its record): " + twice);
    }

    /**
     * Plans a daily item on the third zone, {@link #DAY} seconds standing for a day: seven days from the next day's
     * start, so the week spans the restarts, the kill and the freeze of the next tests.
     */
    private static void startTheWeek() {
        heardDaily.clear(); // a hotline call airs in every zone
        Instant at = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long second = at.getEpochSecond();
        // The rule's days start on the station's whole DAY seconds (the UTC+7 offset is a whole number of them).
        firstDay = Instant.ofEpochSecond(second + (DAY - second % DAY) % DAY);
        daily = ScheduleRestartIT.scheduled(admin(cluster.other(-1)), zoneDaily, new JsonObject()
                .put("at", ScheduleRestartIT.vn(at)).put("cron", "0/" + DAY + " * * * * ?")
                .put("until", ScheduleRestartIT.vn(firstDay.plusSeconds(DAY * 6L + DAY / 2))));
    }

    @Test
    @Order(8)
    void aScheduledNoticeDueJustAfterItsOwnerIsKilledAirsOnceOnTimeToEveryNodeAndABoardFollows() throws Exception {
        rejoined.join();
        awaitOneZoneEach();
        int owner = owner();
        int sender = other(owner);
        // Agents whose connections never lasted 30 s through the restarts and kills wait out a longer backoff.
        fleet.awaitOnline(cluster.httpPort(owner), Duration.ofSeconds(45));
        String boardId = Province.unique("bang-tin");
        String key = Province.created(admin(sender).post("/api/v1/boards", new JsonObject().put("id", boardId)
                .put("name", "Bảng tin chợ").put("zone", zone).put("kind", "LCD").put("width", 640)
                .put("height", 360))).json().getString("playerKey");
        try (Playwright playwright = Playwright.create(); Browser chromium = playwright.chromium().launch(
                new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")))) {
            // The board's player, loaded from the member about to die, learns the other member's address.
            Page board = chromium.newPage();
            board.navigate(cluster.baseUrl(owner) + "/player/" + boardId + "?key=" + key);
            board.waitForFunction("() => document.body.dataset.online === 'true' && (localStorage.getItem("
                    + "'loa.player.servers') || '').includes('" + cluster.baseUrl(sender) + "')");

            heard.clear();
            heardSecond.clear();
            Instant due = Instant.now().plusSeconds(12);
            long dueNanos = System.nanoTime() + Duration.between(Instant.now(), due).toNanos();
            long id = ScheduleRestartIT.scheduled(admin(sender), zone, new JsonObject().put("at",
                    ScheduleRestartIT.vn(due)));
            AgentFleet.FirstAudio firstAudio = fleet.watchFirstAudio();
            await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !Instant.now().isBefore(due.minusSeconds(5)));
            double killedAtPage = ((Number) board.evaluate("() => Date.now()")).doubleValue();
            long killedAt = System.nanoTime();
            cluster.kill(owner);
            long[] back = agentsBack(cluster.httpPort(owner), killedAt);
            long[] agentsFirst = firstAudio.await(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !audio(heard).isEmpty() && !audio(heardSecond).isEmpty());
            JsonObject done = OnAirIT.waitForState(admin(sender), id, "DONE");
            awaitQuiet();
            long[] late = new long[AGENTS + 2];
            for (int i = 0; i < AGENTS; i++) {
                late[i] = (agentsFirst[i] - dueNanos) / 1_000_000;
            }
            late[AGENTS] = (audio(heard).get(0).at() - dueNanos) / 1_000_000;
            late[AGENTS + 1] = (audio(heardSecond).get(0).at() - dueNanos) / 1_000_000;
            System.out.println("scheduled notice after its owner's death: first packet after due, ms, at the "
                    + AGENTS + " agents then the 2 speakers: " + java.util.Arrays.toString(late));
            assertThat(java.util.Arrays.stream(late).boxed().toList()).as("first packet after its due time at every node")
                    .allMatch(ms -> ms >= -200 && ms <= 1_500);
            assertThat(ssrcs(audio(heard))).as("one sender at the first speaker").hasSize(1);
            assertThat(ssrcs(audio(heardSecond))).as("one sender at the second speaker").hasSize(1);
            assertThat(done.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                    .filter(t -> t.getString("to").equals("ON_AIR")).count()).as("aired once").isEqualTo(1);
            assertDeliveriesComplete(admin(sender), id);
            for (int i = 0; i < AGENTS; i++) {
                assertThat(fleet.takes(i, id)).as("agent %d played it once: one recording", i).isEqualTo(1);
            }
            assertBackWithinFiveSeconds(back);

            board.waitForFunction("() => document.body.dataset.online === 'true' && document.body.dataset.server "
                    + "&& document.body.dataset.server !== '" + cluster.baseUrl(owner) + "'", null,
                    new Page.WaitForFunctionOptions().setTimeout(10_000));
            double boardMillis = Double.parseDouble((String) board.evaluate("() => document.body.dataset.connectedAt"))
                    - killedAtPage;
            System.out.println("board player on another member " + boardMillis + " ms after the kill");
            assertThat(boardMillis).as("the board's player connected to another member").isLessThan(5_000);
            // Its frames now come from that member, across origins: allowed for the members only.
            Object status = board.evaluate("() => fetch(document.body.dataset.server + '/player/" + boardId
                    + "/frames/idle-0.png').then(r => r.status)");
            assertThat(((Number) status).intValue()).as("a frame fetched from the new member").isEqualTo(200);
            var foreign = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(cluster.baseUrl(sender) + "/player/" + boardId + "/frames/idle-0.png"))
                    .header("Origin", "http://ngoai.example").build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(foreign.statusCode()).isEqualTo(200);
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS for another site")
                    .isEmpty();
        }
    }

    /** Whether the agent is online on {@code member} within {@code limit}. */
    private static boolean agentOn(int member, Duration limit) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(20)).until(() -> agent.channel().state()
                    == ChannelState.ONLINE && agent.channel().server().port() == cluster.httpPort(member));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** Waits until the three members are in the cluster, each holding one of the three zones. */
    private static void awaitOneZoneEach() {
        Api viewer = admin(cluster.other(-1));
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonObject view = new Api(cluster.baseUrl(cluster.other(-1)), viewer.token()).get("/api/v1/cluster").json();
            // A member killed in the last minute is still listed, out of the cluster.
            assertThat(view.getJsonArray("members").stream().map(JsonObject.class::cast)
                    .filter(m -> m.getBoolean("inCluster"))).as(view.encodePrettily()).hasSize(3)
                    .allMatch(m -> m.getJsonArray("zones").size() == 1);
        });
    }

    /** Waits until no audio packet has come for 300 ms: the last of a stream has arrived. */
    private static void awaitQuiet() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Arrival> audio = audio(heard);
            return audio.isEmpty() || System.nanoTime() - audio.get(audio.size() - 1).at() > 300_000_000L;
        });
    }

    /** The events of {@code id}'s progress as the member at {@code base} streams them, collected as they come. */
    static List<JsonObject> announcementEvents(String base, String token, long id) {
        List<JsonObject> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/api/v1/announcements/" + id + "/events"))
                .header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().filter(l -> l.startsWith("data: "))
                        .forEach(l -> events.add(new JsonObject(l.substring(6)))));
        return events;
    }

    /** The old owner's packets end before the new owner's begin, but for {@code stragglers} at most. */
    static void assertNeverTwoAtOnce(List<Arrival> audio, long first, long second, int stragglers) {
        long firstOfSecond = audio.stream().filter(a -> a.packet().ssrc() == second).mapToLong(Arrival::at).min()
                .orElseThrow();
        List<Arrival> late = audio.stream().filter(a -> a.packet().ssrc() == first && a.at() > firstOfSecond).toList();
        assertThat(late).as("the old owner's packets after the new owner's first").hasSizeLessThanOrEqualTo(stragglers);
    }

    /** The members holding a portal-news poller, as {@code GET /api/v1/cluster} shows them. */
    private static List<String> pollerHolders() {
        JsonObject view = admin(cluster.other(-1)).get("/api/v1/cluster").json();
        return view.getJsonArray("members").stream().map(JsonObject.class::cast)
                .filter(m -> m.getJsonArray("tasks").stream().anyMatch(t -> ((String) t).startsWith("poll:portal-news@")))
                .map(m -> m.getString("id")).toList();
    }

    /** A notice of {@code text} put on air now in {@code zones} through {@code api}. */
    private static long airNow(Api api, String text, String... zones) {
        long id = Province.created(api.post("/api/v1/announcements", new JsonObject().put("title", "Tiêm phòng")
                .put("text", text).put("chime", false).put("zones", new JsonArray(List.of((Object[]) zones)))))
                .json().getLong("id");
        api.post("/api/v1/announcements/" + id + "/approve", null);
        api.post("/api/v1/announcements/" + id + "/broadcast", null);
        return id;
    }

    private static long airNow(Api api) {
        return airNow(api, zone);
    }

    /** A long notice put on air now in {@code zone} through {@code api}. */
    static long airNow(Api api, String zone) {
        return airNow(api, LONG_NOTICE, zone);
    }

    private static void awaitAudio(int packets, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(20)).until(() -> audio(heard).size() >= packets);
    }

    static List<Arrival> audio(List<Arrival> arrivals) {
        return arrivals.stream().filter(a -> a.packet().payloadType() == PCMU).toList();
    }

    /** The SSRCs heard, in the order they were first heard. */
    static LinkedHashSet<Long> ssrcs(List<Arrival> audio) {
        LinkedHashSet<Long> ssrcs = new LinkedHashSet<>();
        audio.forEach(a -> ssrcs.add(a.packet().ssrc()));
        return ssrcs;
    }

    /** The live member holding the zone's lease. */
    private static int owner() {
        return cluster.owner(zone, Duration.ofSeconds(10));
    }

    private static int other(int member) {
        return cluster.other(member);
    }

    private static Api admin(int member) {
        return cluster.admin(member);
    }

    /** The sum of a counter's series on {@code member}'s {@code /metrics}, once above zero (at most 5 s later). */
    static double metric(LoaCluster cluster, int member, String name) {
        try {
            return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                    new Api(cluster.baseUrl(member), null).get("/metrics").body().lines()
                            .filter(l -> l.startsWith(name)).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                            .sum(), v -> v > 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return 0;
        }
    }

    private static double metric(int member, String name) {
        return metric(cluster, member, name);
    }
}
