package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.testing.TestServer;

/** The idle timeout of sign-in sessions, on a server whose clock the test moves (auth.session.idle = 60 s). */
class SessionIdleIT {

    private static final MovableClock CLOCK = new MovableClock(Instant.now());
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("auth.session.idle", "60"), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSessionInUseGoesOnAndAnUnusedOneEnds() {
        Api busy = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        Api idle = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);

        for (int i = 0; i < 3; i++) {
            CLOCK.advance(Duration.ofSeconds(40));
            assertThat(busy.get("/api/v1/users/me").status()).as("used every 40 s, %d s in", 40 * (i + 1))
                    .isEqualTo(200);
        }

        var ended = idle.get("/api/v1/users/me");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.json().getString("error")).isEqualTo("session_ended");
        assertThat(ended.json().getString("message")).contains("lâu không sử dụng");
    }
}
