package vn.loa.node;

import java.nio.file.Path;
import java.util.List;
import vn.loa.node.control.ServerAddress;

/**
 * What the operator told the node agent on its command line.
 *
 * @param record the directory to record WAV files to, or {@code null} to play to the sound card
 * @param rtpPort the UDP port for RTP, or 0 for any free port (the hello tells the server which)
 * @param volume the starting loudness, 0 to 100, until the server sets another
 * @param others the other servers of a cluster, tried in turn when {@code server} is lost (ADR 0038)
 */
public record AgentOptions(ServerAddress server, String nodeId, String token, Path record, int rtpPort, int volume,
        List<ServerAddress> others) {

    public AgentOptions {
        others = List.copyOf(others);
    }

    /** Options with one server. */
    public AgentOptions(ServerAddress server, String nodeId, String token, Path record, int rtpPort, int volume) {
        this(server, nodeId, token, record, rtpPort, volume, List.of());
    }

    /** The volume when the operator gives none: loud, with some headroom left for the server to raise. */
    public static final int DEFAULT_VOLUME = 80;
}
