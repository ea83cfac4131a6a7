package vn.loa.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.loa.node.AgentOptions;
import vn.loa.node.AgentTuning;
import vn.loa.node.NodeAgent;
import vn.loa.node.control.ServerAddress;

/**
 * The demo's three loudspeaker node agents, run in the server's process, each recording what it hears to
 * {@code <data>/nodes/<id>/*.wav} so a new user can listen to a broadcast without any speaker.
 *
 * <p>An agent's token is shown only once, at registration; the demo keeps it in {@code <data>/nodes/<id>/token} (owner
 * read-only) so the agents reconnect after a restart.
 */
final class DemoAgents implements AutoCloseable {

    private final List<NodeAgent> agents = new ArrayList<>();

    static Path folder(Path dataDir, String nodeId) {
        return dataDir.resolve("nodes").resolve(nodeId);
    }

    static void keepToken(Path dataDir, String nodeId, String token) throws IOException {
        Path dir = Files.createDirectories(folder(dataDir, nodeId));
        Path file = dir.resolve("token");
        Files.writeString(file, token);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** Starts an agent for every node folder that holds a token. */
    void startAll(Path dataDir, String serverUrl) throws Exception {
        Path nodes = dataDir.resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            return;
        }
        List<Path> folders;
        try (var list = Files.list(nodes)) {
            folders = list.filter(d -> Files.isRegularFile(d.resolve("token"))).sorted().toList();
        }
        for (Path dir : folders) {
            String id = dir.getFileName().toString();
            String token = Files.readString(dir.resolve("token")).strip();
            AgentOptions options = new AgentOptions(ServerAddress.parse(serverUrl), id, token, dir, 0,
                    AgentOptions.DEFAULT_VOLUME);
            agents.add(NodeAgent.start(options, AgentTuning.DEFAULT).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS));
        }
    }

    int count() {
        return agents.size();
    }

    @Override
    public void close() {
        agents.forEach(NodeAgent::close);
    }
}
