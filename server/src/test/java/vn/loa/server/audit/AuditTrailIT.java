package vn.loa.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.testing.SyslogReceiver;
import vn.loa.server.testing.TestServer;

/**
 * The audit log beyond the database (issue 22, ADR 0027), on a real server whose clock the test moves: every row
 * reaches a syslog receiver over TLS, also those written while it was away; each unit's chain gets a signed digest
 * that an outsider checks with the published key and that catches a chain rewritten with fresh hashes; rows past
 * their retention are removed once forwarded, and what remains still verifies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT {

    private static final MovableClock CLOCK = new MovableClock(Instant.now());
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static SyslogReceiver receiver;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        receiver = SyslogReceiver.start();
        server = TestServer.onH2(Map.of(
                "audit.syslog", "tls://127.0.0.1:" + receiver.port(),
                "audit.syslog.ca", receiver.certificate().toString(),
                "audit.forward.interval", "1",
                "audit.retention.days", "30"), CLOCK);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        receiver.close();
    }

    private static Api admin() {
        return Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
    }

    private static Jdbi db() {
        return server.loa().jdbi();
    }

    private static void createZone(Api admin, String id, String name) {
        var reply = admin.post("/api/v1/zones", new JsonObject().put("id", id).put("name", name));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    /** The structured-data parameters of each message received, by audit row id. */
    private static Map<Long, Map<String, String>> received() {
        Map<Long, Map<String, String>> byId = new HashMap<>();
        for (String message : receiver.messages()) {
            Map<String, String> params = new HashMap<>();
            int bom = message.indexOf('\uFEFF');
            Matcher m = PARAM.matcher(bom < 0 ? message : message.substring(0, bom));
            while (m.find()) {
                params.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
            }
            params.put("msg", bom < 0 ? "" : message.substring(bom + 1));
            byId.put(Long.parseLong(params.get("id")), params);
        }
        return byId;
    }

    private static List<Map<String, Object>> rows() {
        return db().withHandle(h -> h.createQuery("SELECT id, action, unit_path, detail, row_hash FROM audit ORDER BY id")
                .mapToMap().list());
    }

    private static JsonObject verify(Api admin) {
        var reply = admin.get("/api/v1/audit/verify");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    @Order(1)
    void everyRowReachesSyslogAlsoThoseWrittenWhileTheReceiverWasAway() throws Exception {
        Api admin = admin();
        createZone(admin, "xa-ta-xua", "Xã Tà Xùa");
        await().atMost(WAIT).untilAsserted(() -> assertThat(received().keySet()).containsAll(
                rows().stream().map(r -> ((Number) r.get("id")).longValue()).toList()));

        receiver.stop();
        createZone(admin, "xa-muong-lat", "Xã Mường Lát");
        createZone(admin, "xa-quang-chieu", "Xã Quang Chiểu");
        long newest = rows().stream().mapToLong(r -> ((Number) r.get("id")).longValue()).max().orElseThrow();
        assertThat(received()).as("the receiver is away").doesNotContainKey(newest);
        receiver.restart();

        await().atMost(WAIT).until(() -> received().containsKey(newest));
        Map<Long, Map<String, String>> got = received();
        for (Map<String, Object> row : rows()) {
            long id = ((Number) row.get("id")).longValue();
            assertThat(got).as("row %d forwarded", id).containsKey(id);
            assertThat(got.get(id).get("hash")).as("row %d's hash", id).isEqualTo(row.get("row_hash"));
            assertThat(got.get(id).get("unit")).isEqualTo(row.get("unit_path"));
            assertThat(got.get(id).get("msg")).isEqualTo(row.get("detail") == null ? "" : row.get("detail"));
        }
        assertThat(got.values().stream().map(p -> p.get("msg")).toList())
                .as("Vietnamese text arrives whole").anyMatch(m -> m.contains("Xã Quang Chiểu"));
    }

    @Test
    @Order(2)
    void aDayLaterEachChainIsSealedWithADigestAnOutsiderCanCheck() throws Exception {
        createZone(admin(), "xa-pa-co", "Xã Pà Cò");
        CLOCK.advance(Duration.ofHours(25));
        Api admin = admin();

        await().atMost(WAIT).until(() -> rows().stream().anyMatch(r -> AuditDigests.ACTION.equals(r.get("action"))
                && ((String) r.get("detail")).contains("\"at\":\"" + CLOCK.instant().toString().substring(0, 13))));
        Map<String, Object> digest = rows().stream().filter(r -> AuditDigests.ACTION.equals(r.get("action")))
                .reduce((a, b) -> b).orElseThrow();
        JsonObject d = new JsonObject((String) digest.get("detail"));
        var keyReply = admin.get("/api/v1/audit/key");
        assertThat(keyReply.status()).as(keyReply.toString()).isEqualTo(200);
        JsonObject key = keyReply.json();
        assertThat(key.getString("keyId")).isEqualTo(d.getString("key"));

        // Checked as an outsider would: the published PEM key and the documented text, with the JDK alone.
        String pem = key.getString("publicKey").replaceAll("-----[A-Z ]+-----|\\s", "");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(publicKey);
        s.update(("loa-audit-digest/1\n" + digest.get("unit_path") + "\n" + d.getLong("head") + "\n"
                + d.getString("hash") + "\n" + d.getString("at")).getBytes(StandardCharsets.UTF_8));
        assertThat(s.verify(Base64.getDecoder().decode(d.getString("signature")))).isTrue();
        String headHash = db().withHandle(h -> h.createQuery("SELECT row_hash FROM audit WHERE id = :id")
                .bind("id", d.getLong("head")).mapTo(String.class).one());
        assertThat(headHash).isEqualTo(d.getString("hash"));

        long digestId = ((Number) digest.get("id")).longValue();
        await().atMost(WAIT).until(() -> received().containsKey(digestId));
        JsonObject result = verify(admin);
        assertThat(result.getBoolean("intact")).as(result.encode()).isTrue();
        assertThat(result.getLong("digests")).isPositive();
    }

    @Test
    @Order(3)
    void rowsPastTheirRetentionAreRemovedOnceForwardedAndTheRestStillVerifies() {
        long oldest = rows().stream().mapToLong(r -> ((Number) r.get("id")).longValue()).min().orElseThrow();
        // Rows not yet forwarded are never removed: on a busy machine the forwarder may still be a row behind.
        await().atMost(WAIT).untilAsserted(() -> assertThat(received().keySet()).containsAll(
                rows().stream().map(r -> ((Number) r.get("id")).longValue()).toList()));
        CLOCK.advance(Duration.ofDays(31));
        Api admin = admin();
        createZone(admin, "xa-sin-suoi-ho", "Xã Sìn Suối Hồ");

        await().atMost(WAIT).until(() -> rows().stream().noneMatch(r -> ((Number) r.get("id")).longValue() == oldest)
                && rows().stream().anyMatch(r -> "audit.remove".equals(r.get("action"))));
        long checkpoints = db().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_checkpoint")
                .mapTo(Long.class).one());
        assertThat(checkpoints).isPositive();
        Instant cutoff = CLOCK.instant().minus(Duration.ofDays(30));
        long stale = db().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit WHERE at < :c AND action <> 'audit.remove'")
                .bind("c", java.sql.Timestamp.from(cutoff)).mapTo(Long.class).one());
        assertThat(stale).as("rows older than 30 days").isZero();

        createZone(admin, "xa-nam-xe", "Xã Nậm Xe");
        JsonObject result = verify(admin);
        assertThat(result.getBoolean("intact")).as(result.encode()).isTrue();
    }

    @Test
    @Order(4)
    void aChainRewrittenWithFreshHashesIsCaughtByItsSignedDigest() {
        createZone(admin(), "xa-y-ty", "Xã Y Tý");
        CLOCK.advance(Duration.ofHours(25));
        Api admin = admin();
        await().atMost(WAIT).until(() -> verify(admin).getLong("digests") > 0
                && rows().stream().filter(r -> AuditDigests.ACTION.equals(r.get("action")))
                        .anyMatch(r -> ((String) r.get("detail")).contains(CLOCK.instant().toString().substring(0, 13))));
        assertThat(verify(admin).getBoolean("intact")).isTrue();

        // An intruder with database access changes who created a zone, then recomputes every later hash of the unit.
        Map<String, Object> victim = rows().stream().filter(r -> "zone.create".equals(r.get("action"))).reduce((a, b) -> b)
                .orElseThrow();
        String unit = (String) victim.get("unit_path");
        db().useTransaction(h -> {
            h.createUpdate("UPDATE audit SET actor = 'someone-else' WHERE id = :id").bind("id", victim.get("id")).execute();
            List<AuditChain.Row> chain = h.createQuery("SELECT " + AuditChain.Row.COLUMNS
                            + " FROM audit WHERE unit_path = :p AND id >= :id ORDER BY id")
                    .bind("p", unit).bind("id", victim.get("id")).map(AuditChain.Row.MAPPER).list();
            String prev = chain.get(0).prevHash();
            for (AuditChain.Row r : chain) {
                String hash = AuditChain.hash(prev, r.at(), r.actor(), r.address(), r.action(), r.target(),
                        r.unitPath(), r.detail());
                h.createUpdate("UPDATE audit SET prev_hash = :p, row_hash = :h WHERE id = :id")
                        .bind("p", prev).bind("h", hash).bind("id", r.id()).execute();
                prev = hash;
            }
        });

        JsonObject result = verify(admin);
        assertThat(result.getBoolean("intact")).as(result.encode()).isFalse();
        assertThat(result.getJsonObject("firstBroken").getString("reason")).contains("niêm phong");
        assertThat(result.getJsonObject("firstBroken").getString("unit")).isEqualTo(unit);
    }
}
