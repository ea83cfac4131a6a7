package vn.loa.server.ui;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import vn.loa.node.AgentOptions;
import vn.loa.node.AgentTuning;
import vn.loa.node.NodeAgent;
import vn.loa.node.control.ServerAddress;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * The world of the web UI tests, made through the API as an operator would: a commune with two villages, one user per
 * role, and a real node agent in Thôn Đông that records what it plays.
 */
final class Commune implements AutoCloseable {

    static final String PASSWORD = "mat-khau-giao-dien";

    final TestServer server;
    final Api admin;
    final Path recordings;
    private NodeAgent agent;

    Commune(TestServer server) throws Exception {
        this.server = server;
        this.admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        created(admin.post("/api/v1/zones", new JsonObject().put("id", "xa-an-binh").put("name", "Xã An Bình")));
        created(admin.post("/api/v1/zones", new JsonObject().put("id", "thon-dong").put("name", "Thôn Đông")
                .put("parent", "xa-an-binh")));
        created(admin.post("/api/v1/zones", new JsonObject().put("id", "thon-tay").put("name", "Thôn Tây")
                .put("parent", "xa-an-binh")));
        user("can-bo", "clerk", "Nguyễn Thị Lan");
        user("chu-tich", "approver", "Trần Văn Bình");
        user("ky-thuat", "technician", "Lê Văn Kỹ");
        user("quan-tri", "admin", "Phạm Thu Hà");
        recordings = Files.createTempDirectory("loa-ui-agent-");
    }

    /** Registers a node agent in Thôn Đông and starts it, recording to {@link #recordings}; waits until it is online. */
    void startAgent() throws Exception {
        String token = created(admin.post("/api/v1/nodes", new JsonObject().put("id", "loa-cho").put("name", "Loa chợ Đông")
                .put("zone", "thon-dong").put("kind", "agent").put("lat", 10.7769).put("lon", 106.7009)))
                .json().getString("token");
        agent = NodeAgent.start(new AgentOptions(ServerAddress.parse(server.baseUrl()), "loa-cho", token, recordings, 0, 80),
                AgentTuning.DEFAULT).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        await().alias("the agent comes online").atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(admin.get("/api/v1/nodes/loa-cho").json().getBoolean("online")));
    }

    private void user(String username, String role, String name) {
        created(admin.post("/api/v1/users", new JsonObject().put("username", username).put("role", role)
                .put("unit", "xa-an-binh").put("password", PASSWORD).put("displayName", name)));
    }

    static Api.Reply created(Api.Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("expected 201, got " + reply);
        }
        return reply;
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
    }
}
