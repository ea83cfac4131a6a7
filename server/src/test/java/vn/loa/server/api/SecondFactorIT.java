package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.PhoneApp;

/**
 * The second factor (issue 22, ADR 0024): TOTP enrolment through the QR code, sign-in's second step with a code or a
 * one-time recovery code, wrong codes ending the session, units that require leaders to enrol, an admin's reset, and
 * the audit rows of each. The test's {@link PhoneApp} scans the QR code and computes the codes.
 */
class SecondFactorIT extends ApiSuite {

    private static final Clock CLOCK = Clock.systemUTC();

    private static Api.Reply login(String username) {
        return anonymous().post("/api/v1/auth/login",
                new JsonObject().put("username", username).put("password", Province.PASSWORD));
    }

    private static Api token(Api.Reply login) {
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Api(province.base, login.json().getString("token"));
    }

    private static JsonObject code(String code) {
        return new JsonObject().put("code", code);
    }

    /** Enrols the signed-in user: scans the QR code and confirms with the app's code; returns the app. */
    private static PhoneApp enrol(Api user, List<String> recoveryCodes) {
        Api.Reply start = user.post("/api/v1/auth/totp/enrol", null);
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        PhoneApp app = PhoneApp.scan(start.json().getString("qr"), CLOCK);
        assertThat(app.uri()).isEqualTo(start.json().getString("uri")).startsWith("otpauth://totp/Loa:")
                .contains("secret=" + start.json().getString("secret"));
        // The enrolment just started is the newest row (a half-signed-in user cannot ask who they are).
        String atRest = server.loa().jdbi().withHandle(h -> h.createQuery("SELECT secret FROM user_totp "
                + "ORDER BY created_at DESC FETCH FIRST 1 ROW ONLY").mapTo(String.class).one());
        assertThat(atRest).as("sealed in the database").startsWith("loa-enc:v1:")
                .doesNotContain(start.json().getString("secret"));
        Api.Reply confirmed = user.post("/api/v1/auth/totp/confirm", code(app.code()));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        confirmed.json().getJsonArray("recoveryCodes").forEach(c -> recoveryCodes.add((String) c));
        return app;
    }

    private static List<String> audited(String username) {
        return province.admin.get("/api/v1/audit?target=user:" + username + "&limit=200").array().stream()
                .map(o -> ((JsonObject) o).getString("action")).toList();
    }

