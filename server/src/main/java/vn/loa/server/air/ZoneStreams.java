package vn.loa.server.air;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.core.media.StreamCodec;
import vn.loa.core.media.Transmitter;
import vn.loa.core.media.UdpFanOut;
import vn.loa.core.model.Node;

/**
 * The RTP streams on air: one per zone and codec that has nodes, each with the set of addresses it sends to. Nodes of
 * one zone that want different codecs get one stream each; both carry the same programmes.
 *
 * <p>Streams open on first use and stay open. {@link #send} replaces a stream's destinations with the given set, so a
 * caller describes what should be and never has to remember what was. Thread-safe.
 */
public final class ZoneStreams implements AutoCloseable {

    /** One stream's key in the transmitter: {@code zone~CODEC}. Zone ids never contain {@code ~}. */
    public record Key(String zone, StreamCodec codec) {
        public String id() {
            return zone + "~" + codec.name();
        }

        public static Key parse(String id) {
            int cut = id.lastIndexOf('~');
            return new Key(id.substring(0, cut), StreamCodec.valueOf(id.substring(cut + 1)));
        }
    }

    private final Transmitter transmitter;
    private final int multicastTtl;
    private final Map<Key, UdpFanOut> outputs = new ConcurrentHashMap<>();
    private final Map<Key, Set<InetSocketAddress>> destinations = new ConcurrentHashMap<>();

    public ZoneStreams(Transmitter transmitter, int multicastTtl) {
        this.transmitter = transmitter;
        this.multicastTtl = multicastTtl;
    }

    /** The codec a node is sent: its own setting, else G.711 µ-law, which every IP speaker understands. */
    public static StreamCodec codecOf(Node node) {
        if (node.codec() == null) {
            return StreamCodec.PCMU;
        }
        try {
            return StreamCodec.valueOf(node.codec().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // G.722 is accepted by the API for later; until its encoder exists such nodes get µ-law.
            return StreamCodec.PCMU;
        }
    }

    /** Makes {@code key}'s stream send to exactly {@code addresses}, opening the stream if needed. */
    public synchronized void send(Key key, Set<InetSocketAddress> addresses) {
        UdpFanOut out = outputs.computeIfAbsent(key, k -> {
            UdpFanOut opened = UdpFanOut.open(multicastTtl);
            transmitter.openZone(k.id(), k.codec(), opened);
            return opened;
        });
        Set<InetSocketAddress> now = destinations.computeIfAbsent(key, k -> new HashSet<>());
        for (InetSocketAddress gone : Set.copyOf(now)) {
            if (!addresses.contains(gone)) {
                out.remove(gone);
                now.remove(gone);
            }
        }
        for (InetSocketAddress added : addresses) {
            if (now.add(added)) {
                out.add(added);
            }
        }
    }

    public boolean isOpen(Key key) {
        return outputs.containsKey(key);
    }

    @Override
    public synchronized void close() {
        outputs.values().forEach(UdpFanOut::close);
        outputs.clear();
    }
}
