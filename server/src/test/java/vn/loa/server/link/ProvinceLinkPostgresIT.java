package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.link.ProvinceLinkIT.announcementAt;
import static vn.loa.server.link.ProvinceLinkIT.awaitJson;
import static vn.loa.server.link.ProvinceLinkIT.created;
import static vn.loa.server.link.ProvinceLinkIT.delivery;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * The province link with both sides on PostgreSQL (issue 14 asks H2 and PostgreSQL; {@link ProvinceLinkIT} runs the
 * province on H2): a province and a commune on two databases of the test JVM's cluster, both levels down, deliveries
 * up, and the commune killed with SIGKILL while bulletins are in flight. Kept to one test and one start of each side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceLinkPostgresIT {

    private static final Map<String, String> FAST = Map.of("LOA_LINK_POLL_WAIT", "5", "LOA_LINK_RETRY_MAX", "1");

    private ServerProcess province;
    private ServerProcess commune;
    private Path communeData;
    private int communePort;
    private String communeDb;
    private RtpCapture speaker;
    private List<Long> spurts;
    private Api provinceAdmin;
    private Api communeAdmin;

    @BeforeAll
    void linkACommuneToItsProvinceBothOnPostgres() throws Exception {
        String provinceDb = PostgresCluster.shared().newDatabase();
        communeDb = PostgresCluster.shared().newDatabase();
        communeData = TempDirs.create("loa-link-pg-commune-");
        communePort = ServerProcess.freePort();
        province = ServerProcess.start(TempDirs.create("loa-link-pg-province-"), provinceDb, ServerProcess.freePort(),
                settings("tinh"));
        commune = startCommune();
        speaker = new RtpCapture();
        spurts = speaker.talkSpurtsInBackground();
        provinceAdmin = Api.signIn(province.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        communeAdmin = Api.signIn(commune.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        String key = ProvinceLinkIT.communeOfProvince(provinceAdmin, communeAdmin, speaker).getString("key");
        Api.Reply linked = communeAdmin.put("/api/v1/upstream", new JsonObject().put("url", province.baseUrl())
                .put("id", "xa-a").put("key", key));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {commune, province, speaker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void bothLevelsGoDownDeliveriesComeUpAndACommuneKilledMidFlightLosesNothingAndAirsNothingTwice() throws Exception {
        long first = emergency("Khẩn cấp: lũ quét");
        JsonObject aired = awaitJson(() -> announcementAt(communeAdmin, "Khẩn cấp: lũ quét"),
                a -> a.getString("state").equals("DONE"), Duration.ofSeconds(40));
        assertThat(aired.getString("priority")).isEqualTo("EMERGENCY");
        assertThat(spurts).as("RTP at the commune's speaker").isNotEmpty();
        JsonObject top = awaitJson(() -> provinceAdmin.get("/api/v1/announcements/" + first).json(),
                a -> delivery(a, "xa-a/loa-thon-1").isPresent(), Duration.ofSeconds(30));
        assertThat(delivery(top, "xa-a/loa-thon-1").orElseThrow().getString("state"))
                .isEqualTo(delivery(aired, "loa-thon-1").orElseThrow().getString("state"));

        List<String> normal = List.of("Tiêm chủng đợt 1", "Tiêm chủng đợt 2", "Tiêm chủng đợt 3");
        normal.forEach(this::approved);
        emergency("Khẩn cấp: mất điện");
        commune.kill();
        commune = startCommune();
        communeAdmin = Api.signIn(commune.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);

        for (String title : normal) {
            awaitJson(() -> announcementAt(communeAdmin, title), a -> a.getString("state").equals("APPROVED"),
                    Duration.ofSeconds(30));
        }
        JsonObject second = awaitJson(() -> announcementAt(communeAdmin, "Khẩn cấp: mất điện"),
                a -> a.getString("state").equals("DONE"), Duration.ofSeconds(40));
        assertThat(second.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("to").equals("ON_AIR")).count()).as("aired once").isEqualTo(1);
        JsonArray all = communeAdmin.get("/api/v1/announcements?limit=200").array();
        for (String title : List.of("Tiêm chủng đợt 1", "Tiêm chủng đợt 2", "Tiêm chủng đợt 3", "Khẩn cấp: mất điện")) {
            assertThat(all.stream().map(JsonObject.class::cast).filter(a -> a.getString("title").equals(title)))
                    .as("one copy of " + title).hasSize(1);
        }
    }

    private long emergency(String title) {
        long id = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", title)
                .put("text", "Bà con chú ý, nghe hướng dẫn của xã.").put("priority", "EMERGENCY")
                .put("zones", new JsonArray().add("xa-a")))).json().getLong("id");
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/broadcast", null).status()).isLessThan(300);
        return id;
    }

    private void approved(String title) {
        long id = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", title)
                .put("text", "Mời bà con đưa trẻ đi tiêm.").put("zones", new JsonArray().add("xa-a")))).json()
                .getLong("id");
        provinceAdmin.post("/api/v1/announcements/" + id + "/submit", null);
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/approve", null).status()).isLessThan(300);
    }

    private ServerProcess startCommune() throws Exception {
        return ServerProcess.start(communeData, communeDb, communePort, settings("xa-a"));
    }

    private static Map<String, String> settings(String id) {
        var all = new java.util.HashMap<>(FAST);
        all.put("LOA_LINK_ID", id);
        return all;
    }
}