    @Test
    void anEnrolledApproverSignsInWithACodeAndCannotActBeforeIt() {
        String name = Province.unique("chu-tich");
        Api approver = province.user(name, "approver", "xa-a");
        List<String> recovery = new java.util.ArrayList<>();
        PhoneApp app = enrol(approver, recovery);
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));

        JsonObject status = approver.get("/api/v1/auth/totp").json();
        assertThat(status.getBoolean("enrolled")).isTrue();
        assertThat(status.getInteger("recoveryCodesLeft")).isEqualTo(10);
        assertThat(status.encode()).doesNotContain("secret");
        assertRefused(approver.post("/api/v1/auth/totp/enrol", null), 409, "totp_enrolled");

        Api.Reply signIn = login(name);
        assertThat(signIn.json().getString("pending")).isEqualTo("totp");
        Api partial = token(signIn);
        assertRefused(partial.get("/api/v1/users/me"), 401, "second_factor_required");
        assertRefused(partial.post("/api/v1/announcements", Province.notice("Chưa xong đăng nhập", "thon-a1")), 401,
                "second_factor_required");

        assertRefused(partial.post("/api/v1/auth/totp/verify", code(app.wrongCode())), 400, "invalid_code");
        assertThat(partial.post("/api/v1/auth/totp/verify", code(app.nextCode())).status()).isEqualTo(200);
        assertThat(partial.get("/api/v1/users/me").status()).isEqualTo(200);
        assertThat(partial.post("/api/v1/announcements", Province.notice("Đã đăng nhập đủ", "thon-a1")).status())
                .isEqualTo(201);

        assertThat(audited(name)).contains("auth.totp_enrol_start", "auth.totp_enrolled", "auth.totp_failed",
                "auth.totp_verified");
        String stored = server.loa().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM user_recovery_code WHERE code_hash = :c").bind("c", recovery.get(0))
                .mapTo(Integer.class).one()).toString();
        assertThat(stored).as("recovery codes are stored hashed").isEqualTo("0");
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() {
        String name = Province.unique("pho-chu-tich");
        Api approver = province.user(name, "approver", "xa-a");
        List<String> recovery = new java.util.ArrayList<>();
        enrol(approver, recovery);

        Api first = token(login(name));
        JsonObject used = first.post("/api/v1/auth/totp/verify", code(recovery.get(3).toLowerCase())).json();
        assertThat(used.getBoolean("recoveryCode")).isTrue();
        assertThat(used.getInteger("recoveryCodesLeft")).isEqualTo(9);
        assertThat(first.get("/api/v1/users/me").status()).isEqualTo(200);

        Api second = token(login(name));
        assertRefused(second.post("/api/v1/auth/totp/verify", code(recovery.get(3))), 400, "invalid_code");
        assertThat(audited(name)).contains("auth.recovery_code_used", "auth.recovery_code_failed");
    }

    @Test
    void fiveWrongCodesEndTheSession() {
        String name = Province.unique("truong-cong-an");
        Api approver = province.user(name, "approver", "xa-a");
        PhoneApp app = enrol(approver, new java.util.ArrayList<>());

        Api partial = token(login(name));
        for (int i = 0; i < 4; i++) {
            assertRefused(partial.post("/api/v1/auth/totp/verify", code(app.wrongCode())), 400, "invalid_code");
        }
        assertRefused(partial.post("/api/v1/auth/totp/verify", code(app.wrongCode())), 401, "session_ended");
        assertRefused(partial.post("/api/v1/auth/totp/verify", code(app.nextCode())), 401, "session_ended");
        assertThat(audited(name).stream().filter("auth.totp_failed"::equals)).hasSize(5);
    }

    @Test
    void aUnitThatRequiresTotpSendsItsLeadersToEnrolAfterSignIn() {
        String unit = Province.unique("xa-c");
        Province.created(province.admin.post("/api/v1/zones", Province.zone(unit, "Xã Cẩm Lệ", null)));
        Province.created(province.admin.post("/api/v1/zones", Province.zone(unit + "-t1", "Thôn Một", unit)));
        JsonObject set = province.admin.put("/api/v1/zones/" + unit + "/policy",
                new JsonObject().put("totpRequired", true).put("fourEyes", "all")).json();
        assertThat(set.getBoolean("totpRequired")).isTrue();
        JsonObject below = province.admin.get("/api/v1/zones/" + unit + "-t1/policy").json();
        assertThat(below.getString("setAt")).isEqualTo(unit);
        assertThat(below.getString("fourEyes")).isEqualTo("all");

        String leader = Province.unique("chu-tich-c");
        province.admin.post("/api/v1/users", new JsonObject().put("username", leader).put("role", "approver")
                .put("unit", unit).put("password", Province.PASSWORD).put("displayName", "Chủ tịch xã C"));
        Api.Reply signIn = login(leader);
        assertThat(signIn.json().getString("pending")).isEqualTo("enrol");
        Api partial = token(signIn);
        assertRefused(partial.get("/api/v1/zones"), 401, "second_factor_required");
        assertRefused(partial.post("/api/v1/auth/totp/verify", code("123456")), 409, "totp_enrolment_required");
        assertThat(partial.get("/api/v1/auth/totp").json().getBoolean("required")).isTrue();
        enrol(partial, new java.util.ArrayList<>());
        assertThat(partial.get("/api/v1/zones").status()).isEqualTo(200);
        assertRefused(partial.delete("/api/v1/auth/totp"), 403, "forbidden");

        String clerk = Province.unique("van-thu-c");
        province.admin.post("/api/v1/users", new JsonObject().put("username", clerk).put("role", "clerk")
                .put("unit", unit).put("password", Province.PASSWORD).put("displayName", "Văn thư xã C"));
        assertThat(login(clerk).json().containsKey("pending")).as("clerks are not required").isFalse();
    }

    @Test
    void onlyAdminsOfTheUnitOrAboveSeeAndSetItsPolicy() {
        JsonObject policy = new JsonObject().put("totpRequired", false).put("fourEyes", "off");
        assertRefused(province.approverA.put("/api/v1/zones/xa-a/policy", policy), 403, "forbidden");
        assertRefused(province.adminA.put("/api/v1/zones/xa-b/policy", policy), 404, "not_found");
        assertRefused(province.adminA.get("/api/v1/zones/xa-b/policy"), 404, "not_found");
        assertRefused(province.adminA.put("/api/v1/zones/xa-a/policy", policy.copy().put("fourEyes", "sometimes")),
                400, "invalid_request");
        JsonObject standing = province.adminA.get("/api/v1/zones/xa-a/policy").json();
        assertThat(standing.getString("fourEyes")).isEqualTo("emergency");
        assertThat(standing.getBoolean("totpRequired")).isFalse();
        assertThat(standing.getValue("setAt")).isNull();
    }

    @Test
    void anAdminResetsALostPhoneAndTheUsersSessionsEnd() {
        String name = Province.unique("mat-dien-thoai");
        Api approver = province.user(name, "approver", "xa-a");
        enrol(approver, new java.util.ArrayList<>());
        assertRefused(province.clerkA.delete("/api/v1/users/" + name + "/totp"), 403, "forbidden");
        assertRefused(province.adminA.delete("/api/v1/users/clerk-b/totp"), 404, "not_found");

        assertThat(province.adminA.delete("/api/v1/users/" + name + "/totp").status()).isEqualTo(204);

        assertRefused(approver.get("/api/v1/users/me"), 401, "session_ended");
        assertThat(login(name).json().containsKey("pending")).isFalse();
        assertThat(new HashSet<>(audited(name))).contains("auth.totp_reset");
    }
}
