package vn.loa.server.air;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.loa.core.media.StreamCodec;

/**
 * Each zone's live audio as an HTTP stream, for speaker boxes that pull a URL themselves (most 4G boxes sold in
 * Vietnam do: they cross any NAT because they open the connection). A zone's mount is fed by the zone's plain Opus
 * stream, so what it carries is exactly what the zone's RTP carries: the same arbiter, an emergency preempts a
 * programme on both at the same packet.
 *
 * <p>Thread-safe. Listeners come and go on event loops; packets arrive on the pacing thread.
 */
public final class ZoneMounts {

    private final Vertx vertx;
    private final ZoneStreams streams;
    private final Clock clock;
    private final Map<String, Mount> mounts = new ConcurrentHashMap<>();
    private final Map<String, MountListener> byNode = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, MountListener> byAddress = new ConcurrentHashMap<>();
    /** Residents listening live on the public page, per zone (issue 21): not nodes, never more than the cap. */
    private final Map<String, java.util.Set<MountListener>> residents = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger residentCount = new java.util.concurrent.atomic.AtomicInteger();
    /** The title of what each zone's Opus stream airs now, for the MP3 listeners' ICY metadata. */
    private final Map<String, OnAirNow> titles = new ConcurrentHashMap<>();

    private record OnAirNow(long announcement, String title) {
    }

    ZoneMounts(Vertx vertx, ZoneStreams streams, Clock clock) {
        this.vertx = vertx;
        this.streams = streams;
        this.clock = clock;
    }

    /** The stream a zone's mount is fed from: its plain Opus stream, which stream boxes are counted on. */
    static ZoneStreams.Key keyOf(String zone) {
        return new ZoneStreams.Key(zone, StreamCodec.OPUS, false);
    }

    /**
     * A box starts listening; a box of the same node already listening is dropped (it reconnected).
     *
     * @throws java.io.IOException when the zone's MP3 transcoding cannot start
     */
    void join(String zone, MountListener listener) throws java.io.IOException {
        MountListener old = byNode.get(listener.nodeId());
        if (old != null) {
            leave(old);
            old.close();
        }
        mounts.computeIfAbsent(zone, z -> new Mount(vertx, streams, z, () -> title(z))).add(listener);
        byNode.put(listener.nodeId(), listener);
        byAddress.put(listener.from(), listener);
    }

    /**
     * The delivery id of a zone's residents on the public page: while one listens, they are one target of the zone's
     * notices (a stream node of their own), so a zone with no stream box still feeds its mount, and the log says
     * the page carried it.
     */
    public static final String RESIDENTS = "nghe:";

    /**
     * A resident starts listening to a zone's live audio on the public page; empty when {@code max} listen already.
     * The answer runs once when they stop (their connection closed).
     *
     * @throws java.io.IOException when the zone's MP3 transcoding cannot start
     */
    public Optional<Runnable> hear(String zone, String zoneName, boolean mp3,
            io.vertx.core.http.HttpServerResponse response, InetSocketAddress from, int max) throws java.io.IOException {
        if (residentCount.incrementAndGet() > max) {
            residentCount.decrementAndGet();
            return Optional.empty();
        }
        MountListener listener = new MountListener(RESIDENTS + zone, zone, mp3 ? MountListener.Format.MP3
                : MountListener.Format.OPUS, from, response, zoneName, 0, clock.instant());
        try {
            mounts.computeIfAbsent(zone, z -> new Mount(vertx, streams, z, () -> title(z))).add(listener);
        } catch (java.io.IOException | RuntimeException e) {
            residentCount.decrementAndGet();
            throw e;
        }
        residents.computeIfAbsent(zone, z -> ConcurrentHashMap.newKeySet()).add(listener);
        // Marks the residents' target as an HTTP listener: the zone's streams never send it UDP.
        byAddress.put(residentsAt(zone), listener);
        java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
        return Optional.of(() -> {
            if (left.compareAndSet(false, true)) {
                residentCount.decrementAndGet();
                residents.computeIfPresent(zone, (z, set) -> {
                    set.remove(listener);
                    if (set.isEmpty()) {
                        byAddress.remove(residentsAt(zone));
                        return null;
                    }
                    return set;
                });
                Mount mount = mounts.get(zone);
                if (mount != null) {
                    mount.remove(listener);
                }
            }
        });
    }

    /** People listening live on the public page now, over every zone. */
    public int residents() {
        return residentCount.get();
    }

    /** The address that stands for a zone's residents in the streams' destinations; never sent to. */
    private static InetSocketAddress residentsAt(String zone) {
        return InetSocketAddress.createUnresolved("nghe." + zone, 0);
    }

    /** A box stopped listening (its connection closed). */
    void leave(MountListener listener) {
        byNode.remove(listener.nodeId(), listener);
        byAddress.remove(listener.from(), listener);
        Mount mount = mounts.get(listener.zone());
        if (mount != null) {
            mount.remove(listener);
        }
    }

    /** Announcement {@code id}, titled so, went on air in the zone's stream: the title its MP3 stream carries. */
    void onAir(String zone, long id, String title) {
        titles.put(zone, new OnAirNow(id, title));
    }

    /** Announcement {@code id} left the zone's stream; its title goes with it unless another took over. */
    void offAir(String zone, long id) {
        titles.computeIfPresent(zone, (z, now) -> now.announcement() == id ? null : now);
    }

    private String title(String zone) {
        OnAirNow now = titles.get(zone);
        return now == null ? null : now.title();
    }

    /** Where a stream box listens from now, if it does: its delivery's address. */
    Optional<InetSocketAddress> listening(String nodeId) {
        if (nodeId.startsWith(RESIDENTS)) {
            String zone = nodeId.substring(RESIDENTS.length());
            return residents.containsKey(zone) ? Optional.of(residentsAt(zone)) : Optional.empty();
        }
        return Optional.ofNullable(byNode.get(nodeId)).map(MountListener::from);
    }

    /** Whether {@code address} is a listening box's connection rather than an RTP receiver. */
    boolean isListener(InetSocketAddress address) {
        return !byAddress.isEmpty() && byAddress.containsKey(address);
    }

    /** What a technician sees of a stream box: its format, where from, since when, bytes sent; null when it is not listening. */
    JsonObject describe(String nodeId) {
        MountListener listener = byNode.get(nodeId);
        return listener == null ? null : listener.describe();
    }

    Clock clock() {
        return clock;
    }

    void close() {
        mounts.values().forEach(Mount::close);
        byNode.values().forEach(MountListener::close);
    }
}
