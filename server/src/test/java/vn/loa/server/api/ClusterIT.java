package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.loa.node.AgentOptions;
import vn.loa.node.AgentTuning;
import vn.loa.node.NodeAgent;
import vn.loa.node.control.ChannelState;
import vn.loa.node.control.ServerAddress;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.LoaCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.RtpCapture.Arrival;
import vn.loa.server.testing.RunsAlone;
import vn.loa.server.testing.Sipp;
import vn.loa.wire.codec.ALaw;
import vn.loa.wire.codec.MuLaw;

/**
 * Three Loa servers on one PostgreSQL act as one (issue 15, ADR 0038): a third-party RTP speaker hears its zone from
 * whichever member owns it, never from two at once; a node agent given the three addresses is connected to the owner
 * and follows the zone to its next owner within 5 s; a killed owner's notice restarts from its top on another member
 * within 5 s; a frozen owner sends nothing once its lease is gone; a scheduled notice due just after its zone's owner
 * died airs once, on time. Any member shows the agent online and streams an announcement's progress made on another;
 * a hotline call answered by a member that does not own the zone is heard there (ADR 0049). The members are shared by
 * the methods, which run in order and kill them one by one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RunsAlone("asserts a takeover within 5 s of a kill, and starts three members with PostgreSQL")
class ClusterIT {

    /** About twelve seconds of speech: long enough to kill or freeze its sender in the middle. */
    static final String LONG_NOTICE = "Thông báo của Ủy ban nhân dân xã về lịch tiêm phòng cho gia súc và "
            + "gia cầm. Bà con các thôn đưa vật nuôi đến nhà văn hóa thôn vào sáng thứ bảy. Mang theo sổ theo dõi. "
            + "Cán bộ thú y sẽ có mặt từ bảy giờ sáng đến mười một giờ trưa. Xin cảm ơn bà con.";
    private static final int PCMU = 0;

    private static LoaCluster cluster;
    private static RtpCapture speaker;
    private static List<Arrival> heard;
    private static String zone;
    private static int wholeNotice;
    private static NodeAgent agent;
    private static String node;

    @BeforeAll
    static void threeMembers() throws Exception {
        cluster = LoaCluster.start(3, 3, true);
        speaker = new RtpCapture();
        heard = speaker.arrivalsInBackground();
        zone = ScheduleRestartIT.village(admin(0), "thon-cum", speaker);
        node = Province.unique("dau-thu");
        String token = Province.created(admin(0).post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Đầu thu").put("zone", zone).put("kind", "agent"))).json().getString("token");
        List<ServerAddress> others = List.of(ServerAddress.parse(cluster.baseUrl(1)),
                ServerAddress.parse(cluster.baseUrl(2)));
        agent = NodeAgent.start(new AgentOptions(ServerAddress.parse(cluster.baseUrl(0)), node, token,
                Files.createTempDirectory("loa-cluster-agent-"), 0, 80, others), AgentTuning.DEFAULT)
                .toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (speaker != null) {
            speaker.close();
        }
    }

    @Test
    @Order(1)
    void everyMemberTakesOneSignInAndShowsTheSameClusterWithOneOwnerPerZone() throws Exception {
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
    void killingTheOwnerMidNoticeRestartsItFromTheTopOnAnotherMemberWithinFiveSeconds() throws Exception {
        int owner = owner();
        int sender = other(owner);
        heard.clear();
        long id = airNow(admin(sender));
        awaitAudio(100, Duration.ofSeconds(20));
        long killedAt = System.nanoTime();
        cluster.kill(owner);
        int next = owner();
        assertThat(agentOn(next, Duration.ofSeconds(5))).as("the agent on the new owner").isTrue();
        long agentMillis = (System.nanoTime() - killedAt) / 1_000_000;
        long heardBefore = agent.reception().received();
        OnAirIT.waitForState(admin(sender), id, "DONE");
        System.out.println("agent on the new owner " + agentMillis + " ms after the kill");
        assertThat(agentMillis).as("the agent back on a member, the zone's new owner").isLessThan(5_000);
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
    @Order(5)
    void aFrozenOwnerSendsNothingMoreOnceItsLeaseIsGone() throws Exception {
        int owner = owner();
        int sender = other(owner);
        heard.clear();
        long id = airNow(admin(sender));
        awaitAudio(50, Duration.ofSeconds(20));
        long frozenAt = System.nanoTime();
        cluster.member(owner).freeze();
        long oldSsrc = audio(heard).get(0).packet().ssrc();
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(50))
                .until(() -> audio(heard).stream().anyMatch(a -> a.packet().ssrc() != oldSsrc));
        // Frozen well past its lease (2.5 s), then woken: its pacing thread finds the lease gone and drops everything.
        await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(7))
                .until(() -> System.nanoTime() - frozenAt >= Duration.ofSeconds(6).toNanos());
        long thawedAt = System.nanoTime();
        cluster.member(owner).thaw();
        OnAirIT.waitForState(admin(sender), id, "DONE");
        // What the woken member might still send would come within its first seconds awake.
        await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(4))
                .until(() -> System.nanoTime() - thawedAt >= Duration.ofSeconds(3).toNanos());

        List<Arrival> audio = audio(heard);
        List<Long> senders = new ArrayList<>(ssrcs(audio));
        assertThat(senders).as("the frozen owner's stream, then the new owner's").hasSize(2);
        // One packet may have passed the lease check just as the process was stopped: it leaves when the process wakes.
        assertNeverTwoAtOnce(audio, senders.get(0), senders.get(1), 1);
        assertThat(metric(owner, "loa_cluster_lease_losses_total")).as("the woken member noticed its loss")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(6)
    void aScheduledNoticeDueJustAfterItsOwnerIsKilledAirsOnceOnTime() throws Exception {
        int owner = owner();
        int sender = other(owner);
        heard.clear();
        Instant due = Instant.now().plusSeconds(12);
        long id = ScheduleRestartIT.scheduled(admin(sender), zone, new JsonObject().put("at", ScheduleRestartIT.vn(due)));
        await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> !Instant.now().isBefore(due.minusSeconds(5)));
        cluster.kill(owner);
        awaitAudio(1, Duration.ofSeconds(20));
        long lateMillis = Duration.between(due, Instant.now()).toMillis()
                - (System.nanoTime() - audio(heard).get(0).at()) / 1_000_000;
        JsonObject done = OnAirIT.waitForState(admin(sender), id, "DONE");
        awaitQuiet();
        System.out.println("scheduled notice after its owner's death: first packet " + lateMillis + " ms after due");
        assertThat(lateMillis).as("first packet after its due time").isBetween(-200L, 1_500L);
        assertThat(ssrcs(audio(heard))).as("one sender").hasSize(1);
        assertThat(done.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("to").equals("ON_AIR")).count()).as("aired once").isEqualTo(1);
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

    private static long airNow(Api api) {
        return airNow(api, zone);
    }

    /** A long notice put on air now in {@code zone} through {@code api}. */
    static long airNow(Api api, String zone) {
        long id = Province.created(api.post("/api/v1/announcements", new JsonObject().put("title", "Tiêm phòng")
                .put("text", LONG_NOTICE).put("chime", false).put("zones", new JsonArray().add(zone)))).json()
                .getLong("id");
        api.post("/api/v1/announcements/" + id + "/approve", null);
        api.post("/api/v1/announcements/" + id + "/broadcast", null);
        return id;
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
