package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * Issue 23's reproduction on the embedded H2: a notice scheduled 40 s ahead, the server killed 10 s before and started
 * again; the notice airs (DONE) and a user is created; the server is killed again 20 s later. Both writes must survive.
 * They did not while H2 reused the space of old chunks (from 45 s after the file was made): see ADR 0015.
 */
class SecondCrashIT {

    @Test
    void writesAfterARecoveredCrashSurviveTheNextCrashOnH2() throws Exception {
        Path data = TempDirs.create("loa-second-crash-");
        int port = ServerProcess.freePort();
        try (RtpCapture speaker = new RtpCapture()) {
            long notice;
            try (ServerProcess first = ServerProcess.start(data, "", port, Map.of())) {
                Api admin = Api.signIn(first.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                String zone = ScheduleRestartIT.village(admin, "thon-hai-lan", speaker);
                notice = ScheduleRestartIT.scheduled(admin, zone, new JsonObject()
                        .put("at", ScheduleRestartIT.vn(Instant.now().plusSeconds(40))));
                // Deliberate: H2 reused old chunks from 45 s after its file was made; the kill comes 10 s before the
                // notice's time, and the next one 20 s after the restart, past those 45 s.
                Thread.sleep(30_000);
                first.kill();
            }
            try (ServerProcess second = ServerProcess.start(data, "", port, Map.of())) {
                Api admin = Api.signIn(second.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                OnAirIT.waitForState(admin, notice, "DONE");
                Province.created(admin.post("/api/v1/users", new JsonObject().put("username", "sau-lan-dau")
                        .put("role", "clerk").put("password", Province.PASSWORD).put("displayName", "Cán bộ")));
                Thread.sleep(20_000); // deliberate, see above
                second.kill();
            }
            try (ServerProcess third = ServerProcess.start(data, "", port, Map.of())) {
                Api admin = Api.signIn(third.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                assertThat(admin.get("/api/v1/announcements/" + notice).json().getString("state")).isEqualTo("DONE");
                Api.signIn(third.baseUrl(), "sau-lan-dau", Province.PASSWORD);
            }
        }
    }
}
