package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.testing.PhoneApp;
import vn.loa.server.testing.TestServer;

/**
 * The step-up before an emergency (issue 22, ADR 0024): a leader with an authenticator whose last code is older than
 * {@code stepup.max.age} (10 minutes here) is asked for a new one before creating or airing an EMERGENCY, by the API
 * and by an alert alike; a leader without one is not. On H2, with a clock the test moves.
 */
class StepUpIT {

    private static final MovableClock CLOCK = new MovableClock(Instant.now());
    private static TestServer server;
    private static Province province;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("stepup.max.age", "600"), CLOCK);
        province = new Province(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject emergency(String title) {
        return Province.notice(title, "thon-a1").put("priority", "EMERGENCY");
    }

    /** A new approver of commune A who enrolled just now (their session's proof is fresh). */
    private static PhoneApp enrolled(Api approver) {
        PhoneApp app = PhoneApp.scan(approver.post("/api/v1/auth/totp/enrol", null).json().getString("qr"), CLOCK);
        assertThat(approver.post("/api/v1/auth/totp/confirm", new JsonObject().put("code", app.code())).status())
                .isEqualTo(200);
        return app;
    }

    @Test
    void anOldProofMustBeRenewedBeforeAnEmergencyIsCreatedOrAired() {
        String name = Province.unique("chu-tich");
        Api approver = province.user(name, "approver", "xa-a");
        PhoneApp app = enrolled(approver);
        assertThat(approver.post("/api/v1/announcements", emergency("Lũ quét")).status()).isEqualTo(201);
        long waiting = approver.post("/api/v1/announcements", emergency("Sạt lở")).json().getLong("id");

        CLOCK.advance(Duration.ofMinutes(11));
        Api.Reply refused = approver.post("/api/v1/announcements", emergency("Lũ quét lần 2"));
        ApiSuite.assertRefused(refused, 403, "step_up_required");
        assertThat(refused.json().getString("message")).contains("mã xác thực");
        ApiSuite.assertRefused(approver.post("/api/v1/announcements/" + waiting + "/broadcast", null), 403,
                "step_up_required");
        ApiSuite.assertRefused(approver.post("/api/v1/alerts", new JsonObject().put("headline", "Động đất")
                .put("text", "Bà con ra khỏi nhà.").put("zones", new io.vertx.core.json.JsonArray().add("thon-a1"))
                .put("severity", "Extreme")), 403, "step_up_required");
        // Routine notices need no step-up.
        assertThat(approver.post("/api/v1/announcements", Province.notice("Họp dân", "thon-a1")).status())
                .isEqualTo(201);

        assertThat(approver.post("/api/v1/auth/totp/verify", new JsonObject().put("code", app.code())).status())
                .isEqualTo(200);
        assertThat(approver.post("/api/v1/announcements", emergency("Lũ quét lần 2")).status()).isEqualTo(201);
        assertThat(approver.post("/api/v1/announcements/" + waiting + "/broadcast", null).json().getString("state"))
                .isEqualTo("SCHEDULED");
        assertThat(province.admin.get("/api/v1/audit?action=auth.step_up&target=user:" + name).array()).hasSize(1);
    }

    @Test
    void aLeaderWithoutAnAuthenticatorIsNotAskedForACode() {
        Api approver = province.user(Province.unique("pho-chu-tich"), "approver", "xa-a");
        CLOCK.advance(Duration.ofMinutes(11));
        assertThat(approver.post("/api/v1/announcements", emergency("Cháy rừng")).status()).isEqualTo(201);
    }
}
