package vn.loa.server.air;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import vn.loa.core.media.PipelineMeters;
import vn.loa.core.media.StreamCodec;
import vn.loa.core.media.Transmitter;
import vn.loa.core.media.UdpFanOut;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.StreamRollover;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;

/**
 * The RTP streams on air: one per zone, codec and protection that has nodes, each with the set of addresses it sends
 * to. Loa's node agents get SRTP; third-party RTP speakers get plain RTP. Streams of one zone carry the same programmes.
 *
 * <p>Streams open on first use and stay open. {@link #send} replaces a stream's destinations with the given set, so a
 * caller describes what should be and never has to remember what was. Thread-safe.
 */
public final class ZoneStreams implements AutoCloseable {

    /**
     * One stream's key in the transmitter: {@code zone~CODEC}, or {@code zone~CODEC~SRTP} for the encrypted stream of a
     * zone's node agents, {@code zone~OPUS~60MS} for Opus in 60 ms packets. Zone ids never contain {@code ~}.
     *
     * @param packetTime milliseconds of audio per packet: 20, or 40/60 for a zone's Opus speakers (agents too)
     */
    public record Key(String zone, StreamCodec codec, boolean secure, int packetTime) {
        public Key(String zone, StreamCodec codec, boolean secure) {
            this(zone, codec, secure, 20);
        }

        public String id() {
            return zone + "~" + codec.name() + (secure ? "~SRTP" : "") + (packetTime == 20 ? "" : "~" + packetTime + "MS");
        }

        public static Key parse(String id) {
            String[] parts = id.split("~");
            boolean secure = java.util.Arrays.asList(parts).contains("SRTP");
            int packetTime = parts[parts.length - 1].endsWith("MS")
                    ? Integer.parseInt(parts[parts.length - 1].replace("MS", "")) : 20;
            return new Key(parts[0], StreamCodec.valueOf(parts[1]), secure, packetTime);
        }
    }

    private final Transmitter transmitter;
    private final UdpFanOut.Ttl ttl;
    private final ReturnPaths returnPaths;
    private final NodeSessions sessions;
    /** Whether an address is a stream box's HTTP connection: it hears the zone's mount, never UDP. */
    private final java.util.function.Predicate<InetSocketAddress> pullsOverHttp;
    private final Map<Key, UdpFanOut> outputs = new ConcurrentHashMap<>();
    private final Map<Key, ChannelRelay> relays = new ConcurrentHashMap<>();
    private final Map<Key, SrtpMasterKey> keys = new ConcurrentHashMap<>();
    private final Map<Key, Set<InetSocketAddress>> destinations = new ConcurrentHashMap<>();
    /** Which zones this server may send now: all alone, those it holds the lease of in a cluster (ADR 0038). */
    private volatile AirShare share = AirShare.ALONE;
    private final List<BiConsumer<Key, PipelineMeters>> openListeners = new CopyOnWriteArrayList<>();

    /**
     * @param returnPaths hears the keepalives agents send to each stream's port
     * @param sessions says which agents' stream goes over their control channel instead of UDP
     */
    ZoneStreams(Transmitter transmitter, UdpFanOut.Ttl ttl, ReturnPaths returnPaths, NodeSessions sessions,
            java.util.function.Predicate<InetSocketAddress> pullsOverHttp) {
        this.pullsOverHttp = pullsOverHttp;
        this.transmitter = transmitter;
        this.ttl = ttl;
        this.returnPaths = returnPaths;
        this.sessions = sessions;
    }

    /** Sends each zone's packets only while {@code share} says this server holds the zone; set at start-up. */
    void shareWith(AirShare share) {
        this.share = share;
    }

    /** The codec a node is sent: its own setting, else G.711 µ-law, which every IP speaker understands. */
    public static StreamCodec codecOf(Node node) {
        if (node.codec() == null) {
            return StreamCodec.PCMU;
        }
        StreamCodec codec = StreamCodec.valueOf(node.codec().toUpperCase(Locale.ROOT));
        // Loa's own agents decode G.711 and Opus; G.722 is for third-party speakers that ask for it.
        return node.kind() == NodeKind.AGENT && codec == StreamCodec.G722 ? StreamCodec.PCMU : codec;
    }

    /** The stream a node receives: agents are sent SRTP, third-party speakers plain RTP. */
    public static Key keyOf(Node node) {
        return keyOf(node, 20);
    }

    /**
     * The stream a node receives in a zone whose Opus packet time is {@code opusPacketTime}: an Opus speaker, Loa's
     * agent or a third party's, gets that packet time; stream boxes keep 20 ms (the Ogg mount counts on it).
     */
    public static Key keyOf(Node node, int opusPacketTime) {
        if (node.kind() == NodeKind.STREAM) {
            return ZoneMounts.keyOf(node.zone());
        }
        StreamCodec codec = codecOf(node);
        return new Key(node.zone(), codec, node.kind() == NodeKind.AGENT, codec == StreamCodec.OPUS ? opusPacketTime : 20);
    }

