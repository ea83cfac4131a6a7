package vn.loa.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.loa.node.AgentOptions;
import vn.loa.node.AgentTuning;
import vn.loa.node.NodeAgent;
import vn.loa.node.control.ChannelState;
import vn.loa.node.control.ServerAddress;

/**
 * Many of Loa's node agents in the test's JVM: each is the real agent ({@link NodeAgent}: its own Vert.x, RTP port,
 * control channel, playout thread and WAV recorder), without a JVM of its own, which twenty would cost a 2-core
 * machine seconds of start and hundreds of MB. Each records what it plays to a folder of its own.
 */
public final class AgentFleet implements AutoCloseable {

    private final List<NodeAgent> agents;
    private final List<Path> folders;

    private AgentFleet(List<NodeAgent> agents, List<Path> folders) {
        this.agents = agents;
        this.folders = folders;
    }

    /**
     * Starts one agent per node id and token, all at once, each trying {@code servers} in order (the first first);
     * returns once each has its RTP port and has begun connecting.
     */
    public static AgentFleet start(List<String> ids, List<String> tokens, List<ServerAddress> servers)
            throws Exception {
        List<Path> folders = new ArrayList<>();
        List<io.vertx.core.Future<NodeAgent>> starting = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Path folder = Files.createTempDirectory("loa-fleet-agent-");
            folders.add(folder);
            starting.add(NodeAgent.start(new AgentOptions(servers.get(0), ids.get(i), tokens.get(i), folder, 0, 80,
                    servers.subList(1, servers.size())), AgentTuning.DEFAULT));
        }
        List<NodeAgent> agents = new ArrayList<>();
        for (var agent : starting) {
            agents.add(agent.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
        return new AgentFleet(agents, folders);
    }

    public List<NodeAgent> agents() {
        return agents;
    }

    public NodeAgent get(int i) {
        return agents.get(i);
    }

    public int size() {
        return agents.size();
    }

    /** Waits until every agent is online on the server listening on {@code port}. */
    public void awaitOnline(int port, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> org.assertj.core.api.Assertions
                .assertThat(agents).as("each agent's state and server: %s", agents.stream()
                        .map(a -> a.channel().state() + "@" + a.channel().server().port()).toList())
                .allMatch(a -> a.channel().state() == ChannelState.ONLINE && a.channel().server().port() == port));
    }

    /**
     * How long after {@code since} ({@link System#nanoTime()}) each agent was first seen online on a server other
     * than the one on {@code deadPort}, in ms; fails unless all are within {@code limit}.
     */
    public long[] onlineAwayFrom(int deadPort, long since, Duration limit) {
        long[] at = new long[agents.size()];
        await().atMost(limit).pollInterval(Duration.ofMillis(10)).until(() -> {
            long now = System.nanoTime();
            boolean all = true;
            for (int i = 0; i < at.length; i++) {
                var channel = agents.get(i).channel();
                if (at[i] == 0 && channel.state() == ChannelState.ONLINE && channel.server().port() != deadPort) {
                    at[i] = now;
                }
                all &= at[i] != 0;
            }
            return all;
        });
        long[] millis = new long[at.length];
        for (int i = 0; i < at.length; i++) {
            millis[i] = (at[i] - since) / 1_000_000;
        }
        return millis;
    }

    /**
     * Watches every agent from now on another thread: {@link FirstAudio#await} gives when ({@link System#nanoTime()})
     * each first received a packet, or began to play a prefetched copy, after this call.
     */
    public FirstAudio watchFirstAudio() {
        return new FirstAudio(agents);
    }

    /** When each agent of a fleet first received a packet or played, after the watch began; polled every 5 ms. */
    public static final class FirstAudio {
        private final long[] at;
        private final Thread watcher;

        private FirstAudio(List<NodeAgent> agents) {
            long[] before = agents.stream().mapToLong(a -> a.reception().received()).toArray();
            long[] takesBefore = agents.stream().mapToLong(NodeAgent::takesOpened).toArray();
            at = new long[agents.size()];
            watcher = new Thread(() -> {
                int left = at.length;
                while (left > 0 && !Thread.currentThread().isInterrupted()) {
                    long now = System.nanoTime();
                    for (int i = 0; i < at.length; i++) {
                        // A packet, or a prefetched copy begun: an agent that has the notice's file plays it at
                        // its time from storage and is sent no stream (ClusterIT's agent 0 "received nothing"); to
                        // the tests' file sink that play lasts milliseconds, so a take begun counts, not playing now.
                        NodeAgent agent = agents.get(i);
                        if (at[i] == 0 && (agent.reception().received() > before[i]
                                || agent.takesOpened() > takesBefore[i])) {
                            at[i] = now;
                            left--;
                        }
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fleet-first-audio");
            watcher.setDaemon(true);
            watcher.start();
        }

        /** The first arrival at each agent; fails unless every agent has received within {@code limit}. */
        public long[] await(Duration limit) throws InterruptedException {
            watcher.join(limit.toMillis());
            if (watcher.isAlive()) {
                watcher.interrupt();
                watcher.join();
            }
            long[] seen = at.clone();
            for (int i = 0; i < seen.length; i++) {
                if (seen[i] == 0) {
                    throw new AssertionError("agent " + i + " received nothing within " + limit);
                }
            }
            return seen;
        }
    }

    /** How many takes agent {@code i} recorded of announcement {@code id}: one WAV file each. */
    public long takes(int i, long id) {
        try (var files = Files.list(folders.get(i))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(id + "-") && f.endsWith(".wav")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Closes every agent at once: each may wait seconds for its channel to close. */
    @Override
    public void close() {
        List<Thread> closing = agents.stream().map(a -> new Thread(a::close, "fleet-close")).toList();
        closing.forEach(Thread::start);
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
