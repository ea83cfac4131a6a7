package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.ControlMessage;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.FakeAgent;
import vn.loa.server.testing.TestServer;

/**
 * An agent whose heartbeats stop (its process hung, a bug) while its connection stays up is closed by the server after
 * three missed heartbeats, so it reconnects and the technician never reads an old state as the current one; one that
 * keeps beating stays. A server whose heartbeat is 1 s, so the test waits seconds.
 */
class SilentAgentIT {

    private static TestServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("node.heartbeat", "1"));
        admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        assertThat(admin.post("/api/v1/zones", new JsonObject().put("id", "thon-im").put("name", "Thôn Im Lặng"))
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String register(String id) {
        Api.Reply made = admin.post("/api/v1/nodes", new JsonObject().put("id", id).put("name", "Đầu thu " + id)
                .put("zone", "thon-im").put("kind", "agent"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().getString("token");
    }

    @Test
    void aSilentAgentIsClosedAndABeatingOneStays() throws Exception {
        String silentToken = register("dau-thu-im");
        String beatingToken = register("dau-thu-dap");
        try (FakeAgent silent = new FakeAgent(server.baseUrl()); FakeAgent beating = new FakeAgent(server.baseUrl())) {
            silent.send(new ControlMessage.Hello("dau-thu-im", silentToken, List.of("PCMU"), 40000, "test"));
            beating.send(new ControlMessage.Hello("dau-thu-dap", beatingToken, List.of("PCMU"), 40002, "test"));
            ControlMessage.Welcome welcome = (ControlMessage.Welcome) silent.next(10);
            assertThat(welcome.heartbeatSeconds()).isEqualTo(1);
            assertThat(beating.next(10)).isInstanceOf(ControlMessage.Welcome.class);

            String closed = null;
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (closed == null && System.nanoTime() < deadline) {
                beating.send(new ControlMessage.Heartbeat("IDLE", 80, 0, 0, 0.0, 0, 0, 0));
                String frame = silent.nextFrameOrNull(500);
                if (frame != null && frame.startsWith("closed:")) {
                    closed = frame;
                }
            }
            assertThat(closed).as("the silent agent's channel is closed").isEqualTo("closed:1001");
            assertThat(beating.nextFrameOrNull(100)).as("the beating agent stays connected").isNull();
        }
    }
}