    /**
     * Makes {@code key}'s stream send to exactly {@code addresses}, opening the stream if needed: as UDP, or on the
     * control channel of an agent at that address whose UDP does not get through.
     */
    public synchronized void send(Key key, Set<InetSocketAddress> addresses) {
        UdpFanOut out = open(key);
        List<NodeSession> overChannel = new ArrayList<>();
        Set<InetSocketAddress> overUdp = new HashSet<>();
        for (InetSocketAddress address : addresses) {
            if (!pullsOverHttp.test(address)) {
                sessions.overChannelAt(address).ifPresentOrElse(overChannel::add, () -> overUdp.add(address));
            }
        }
        relays.get(key).reach(overChannel);
        Map<InetSocketAddress, NodeSession> agents = new java.util.HashMap<>();
        sessions.all().forEach(session -> agents.put(session.rtpAddress(), session));
        relays.get(key).reachOverUdp(overUdp.stream().map(agents::get).filter(java.util.Objects::nonNull).toList());
        Set<InetSocketAddress> now = destinations.computeIfAbsent(key, k -> new HashSet<>());
        for (InetSocketAddress gone : Set.copyOf(now)) {
            if (!overUdp.contains(gone)) {
                out.remove(gone);
                now.remove(gone);
            }
        }
        for (InetSocketAddress added : overUdp) {
            if (now.add(added)) {
                out.add(added);
            }
        }
    }

    /** Hands every packet of {@code key}'s stream to {@code tap} as it leaves, opening the stream if needed. */
    void tap(Key key, java.util.function.Consumer<vn.loa.wire.rtp.RtpPacket> tap) {
        open(key);
        relays.get(key).tap(tap);
    }

    /** The local UDP port of {@code key}'s stream, opening it if needed: where its agents send keepalives. */
    public int port(Key key) {
        return open(key).localPort();
    }

    /**
     * The SRTP master key of a secure stream, opening it if needed, for the agents that will receive it; null for a
     * plain stream. One key per stream and server run: every agent of the zone decrypts the same packets.
     */
    public synchronized String srtpKey(Key key) {
        open(key);
        SrtpMasterKey master = keys.get(key);
        return master == null ? null : master.inline();
    }

    /**
     * Where a secure stream's SRTP packet index stands, for an agent that joins it mid-way; empty for a plain stream
     * or one that has sent nothing yet.
     */
    public Optional<StreamRollover> position(Key key) {
        return outputs.containsKey(key) ? transmitter.position(key.id()) : Optional.empty();
    }

    /** The per-stage counts of every open stream, from source to fan-out. */
    public Map<Key, PipelineMeters> pipelines() {
        Map<Key, PipelineMeters> all = new java.util.TreeMap<>(java.util.Comparator.comparing(Key::id));
        outputs.keySet().forEach(key -> all.put(key, transmitter.meters(key.id())));
        return all;
    }

    /** Tells {@code listener} of every stream's counts: those open now at once, later ones as they open. */
    public synchronized void eachOpened(BiConsumer<Key, PipelineMeters> listener) {
        openListeners.add(listener);
        outputs.keySet().forEach(key -> listener.accept(key, transmitter.meters(key.id())));
    }

    private UdpFanOut open(Key key) {
        return outputs.computeIfAbsent(key, k -> {
            UdpFanOut opened = UdpFanOut.open(ttl, UdpFanOut.SERVER_SPREAD);
            opened.onDatagram((sender, datagram) -> returnPaths.heard(sender, datagram, opened::sendOne));
            ChannelRelay relay = new ChannelRelay(opened);
            // Asked again as each spread batch leaves: a round handed over just before a freeze is not sent on waking.
            opened.sendOnlyWhile(() -> share.holds(k.zone()));
            relays.put(k, relay);
            // Loa's agents are sent SRTP under one key per stream; NoticePipeline's protect stage applies it.
            Optional<SrtpMasterKey> srtp = k.secure() ? Optional.of(SrtpMasterKey.generate()) : Optional.empty();
            srtp.ifPresent(master -> keys.put(k, master));
            // Fenced last: nothing leaves, encrypted or not, over UDP or a control channel, without the zone's lease.
            transmitter.openZone(k.id(), k.codec(), srtp, new FencedOutput(k.zone(), zone -> share.holds(zone), relay),
                    k.packetTime());
            openListeners.forEach(listener -> listener.accept(k, transmitter.meters(k.id())));
            return opened;
        });
    }

    @Override
    public synchronized void close() {
        outputs.values().forEach(UdpFanOut::close);
        outputs.clear();
    }
}
