package vn.loa.node.control;

import java.time.Duration;
import java.util.List;

/**
 * Who the node is to the server and how patiently it keeps the control channel up.
 *
 * @param codecs what the node decodes, in the order it prefers them (the names of the protocol's hello)
 * @param firstRetry the first wait after a failed or lost connection; it doubles up to {@code maxRetry}
 * @param helloTimeout how long to wait for welcome or refused after hello before trying again
 * @param stableAfter how long a connection must last before the backoff starts again from {@code firstRetry}, so a
 *                    server that welcomes and drops at once is not hammered every second
 * @param others the other servers of a cluster, tried in turn after {@code server} (ADR 0038)
 */
public record ChannelSettings(ServerAddress server, String nodeId, String token, List<String> codecs,
        String agentVersion, Duration firstRetry, Duration maxRetry, Duration helloTimeout, Duration stableAfter,
        List<ServerAddress> others) {

    public ChannelSettings {
        codecs = List.copyOf(codecs);
        others = List.copyOf(others);
    }

    /** Settings with one server. */
    public ChannelSettings(ServerAddress server, String nodeId, String token, List<String> codecs,
            String agentVersion, Duration firstRetry, Duration maxRetry, Duration helloTimeout, Duration stableAfter) {
        this(server, nodeId, token, codecs, agentVersion, firstRetry, maxRetry, helloTimeout, stableAfter, List.of());
    }

    /** Every server to try, in turn: {@code server} first. */
    public List<ServerAddress> servers() {
        List<ServerAddress> all = new java.util.ArrayList<>();
        all.add(server);
        all.addAll(others);
        return all;
    }

    /** The same with the other servers of a cluster. */
    public ChannelSettings withOthers(List<ServerAddress> servers) {
        return new ChannelSettings(server, nodeId, token, codecs, agentVersion, firstRetry, maxRetry, helloTimeout,
                stableAfter, servers);
    }

    /** Production settings: retries from 1 s up to 30 s, 10 s for a welcome, stable after 30 s. */
    public static ChannelSettings of(ServerAddress server, String nodeId, String token, List<String> codecs,
            String agentVersion) {
        return new ChannelSettings(server, nodeId, token, codecs, agentVersion, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** The same with other retry waits, as tests use. */
    public ChannelSettings withRetries(Duration first, Duration max, Duration stable) {
        return new ChannelSettings(server, nodeId, token, codecs, agentVersion, first, max, helloTimeout, stable,
                others);
    }
}
