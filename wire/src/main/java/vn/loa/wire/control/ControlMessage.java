package vn.loa.wire.control;

import java.util.List;

/**
 * One message of the node control channel: a WebSocket between a loudspeaker node agent and the server, carrying JSON
 * text frames. The agent opens it with {@link Hello}; the server answers {@link Welcome} or {@link Refused}; then the
 * agent sends {@link Heartbeat}s and {@link Played} reports, and the server sends {@link Play}, {@link Stop},
 * {@link Volume} and {@link Prefetch} commands. Audio travels as RTP over UDP; only when UDP does not get through
 * (the agent says so with {@link MediaPath}) does it come as binary frames on this channel.
 */
public sealed interface ControlMessage {

    /** The first message of an agent: who it is, its secret, what it can decode and where it listens for RTP. */
    record Hello(String nodeId, String token, List<String> codecs, int rtpPort, String agentVersion)
            implements ControlMessage {
        public Hello {
            codecs = List.copyOf(codecs);
        }
    }

    /**
     * The server accepts the agent: heartbeat every {@code heartbeatSeconds}; streams come in {@code codec}, protected
     * by SRTP (AES_CM_128_HMAC_SHA1_80) with the master key {@code srtpKey} in SDES inline form, or plain RTP when it
     * is null. The key travels only here, on the authenticated channel.
     */
    record Welcome(int heartbeatSeconds, String codec, String srtpKey, ReturnPath returnPath)
            implements ControlMessage {
        /** A welcome to a plain-RTP stream. */
        public Welcome(int heartbeatSeconds, String codec) {
            this(heartbeatSeconds, codec, null, null);
        }

        /** A welcome with no keepalives asked for (a server older than symmetric RTP). */
        public Welcome(int heartbeatSeconds, String codec, String srtpKey) {
            this(heartbeatSeconds, codec, srtpKey, null);
        }
    }

    /**
     * Where and how an agent keeps its RTP path open (symmetric RTP, see {@link Keepalive}): a keepalive every
     * {@code seconds} to {@code port} on {@code host} (null: the host of the control channel), signed with
     * {@code key} (base64, 32 bytes, fresh for each session and sent only on this authenticated channel).
     */
    record ReturnPath(String host, int port, int seconds, String key) {
    }

    /**
     * The agent's choice of how the stream reaches it: {@code udp} (RTP to the address its keepalives come from) or
     * {@code channel} (the same packets as binary frames on this WebSocket, when UDP does not get through).
     */
    record MediaPath(String path) implements ControlMessage {
        public static final String UDP = "udp";
        public static final String CHANNEL = "channel";

        public boolean overChannel() {
            return CHANNEL.equals(path);
        }
    }

    /** The server refuses the agent and closes the channel; {@code reason} says what to fix. */
    record Refused(String reason) implements ControlMessage {
    }

    /**
     * A server of a cluster that does not own the agent's zone now sends it on: the agent tries its next server at
     * once (ADR 0038). An agent that knows one server only retries it as after a lost connection.
     *
     * @param owner the web address of the member that owns the zone now ({@code http://host:port}), so the agent goes
     *              there next; empty while no member owns it (a takeover is under way)
     */
    record Elsewhere(String reason, String owner) implements ControlMessage {

        public Elsewhere {
            owner = owner == null ? "" : owner;
        }

        /** Sent on without knowing where to. */
        public Elsewhere(String reason) {
            this(reason, "");
        }
    }

    /**
     * The agent's regular sign of life, with what it is doing and how RTP reaches it: packets received and lost on
     * the way (from sequence numbers), the jitter, packets that came too late for the jitter buffer (concealed like
     * lost ones), lost or late packets rebuilt from the next one's in-band FEC (Opus) instead, and the jitter buffer's
     * delay, which follows the measured jitter.
     */
    record Heartbeat(String state, int volume, long packetsReceived, long packetsLost, double jitterMs, long late,
            long recovered, long bufferMs) implements ControlMessage {

        public Heartbeat(String state, int volume, long packetsReceived, long packetsLost, double jitterMs) {
            this(state, volume, packetsReceived, packetsLost, jitterMs, 0, 0, 0);
        }
    }

    /**
     * An announcement starts (or resumes) on the node's stream: RTP with this payload type and SSRC follows.
     *
     * <p>For an SRTP stream already running, {@code rolloverCounter} and {@code sequence} say where its packet index
     * stands (RFC 3711 §3.3.1): how many times the sequence number has wrapped as of packet {@code sequence}, the last
     * one sent. An agent that joins mid-way needs both to decrypt; {@code sequence} is -1 when nothing was sent yet.
     */
    record Play(String announcement, String zone, String codec, int payloadType, int clockRate, long ssrc,
            int rolloverCounter, int sequence) implements ControlMessage {
        /** A play of a stream that has not sent a packet yet (or plain RTP). */
        public Play(String announcement, String zone, String codec, int payloadType, int clockRate, long ssrc) {
            this(announcement, zone, codec, payloadType, clockRate, ssrc, 0, -1);
        }
    }

    /**
     * Store-and-forward: fetch an announcement's rendered audio now, check it, and play it at {@code playAt} by the
     * node's own clock, whatever happens to the link meanwhile. {@code path} is the file's path on the server (from
     * {@code /api/v1/}), fetched with the node's id and token; {@code sha256} is the file's hash in hex.
     */
    record Prefetch(String announcement, String path, String sha256, long bytes, java.time.Instant playAt)
            implements ControlMessage {
    }

    /** The announcement stopped on the node's stream (finished, preempted or cancelled). */
    record Stop(String announcement, String reason) implements ControlMessage {
    }

    /** Set the node's loudness, 0 to 100. */
    record Volume(int level) implements ControlMessage {
    }

    /**
     * The agent's report on one announcement: {@code RECEIVED}, {@code PLAYED} or {@code FAILED}, and why; for a
     * prefetch also {@code FETCHED} once the file is stored and its hash checked.
     */
    record Played(String announcement, String outcome, long millis, String detail) implements ControlMessage {
    }
}
