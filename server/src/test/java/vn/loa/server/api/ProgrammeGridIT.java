package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.TestServer;

/**
 * The programme grid never hides an airing that is due but has not fired yet (a server catching up after a restart
 * airs it late): it stays PLANNED until its firing is recorded. The server's clock is moved past the airing's time while
 * the programme clock (Quartz, real time) has not reached it.
 */
class ProgrammeGridIT {

    private static final MovableClock CLOCK = new MovableClock(Instant.now());
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAiringDueButNotYetFiredIsStillPlanned() throws Exception {
        Api admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = ScheduleRestartIT.village(admin, "thon-luoi", speaker);
            Instant due = CLOCK.instant().plusSeconds(600);
            long id = ScheduleRestartIT.scheduled(admin, zone, new JsonObject().put("at", ScheduleRestartIT.vn(due)));

            CLOCK.advance(Duration.ofSeconds(660));
            Api again = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
            JsonArray items = again.get("/api/v1/schedule?from=" + URLEncoder.encode(
                    ScheduleRestartIT.vn(CLOCK.instant().minusSeconds(1800)), StandardCharsets.UTF_8)).json()
                    .getJsonArray("items");

            assertThat(items.stream().map(JsonObject.class::cast).filter(i -> i.getLong("announcementId") == id)
                    .map(i -> i.getString("outcome")).toList()).as("due a minute ago, not fired yet")
                    .containsExactly("PLANNED");
        }
    }
}
