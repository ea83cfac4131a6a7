package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Icecast;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestCertificate;
import vn.loa.server.testing.TestServer;
import vn.loa.server.testing.Uploads;

/**
 * Two Loa processes on loopback, a province (upstream, on H2) and a commune (downstream, on PostgreSQL) linked as the
 * province's zone {@code xa-a} (issue 14, ADR 0037, 0048): bulletins go down at their level (khẩn cấp at once, ưu tiên
 * ahead of the commune's queue, thông thường approved), recordings once by their hash, cancels and reschedules follow,
 * deliveries and the commune's devices come up, and the link survives a commune killed with SIGKILL and a province
 * away for a while; forged, replayed, stale and rotated-away messages are refused and audited. A third process, a
 * central system serving HTTPS with a test certificate, is started late for the three-level test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceLinkIT {

    private static final Map<String, String> FAST = Map.of("LOA_LINK_POLL_WAIT", "5", "LOA_LINK_RETRY_MAX", "1",
            "LOA_LINK_DEVICES_EVERY", "1");

    private Path provinceData;
    private Path communeData;
    private int provincePort;
    private int communePort;
    private String communeDb;
    private ServerProcess province;
    private ServerProcess commune;
    private RtpCapture speaker;
    private List<Long> spurts;
    private Api provinceAdmin;
    private Api communeAdmin;
    private String node;
    /** The province's upstream in the three-level test: a central system serving HTTPS with a test certificate. */
    private TestCertificate centralCertificate;
    private ServerProcess central;

    @BeforeAll
    void linkACommuneToItsProvince() throws Exception {
        centralCertificate = TestCertificate.make();
        provinceData = TempDirs.create("loa-link-province-");
        communeData = TempDirs.create("loa-link-commune-");
        provincePort = ServerProcess.freePort();
        communePort = ServerProcess.freePort();
        province = startProvince();
        communeDb = PostgresCluster.shared().newDatabase();
        commune = startCommune();
        speaker = new RtpCapture();
        spurts = speaker.talkSpurtsInBackground();
        provinceAdmin = Api.signIn(province.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        communeAdmin = Api.signIn(commune.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);

        JsonObject registered = communeOfProvince(provinceAdmin, communeAdmin, speaker);
        assertThat(registered.getString("key")).hasSizeGreaterThan(20);
        node = "loa-thon-1";

        Api.Reply wrongKey = communeAdmin.put("/api/v1/upstream", new JsonObject().put("url", province.baseUrl())
                .put("id", "xa-a").put("key", "not-the-key"));
        assertThat(wrongKey.status()).as(wrongKey.toString()).isEqualTo(422);
        assertThat(wrongKey.json().getString("error")).isEqualTo("upstream_refused");

        Api.Reply linked = communeAdmin.put("/api/v1/upstream", new JsonObject().put("url", province.baseUrl())
                .put("id", "xa-a").put("key", registered.getString("key")));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().getString("upstream")).isEqualTo("tinh");
        assertThat(linked.json().getJsonObject("zone").getString("id")).isEqualTo("xa-a");
        JsonObject state = awaitJson(() -> provinceAdmin.get("/api/v1/downstreams").array().getJsonObject(0),
                d -> d.getBoolean("linked") && d.getString("lastSeen") != null, Duration.ofSeconds(20));
        assertThat(state.getString("zone")).isEqualTo("xa-a");
    }

    /**
     * Registers the commune at the province as its zone {@code xa-a} and gives the commune a village, thôn 1, with an
     * RTP speaker {@code loa-thon-1} at {@code speaker}; the registration ({@code id}, {@code key}), not linked yet.
     */
    static JsonObject communeOfProvince(Api province, Api commune, RtpCapture speaker) {
        created(province.post("/api/v1/zones", new JsonObject().put("id", "xa-a").put("name", "Xã A")));
        JsonObject registered = created(province.post("/api/v1/downstreams", new JsonObject().put("id", "xa-a")
                .put("name", "Đài xã A").put("zone", "xa-a"))).json();
        created(commune.post("/api/v1/zones", new JsonObject().put("id", "thon-1").put("name", "Thôn 1")));
        created(commune.post("/api/v1/nodes", new JsonObject().put("id", "loa-thon-1").put("name", "Loa thôn 1")
                .put("zone", "thon-1").put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
        return registered;
    }

    @AfterAll
    void stop() throws Exception {
        if (central != null) {
            central.close();
        }
        if (commune != null) {
            commune.close();
        }
        if (province != null) {
            province.close();
        }
        if (speaker != null) {
            speaker.close();
        }
    }

    @Test
    @Order(1)
    void anEmergencyFromTheProvinceAirsOnACommuneSpeakerAndItsDeliveryShowsAtTheProvince() throws Exception {
        int before = spurts.size();
        long id = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", "Lũ khẩn cấp")
                .put("text", "Nước lũ đang lên, bà con di chuyển lên chỗ cao.").put("priority", "EMERGENCY")
                .put("zones", new JsonArray().add("xa-a")))).json().getLong("id");
        long created = System.nanoTime();
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/broadcast", null).status()).isLessThan(300);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> spurts.size() > before);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the assertion below says what both sides saw
        }
        assertThat(spurts.size()).as("RTP at the commune's speaker; link %s; province's view %s",
                communeAdmin.get("/api/v1/upstream").body(), provinceAdmin.get("/api/v1/downstreams").body())
                .isGreaterThan(before);
        System.out.printf("khẩn cấp: first packet at the commune speaker %d ms after the province created it%n",
                (spurts.get(before) - created) / 1_000_000);

        JsonObject local = awaitJson(() -> communeAnnouncement("Lũ khẩn cấp"), a -> a.getString("state").equals("DONE"),
                Duration.ofSeconds(60));
        assertThat(local.getString("priority")).isEqualTo("EMERGENCY");
        Instant provinceCreated = Instant.parse(provinceAdmin.get("/api/v1/announcements/" + id).json()
                .getString("createdAt"));
        System.out.printf("khẩn cấp at the commune, ms after the province created it: created %d, %s%n",
                Duration.between(provinceCreated, Instant.parse(local.getString("createdAt"))).toMillis(),
                local.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                        .map(t -> t.getString("to") + " " + Duration.between(provinceCreated,
                                Instant.parse(t.getString("at"))).toMillis()).toList());
        assertThat(local.getString("createdBy")).as("the origin: system and author").isEqualTo("tinh:admin");
        assertDeliveryCameUp(id, local);
    }

    /** The commune's delivery record of its speaker shows on the province's bulletin, as the commune has it. */
    private void assertDeliveryCameUp(long provinceId, JsonObject communeCopy) throws InterruptedException {
        JsonObject own = delivery(communeCopy, node).orElseThrow();
        JsonObject upstream = awaitJson(() -> provinceAdmin.get("/api/v1/announcements/" + provinceId).json(),
                a -> delivery(a, "xa-a/" + node).isPresent(), Duration.ofSeconds(30));
        JsonObject reported = delivery(upstream, "xa-a/" + node).orElseThrow();
        assertThat(reported.getString("state")).isEqualTo(own.getString("state"));
        assertThat(Instant.parse(reported.getString("updatedAt"))).isEqualTo(Instant.parse(own.getString("updatedAt")));
    }

    @Test
    @Order(2)
    void aNormalBulletinArrivesApprovedAndItsCancelFollowsDown() throws Exception {
        long id = approvedAtProvince("Họp dân thôn", "xa-a");
        JsonObject local = awaitJson(() -> communeAnnouncement("Họp dân thôn"),
                a -> a.getString("state").equals("APPROVED"), Duration.ofSeconds(20));
        assertThat(local.getString("priority")).isEqualTo("SCHEDULED");
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/cancel", null).status()).isLessThan(300);
        awaitJson(() -> communeAnnouncement("Họp dân thôn"), a -> a.getString("state").equals("CANCELLED"),
                Duration.ofSeconds(20));
    }

    @Test
    @Order(3)
    void aBulletinAimedAtAZoneOutsideTheCommuneIsRefusedThereAndTheRefusalShowsAtTheProvince() throws Exception {
        created(provinceAdmin.post("/api/v1/zones", new JsonObject().put("id", "thon-khong-co").put("name", "Thôn lạ")
                .put("parent", "xa-a")));
        long id = approvedAtProvince("Tin lạc địa chỉ", "thon-khong-co");
        JsonObject upstream = awaitJson(() -> provinceAdmin.get("/api/v1/announcements/" + id).json(),
                a -> delivery(a, "xa-a").isPresent(), Duration.ofSeconds(20));
        assertThat(delivery(upstream, "xa-a").orElseThrow().getString("state")).isEqualTo("FAILED");
        JsonArray audit = communeAdmin.get("/api/v1/audit?action=link.refused").array();
        assertThat(audit.encode()).contains("zone_outside_link");
        assertThat(communeAdmin.get("/api/v1/announcements?limit=200").array().stream()
                .map(a -> ((JsonObject) a).getString("title"))).doesNotContain("Tin lạc địa chỉ");
    }

    @Test
    @Order(4)
    void replayedTamperedForeignAndStaleMessagesAreRefusedAndAuditedAndAnHourOfSkewIsOnlyReported() {
        created(provinceAdmin.post("/api/v1/zones", new JsonObject().put("id", "xa-b").put("name", "Xã B")));
        String key = created(provinceAdmin.post("/api/v1/downstreams", new JsonObject().put("id", "xa-b")
                .put("name", "Đài xã B").put("zone", "xa-b"))).json().getString("key");
        KeyPair mine = LinkKeys.generate();
        Api.Reply enrol = provinceAdmin.post("/api/v1/link/enrol", new JsonObject().put("id", "xa-b").put("key", key)
                .put("publicKey", LinkKeys.encode(mine.getPublic())));
        assertThat(enrol.status()).as(enrol.toString()).isEqualTo(200);
        assertThat(enrol.json().getString("upstream")).isEqualTo("tinh");

        // An hour ahead of the province's clock: accepted, and the offset shows in the link's state.
        Instant hourAhead = Instant.now().plus(Duration.ofHours(1));
        SignedMessage first = SignedMessage.sign(report(1, hourAhead, "xa-b"), mine.getPrivate());
        assertThat(send(first).status()).as("an hour of skew").isEqualTo(200);
        assertRefused(send(first), 409, "replayed");

        SignedMessage genuine = SignedMessage.sign(report(2, Instant.now(), "xa-b"), mine.getPrivate());
        SignedMessage other = SignedMessage.sign(report(2, Instant.now().plusMillis(1), "xa-b"), mine.getPrivate());
        assertRefused(send(new SignedMessage(other.payload(), genuine.signature())), 401, "bad_signature");
        assertRefused(send(SignedMessage.sign(report(2, Instant.now(), "xa-b"), LinkKeys.generate().getPrivate())),
                401, "bad_signature");
        assertRefused(send(SignedMessage.sign(report(2, Instant.now().minus(Duration.ofHours(7)), "xa-b"),
                mine.getPrivate())), 400, "stale_message");
        assertRefused(send(SignedMessage.sign(report(2, Instant.now(), "xa-z"), mine.getPrivate())), 401,
                "unknown_sender");
        assertRefused(provinceAdmin.post("/api/v1/link/messages", new JsonObject().put("payload", "%%%")
                .put("signature", "x")), 400, "malformed_message");
        assertRefused(send(SignedMessage.sign(report(5, Instant.now(), "xa-b"), mine.getPrivate())), 409,
                "sequence_gap");
        assertThat(send(genuine).status()).as("the next one still goes through").isEqualTo(200);

        JsonObject state = provinceAdmin.get("/api/v1/downstreams").array().stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("id").equals("xa-b")).findFirst().orElseThrow();
        assertThat(state.getLong("clockOffsetMs")).isBetween(-60_000L, 60_000L); // the last message was on time
        JsonArray refused = provinceAdmin.get("/api/v1/audit?action=link.refused&limit=50").array();
        assertThat(refused.encode()).contains("replayed", "bad_signature", "stale_message", "unknown_sender");
    }

    @Test
    @Order(5)
    void aCommuneKilledWhileBulletinsArriveLosesNoneAndAirsNoneTwice() throws Exception {
        List<String> titles = List.of("Lịch tiêm chủng 1", "Lịch tiêm chủng 2", "Lịch tiêm chủng 3",
                "Lịch tiêm chủng 4", "Lịch tiêm chủng 5");
        titles.forEach(t -> approvedAtProvince(t, "xa-a"));
        long emergency = created(provinceAdmin.post("/api/v1/announcements", new JsonObject()
                .put("title", "Khẩn cấp sau sự cố").put("text", "Bà con chú ý: mất điện diện rộng.")
                .put("priority", "EMERGENCY").put("zones", new JsonArray().add("xa-a")))).json().getLong("id");
        provinceAdmin.post("/api/v1/announcements/" + emergency + "/broadcast", null);
        commune.kill();
        commune = startCommune();
        communeAdmin = Api.signIn(commune.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        for (String title : titles) {
            awaitJson(() -> communeAnnouncement(title), a -> a.getString("state").equals("APPROVED"),
                    Duration.ofSeconds(30));
        }
        JsonObject aired = awaitJson(() -> communeAnnouncement("Khẩn cấp sau sự cố"),
                a -> a.getString("state").equals("DONE"), Duration.ofSeconds(60));
        assertThat(aired.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("to").equals("ON_AIR")).count()).as("aired once").isEqualTo(1);
        JsonArray all = communeAdmin.get("/api/v1/announcements?limit=200").array();
        for (String title : titles) {
            assertThat(all.stream().map(JsonObject.class::cast).filter(a -> a.getString("title").equals(title)))
                    .as(title).hasSize(1);
        }
        assertThat(all.stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("title").equals("Khẩn cấp sau sự cố"))).hasSize(1);
    }

    @Test
    @Order(6)
    void reportsWaitWhileTheProvinceIsAwayAndAreAllDeliveredWhenItReturns() throws Exception {
        Instant at = Instant.now().plusSeconds(8);
        long id = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", "Tin ưu tiên")
                .put("text", "Lịch cắt điện ngày mai.").put("zones", new JsonArray().add("xa-a"))
                .put("schedule", new JsonObject().put("at", at.toString())))).json().getLong("id");
        provinceAdmin.post("/api/v1/announcements/" + id + "/submit", null);
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/approve", null).status()).isLessThan(300);
        awaitJson(() -> communeAnnouncement("Tin ưu tiên"), a -> a.getString("state").equals("SCHEDULED"),
                Duration.ofSeconds(20));
        province.kill();
        JsonObject done = awaitJson(() -> communeAnnouncement("Tin ưu tiên"), a -> a.getString("state").equals("DONE"),
                Duration.ofSeconds(60));
        assertThat(Instant.parse(done.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("to").equals("ON_AIR")).findFirst().orElseThrow().getString("at")))
                .as("ưu tiên airs when its window opens").isAfterOrEqualTo(at.minusSeconds(1));
        JsonObject waiting = awaitJson(() -> communeAdmin.get("/api/v1/upstream").json(),
                u -> u.getLong("backlog") > 0 && u.getString("lastError") != null, Duration.ofSeconds(20));
        assertThat(waiting.getString("oldestUnsent")).isNotNull();
        awaitJson(() -> new JsonObject().put("metrics", communeAdmin.get("/metrics").body()),
                m -> m.getString("metrics").lines().anyMatch(l -> l.startsWith("loa_link_backlog_messages ")
                        && !l.endsWith(" 0.0")), Duration.ofSeconds(15));

        province = startProvince();
        provinceAdmin = Api.signIn(province.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        awaitJson(() -> communeAdmin.get("/api/v1/upstream").json(), u -> u.getLong("backlog") == 0,
                Duration.ofSeconds(30));
        assertDeliveryCameUp(id, done);
    }

    @Test
    @Order(7)
    void anAudioBulletinTravelsOnceToTheCommuneByItsHashAndAirsOnItsSpeaker() throws Exception {
        byte[] mp3 = Uploads.tone(provinceData, "mp3", 2, 1000);
        Api.Reply uploaded = provinceAdmin.sendBytes("POST", "/api/v1/audio",
                Uploads.multipart("Bản tin lũ.mp3", "audio/mpeg", mp3), Uploads.contentType());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String audioId = uploaded.json().getString("audioId");
        double sent = metric(provinceAdmin, "loa_link_audio_sent_total");
        double sentBytes = metric(provinceAdmin, "loa_link_audio_sent_bytes_total");
        double fetched = metric(communeAdmin, "loa_link_audio_fetched_total");

        int before = spurts.size();
        JsonObject first = airedAtCommune(emergencyRecording("Bản ghi khẩn 1", audioId));
        assertThat(spurts.size()).as("the recording reached the commune's speaker").isGreaterThan(before);
        String localAudio = first.getString("audioId");
        assertThat(localAudio).startsWith("au-");
        Api.Reply copy = communeAdmin.get("/api/v1/audio/" + localAudio);
        assertThat(copy.bytes()).as("the commune stored the province's bytes").isEqualTo(mp3);
        assertThat(metric(provinceAdmin, "loa_link_audio_sent_total") - sent).isEqualTo(1.0);
        assertThat(metric(provinceAdmin, "loa_link_audio_sent_bytes_total") - sentBytes).isEqualTo(mp3.length);
        assertThat(metric(communeAdmin, "loa_link_audio_fetched_total") - fetched).isEqualTo(1.0);

        JsonObject second = airedAtCommune(emergencyRecording("Bản ghi khẩn 2", audioId));
        assertThat(second.getString("audioId")).as("the same recording, by its hash").isEqualTo(localAudio);
        assertThat(metric(provinceAdmin, "loa_link_audio_sent_bytes_total") - sentBytes)
                .as("no byte sent again").isEqualTo(mp3.length);
        assertThat(metric(communeAdmin, "loa_link_audio_fetched_total") - fetched).isEqualTo(1.0);
    }

    @Test
    @Order(8)
    void aPriorityBulletinAirsAsItsWindowOpensAheadOfTheCommunesOwnQueuedNotice() throws Exception {
        byte[] long10s = Uploads.tone(communeData, "mp3", 10, 500);
        String own = communeAdmin.sendBytes("POST", "/api/v1/audio",
                Uploads.multipart("Chương trình xã.mp3", "audio/mpeg", long10s), Uploads.contentType())
                .json().getString("audioId");
        Instant at = Instant.now().plusSeconds(8);
        long id = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", "Ưu tiên giữa giờ")
                .put("text", "Lịch cắt nước.").put("zones", new JsonArray().add("xa-a"))
                .put("schedule", new JsonObject().put("at", at.toString())))).json().getLong("id");
        provinceAdmin.post("/api/v1/announcements/" + id + "/submit", null);
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/approve", null).status()).isLessThan(300);
        awaitJson(() -> communeAnnouncement("Ưu tiên giữa giờ"), a -> a.getString("state").equals("SCHEDULED"),
                Duration.ofSeconds(20));

        long programme = broadcastAtCommune(new JsonObject().put("title", "Chương trình của xã").put("audioId", own));
        awaitJson(() -> communeAdmin.get("/api/v1/announcements/" + programme).json(),
                a -> a.getString("state").equals("ON_AIR"), Duration.ofSeconds(10));
        long queued = broadcastAtCommune(new JsonObject().put("title", "Tin của xã xếp hàng")
                .put("text", "Thông báo thu thuế."));
        assertThat(at).as("the window opens while the commune's programme plays").isAfter(Instant.now());

        JsonObject priority = awaitJson(() -> communeAnnouncement("Ưu tiên giữa giờ"),
                a -> a.getString("state").equals("DONE"), Duration.ofSeconds(60));
        JsonObject own2 = awaitJson(() -> communeAdmin.get("/api/v1/announcements/" + queued).json(),
                a -> a.getString("state").equals("DONE"), Duration.ofSeconds(60));
        JsonObject programmeDone = communeAdmin.get("/api/v1/announcements/" + programme).json();
        assertThat(transition(priority, "ON_AIR")).as("not before its window").isAfterOrEqualTo(at.minusSeconds(1));
        assertThat(transition(priority, "DONE")).as("after the programme it did not interrupt")
                .isAfter(transition(programmeDone, "DONE"));
        assertThat(transition(priority, "DONE")).as("ahead of the commune's notice queued before it")
                .isBefore(transition(own2, "DONE"));
    }

    @Test
    @Order(9)
    void aRescheduleAndACancelFromTheProvinceFollowAPriorityBulletinDown() throws Exception {
        Instant at = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long id = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", "Tin dời giờ")
                .put("text", "Họp tổ dân phố.").put("zones", new JsonArray().add("xa-a"))
                .put("schedule", new JsonObject().put("at", at.toString())))).json().getLong("id");
        provinceAdmin.post("/api/v1/announcements/" + id + "/submit", null);
        provinceAdmin.post("/api/v1/announcements/" + id + "/approve", null);
        JsonObject local = awaitJson(() -> communeAnnouncement("Tin dời giờ"),
                a -> a.getString("state").equals("SCHEDULED"), Duration.ofSeconds(20));
        assertThat(Instant.parse(local.getJsonObject("schedule").getString("at"))).isEqualTo(at);

        Instant later = at.plus(Duration.ofMinutes(15));
        Api.Reply moved = provinceAdmin.post("/api/v1/announcements/" + id + "/reschedule",
                new JsonObject().put("at", later.toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonObject followed = awaitJson(() -> communeAnnouncement("Tin dời giờ"),
                a -> Instant.parse(a.getJsonObject("schedule").getString("at")).equals(later), Duration.ofSeconds(20));
        assertThat(followed.getString("state")).isEqualTo("SCHEDULED");

        provinceAdmin.post("/api/v1/announcements/" + id + "/cancel", null);
        awaitJson(() -> communeAnnouncement("Tin dời giờ"), a -> a.getString("state").equals("CANCELLED"),
                Duration.ofSeconds(20));
    }

    @Test
    @Order(10)
    void theCommunesZonesNodesAndStatisticsShowReadOnlyAtTheProvinceAndFollowAChange() {
        JsonObject devices = awaitJson(() -> provinceAdmin.get("/api/v1/downstreams/xa-a/devices").json(),
                d -> ids(d, "nodes").contains(node), Duration.ofSeconds(20));
        assertThat(devices.getString("zone")).as("below the commune's zone").isEqualTo("xa-a");
        JsonObject thon = devices.getJsonArray("zones").stream().map(JsonObject.class::cast)
                .filter(z -> z.getString("id").equals("thon-1")).findFirst().orElseThrow();
        assertThat(thon.getString("name")).isEqualTo("Thôn 1");
        JsonObject speaker = devices.getJsonArray("nodes").stream().map(JsonObject.class::cast)
                .filter(n -> n.getString("id").equals(node)).findFirst().orElseThrow();
        assertThat(speaker.getString("zone")).isEqualTo("thon-1");
        assertThat(speaker.getString("kind")).isEqualTo("rtp");
        assertThat(devices.getJsonObject("statistics").getJsonArray("broadcasts").getJsonObject(0).fieldNames())
                .contains("day", "done", "failed", "cancelled");

        created(communeAdmin.post("/api/v1/nodes", new JsonObject().put("id", "loa-thon-1b").put("name", "Loa thôn 1b")
                .put("zone", "thon-1").put("kind", "rtp").put("address", "127.0.0.1:9")));
        awaitJson(() -> provinceAdmin.get("/api/v1/downstreams/xa-a/devices").json(),
                d -> ids(d, "nodes").contains("loa-thon-1b"), Duration.ofSeconds(20));
        assertThat(communeAdmin.delete("/api/v1/nodes/loa-thon-1b").status()).isLessThan(300);
        assertThat(provinceAdmin.get("/api/v1/downstreams/xa-z/devices").status()).isEqualTo(404);
    }

    private static List<String> ids(JsonObject devices, String kind) {
        return devices.getJsonArray(kind).stream().map(JsonObject.class::cast).map(o -> o.getString("id")).toList();
    }

    @Test
    @Order(11)
    void threeLevelsOverTlsAnEmergencyFromTheCentreAirsInTheCommuneAndItsDeliveryReachesTheTop() throws Exception {
        central = ServerProcess.startTls(TempDirs.create("loa-link-central-"), "", ServerProcess.freePort(),
                with(Map.of("LOA_LINK_ID", "trung-uong", "LOA_TLS_CERT",
                        centralCertificate.certificate().toString(), "LOA_TLS_KEY",
                        centralCertificate.key().toString())), centralCertificate.clientContext());
        assertThat(central.baseUrl()).startsWith("https://");
        Api centre = Api.signIn(central.baseUrl(), "admin", TestServer.ADMIN_PASSWORD, central.client());
        created(centre.post("/api/v1/zones", new JsonObject().put("id", "tinh").put("name", "Tỉnh")));
        String key = created(centre.post("/api/v1/downstreams", new JsonObject().put("id", "tinh")
                .put("name", "Hệ thống tỉnh").put("zone", "tinh"))).json().getString("key");
        // The province trusts the centre's self-signed certificate by LOA_LINK_TRUST_CA, and nothing else.
        Api.Reply linked = provinceAdmin.put("/api/v1/upstream", new JsonObject().put("url", central.baseUrl())
                .put("id", "tinh").put("key", key));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(new LinkCheck(central.baseUrl(), centralCertificate.certificate()).run("tinh", key))
                .as("./loa link-check against the centre").isTrue();
        assertThat(new LinkCheck(central.baseUrl(), null).run(null, null)).as("without trusting its CA").isFalse();

        int before = spurts.size();
        long id = created(centre.post("/api/v1/announcements", new JsonObject().put("title", "Bão số 3")
                .put("text", "Bão số 3 đổ bộ đêm nay, bà con chằng chống nhà cửa.").put("priority", "EMERGENCY")
                .put("zones", new JsonArray().add("tinh")))).json().getLong("id");
        assertThat(centre.post("/api/v1/announcements/" + id + "/broadcast", null).status()).isLessThan(300);
        JsonObject aired = awaitJson(() -> announcementAt(communeAdmin, "Bão số 3"),
                a -> a.getString("state").equals("DONE"), Duration.ofSeconds(60));
        assertThat(spurts.size()).as("RTP at the commune's speaker").isGreaterThan(before);
        assertThat(aired.getString("priority")).isEqualTo("EMERGENCY");
        assertThat(aired.getString("createdBy")).as("the origin, system by system").isEqualTo("tinh:trung-uong:admin");
        JsonObject top = awaitJson(() -> centre.get("/api/v1/announcements/" + id).json(),
                a -> delivery(a, "tinh/xa-a/" + node).isPresent(), Duration.ofSeconds(30));
        assertThat(delivery(top, "tinh/xa-a/" + node).orElseThrow().getString("state"))
                .isEqualTo(delivery(aired, node).orElseThrow().getString("state"));

        // The province passes its commune's device list on up, nested under its own: the centre sees every speaker.
        JsonObject seen = awaitJson(() -> centre.get("/api/v1/downstreams/tinh/devices").json(),
                d -> d.getJsonArray("downstreams", new JsonArray()).stream().map(JsonObject.class::cast)
                        .anyMatch(c -> c.getString("id").equals("xa-a") && ids(c, "nodes").contains(node)),
                Duration.ofSeconds(30));
        assertThat(seen.getJsonArray("downstreams").getJsonObject(0).getString("zone")).isEqualTo("xa-a");

        // Thông thường: the province asked for its own approval (LOA_LINK_BULLETIN_APPROVAL=own).
        long normal = created(centre.post("/api/v1/announcements", new JsonObject().put("title", "Tin thường từ trên")
                .put("text", "Tuyên truyền phòng chống dịch.").put("zones", new JsonArray().add("tinh"))))
                .json().getLong("id");
        centre.post("/api/v1/announcements/" + normal + "/submit", null);
        assertThat(centre.post("/api/v1/announcements/" + normal + "/approve", null).status()).isLessThan(300);
        JsonObject atProvince = awaitJson(() -> announcementAt(provinceAdmin, "Tin thường từ trên"),
                a -> a.getString("state").equals("SUBMITTED"), Duration.ofSeconds(20));
        assertThat(communeAdmin.get("/api/v1/announcements?limit=200").body()).doesNotContain("Tin thường từ trên");
        Api.Reply approved = provinceAdmin.post("/api/v1/announcements/" + atProvince.getLong("id") + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isLessThan(300);
        awaitJson(() -> announcementAt(communeAdmin, "Tin thường từ trên"),
                a -> a.getString("state").equals("APPROVED"), Duration.ofSeconds(20));
    }

    @Test
    @Order(12)
    void aRotatedKeyIsRefusedAtOnceWhileTheEnrolledKeyWorksThroughItsGraceAndNotAfter() {
        created(provinceAdmin.post("/api/v1/zones", new JsonObject().put("id", "xa-c").put("name", "Xã C")));
        String first = created(provinceAdmin.post("/api/v1/downstreams", new JsonObject().put("id", "xa-c")
                .put("name", "Đài xã C").put("zone", "xa-c"))).json().getString("key");
        KeyPair old = LinkKeys.generate();
        assertThat(enrol("xa-c", first, old).status()).isEqualTo(200);
        assertThat(send(SignedMessage.sign(report(1, Instant.now(), "xa-c"), old.getPrivate())).status()).isEqualTo(200);

        Api.Reply rotated = provinceAdmin.post("/api/v1/downstreams/xa-c/key", new JsonObject());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().getString("key");
        assertThat(Instant.parse(rotated.json().getString("graceUntil"))).as("link.key.grace, 7 days by default")
                .isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertRefused(enrol("xa-c", first, LinkKeys.generate()), 401, "bad_key");
        assertThat(send(SignedMessage.sign(report(2, Instant.now(), "xa-c"), old.getPrivate())).status())
                .as("the enrolled key works through its grace").isEqualTo(200);

        String third = provinceAdmin.post("/api/v1/downstreams/xa-c/key", new JsonObject().put("graceSeconds", 0))
                .json().getString("key");
        assertRefused(send(SignedMessage.sign(report(3, Instant.now(), "xa-c"), old.getPrivate())), 401, "key_expired");
        assertRefused(enrol("xa-c", second, LinkKeys.generate()), 401, "bad_key");
        KeyPair fresh = LinkKeys.generate();
        assertThat(enrol("xa-c", third, fresh).status()).isEqualTo(200);
        assertRefused(send(SignedMessage.sign(report(3, Instant.now(), "xa-c"), old.getPrivate())), 401,
                "bad_signature");
        assertThat(send(SignedMessage.sign(report(3, Instant.now(), "xa-c"), fresh.getPrivate())).status())
                .as("the stream goes on under the new key").isEqualTo(200);
        assertThat(provinceAdmin.get("/api/v1/audit?action=downstream.rotate").body()).contains("xa-c");
        assertRefused(provinceAdmin.post("/api/v1/downstreams/xa-c/key", new JsonObject().put("graceSeconds", -1)),
                400, "invalid_request");
    }

    @Test
    @Order(13)
    void aRelayFromTheProvinceAirsOnTheCommuneSpeakerForItsWindowAndAHostTheCommuneForbidsIsRefusedThere()
            throws Exception {
        try (Icecast icecast = Icecast.start()) {
            String url = icecast.feed("vov1.mp3", 1000);
            icecast.awaitMount("vov1.mp3");
            int before = spurts.size();
            Instant at = Instant.now().plusSeconds(8);
            // Approved, not broadcast, at the province: only the commune airs it (ưu tiên, as it has a time).
            long id = approvedAtProvince(new JsonObject().put("title", "Tiếp sóng VOV1 từ tỉnh").put("relayUrl", url)
                    .put("schedule", new JsonObject().put("at", at.toString()).put("duration", 6)), "xa-a");
            JsonObject waiting = awaitJson(() -> communeAnnouncement("Tiếp sóng VOV1 từ tỉnh"),
                    a -> a.getString("state").equals("SCHEDULED"), Duration.ofSeconds(20));
            assertThat(waiting.getString("relayUrl")).isEqualTo(url);
            JsonObject aired = awaitJson(() -> communeAnnouncement("Tiếp sóng VOV1 từ tỉnh"),
                    a -> a.getString("state").equals("DONE"), Duration.ofSeconds(60));
            Instant on = transition(aired, "ON_AIR");
            assertThat(on).as("not before its window").isAfter(at.minusSeconds(1));
            assertThat(Duration.between(on, transition(aired, "DONE")).toMillis()).as("aired for its window of 6 s")
                    .isBetween(5_000L, 10_000L);
            assertThat(spurts.size()).as("the stream at the commune's speaker").isGreaterThan(before);
            assertDeliveryCameUp(id, aired);
        }
        // The province may relay from 10.20.30.40 (its relay.allowed.hosts); the commune may not: refused there.
        long forbidden = approvedAtProvince(new JsonObject().put("title", "Tiếp sóng mạng nội bộ")
                .put("relayUrl", "http://10.20.30.40/vov1.mp3").put("schedule", new JsonObject().put("duration", 60)),
                "xa-a");
        JsonObject upstream = awaitJson(() -> provinceAdmin.get("/api/v1/announcements/" + forbidden).json(),
                a -> delivery(a, "xa-a").isPresent(), Duration.ofSeconds(20));
        assertThat(delivery(upstream, "xa-a").orElseThrow().getString("state")).isEqualTo("FAILED");
        assertThat(communeAdmin.get("/api/v1/audit?action=link.refused").body()).contains("relay_url_private");
        assertThat(communeAdmin.get("/api/v1/announcements?limit=200").body()).doesNotContain("Tiếp sóng mạng nội bộ");
    }

    private Api.Reply enrol(String id, String key, KeyPair pair) {
        return provinceAdmin.post("/api/v1/link/enrol", new JsonObject().put("id", id).put("key", key)
                .put("publicKey", LinkKeys.encode(pair.getPublic())));
    }

    private long emergencyRecording(String title, String audioId) {
        long id = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", title)
                .put("audioId", audioId).put("priority", "EMERGENCY").put("zones", new JsonArray().add("xa-a"))))
                .json().getLong("id");
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/broadcast", null).status()).isLessThan(300);
        return id;
    }

    /** The commune's copy of a province bulletin once it aired there (DONE). */
    private JsonObject airedAtCommune(long provinceId) throws InterruptedException {
        String title = provinceAdmin.get("/api/v1/announcements/" + provinceId).json().getString("title");
        return awaitJson(() -> communeAnnouncement(title), a -> a.getString("state").equals("DONE"),
                Duration.ofSeconds(60));
    }

    /** Creates, approves and broadcasts a notice of the commune's own in thôn 1; its id. */
    private long broadcastAtCommune(JsonObject notice) {
        long id = created(communeAdmin.post("/api/v1/announcements", notice.put("zones", new JsonArray().add("thon-1"))))
                .json().getLong("id");
        communeAdmin.post("/api/v1/announcements/" + id + "/submit", null);
        communeAdmin.post("/api/v1/announcements/" + id + "/approve", null);
        Api.Reply aired = communeAdmin.post("/api/v1/announcements/" + id + "/broadcast", null);
        assertThat(aired.status()).as(aired.toString()).isLessThan(300);
        return id;
    }

    private static Instant transition(JsonObject announcement, String to) {
        return Instant.parse(announcement.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("to").equals(to)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(
                        "no " + to + " in " + announcement.encodePrettily())).getString("at"));
    }

    /** A counter or gauge of the server's {@code /metrics}; 0 when it has not appeared yet. */
    private static double metric(Api api, String name) {
        return api.get("/metrics").body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static Envelope report(long seq, Instant at, String sender) {
        return new Envelope(UUID.randomUUID().toString(), Envelope.REPORTS, seq, at, sender, "tinh",
                Envelope.DELIVERIES, null, new JsonObject().put("origin", 999_999).put("deliveries", new JsonArray()));
    }

    private Api.Reply send(SignedMessage message) {
        return provinceAdmin.post("/api/v1/link/messages", message.json());
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getString("error")).as(reply.toString()).isEqualTo(code);
    }

    private ServerProcess startProvince() throws Exception {
        // Below a central system (the three-level test) it trusts the centre's certificate and approves for itself.
        return ServerProcess.start(provinceData, "", provincePort, with(Map.of("LOA_LINK_ID", "tinh",
                "LOA_LINK_TRUST_CA", centralCertificate.certificate().toString(),
                "LOA_LINK_BULLETIN_APPROVAL", "own", "LOA_RELAY_ALLOWED_HOSTS", "127.0.0.1,10.20.30.40")));
    }

    private ServerProcess startCommune() throws Exception {
        return ServerProcess.start(communeData, communeDb, communePort, with(Map.of("LOA_LINK_ID", "xa-a")));
    }

    private static Map<String, String> with(Map<String, String> settings) {
        var all = new java.util.HashMap<>(FAST);
        all.putAll(settings);
        return all;
    }

    private long approvedAtProvince(String title, String zone) {
        return approvedAtProvince(new JsonObject().put("title", title)
                .put("text", "Kính mời bà con dự họp lúc 8 giờ sáng mai."), zone);
    }

    /** Creates, submits and approves an announcement of the province (it goes down when approved); its id. */
    private long approvedAtProvince(JsonObject announcement, String zone) {
        long id = created(provinceAdmin.post("/api/v1/announcements", announcement
                .put("zones", new JsonArray().add(zone)))).json().getLong("id");
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/submit", null).status()).isLessThan(300);
        Api.Reply approved = provinceAdmin.post("/api/v1/announcements/" + id + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isLessThan(300);
        return id;
    }

    /** The commune's announcement of this title (waits for it), in full. */
    private JsonObject communeAnnouncement(String title) throws InterruptedException {
        return announcementAt(communeAdmin, title);
    }

    /** The announcement of this title at the system {@code api} speaks to (waits for it), in full. */
    static JsonObject announcementAt(Api api, String title) throws InterruptedException {
        JsonObject summary = awaitJson(() -> api.get("/api/v1/announcements?limit=200").array().stream()
                        .map(JsonObject.class::cast).filter(a -> a.getString("title").equals(title)).findFirst()
                        .orElse(null),
                a -> true, Duration.ofSeconds(20));
        return api.get("/api/v1/announcements/" + summary.getLong("id")).json();
    }

    static java.util.Optional<JsonObject> delivery(JsonObject announcement, String node) {
        return announcement.getJsonArray("deliveries").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("node").equals(node)).findFirst();
    }

    static Api.Reply created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    /** Something the test reads, perhaps not there yet (null). */
    interface Read {
        JsonObject get() throws InterruptedException;
    }

    static JsonObject awaitJson(Read read, Predicate<JsonObject> done, Duration limit) {
        JsonObject[] last = new JsonObject[1];
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(100)).pollInSameThread().until(() -> {
                last[0] = read.get();
                return last[0] != null && done.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not reached within " + limit + "; last seen: "
                    + (last[0] == null ? null : last[0].encodePrettily()), e);
        }
        return last[0];
    }
}
