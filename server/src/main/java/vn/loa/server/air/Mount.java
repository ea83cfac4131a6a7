package vn.loa.server.air;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.loa.core.media.codec.OpusAudioEncoder;
import vn.loa.core.rtp.RtpPacket;

/**
 * One zone's HTTP mount: hears every packet of the zone's plain Opus stream and hands its payload to each listener.
 * While the zone is quiet it sends silence at the same pace, so a box's player keeps its connection and its buffer
 * (many close a stream that stops sending) and hears the next notice as soon as it starts.
 *
 * <p>Packets arrive on the pacing thread, silence on a Vert.x timer; each listener orders the two itself.
 */
final class Mount {

    /** How often the quiet check runs, and how much silence it sends when the zone is quiet. */
    private static final long QUIET_TICK_MILLIS = 100;
    private static final int PACKETS_PER_TICK = 5;
    /** One 20 ms Opus packet of silence, encoded once. */
    private static final byte[] SILENCE = OpusAudioEncoder.forSpeech(16_000).encode(new short[960]);

    private final Vertx vertx;
    private final List<MountListener> listeners = new CopyOnWriteArrayList<>();
    private final long timer;
    private volatile long lastPacket;

    Mount(Vertx vertx, ZoneStreams streams, ZoneStreams.Key key) {
        this.vertx = vertx;
        streams.tap(key, this::packet);
        this.timer = vertx.setPeriodic(QUIET_TICK_MILLIS, t -> fillQuiet());
    }

    void add(MountListener listener) {
        listeners.add(listener);
    }

    void remove(MountListener listener) {
        listeners.remove(listener);
    }

    private void packet(RtpPacket packet) {
        lastPacket = System.nanoTime();
        byte[] payload = packet.payload();
        for (MountListener listener : listeners) {
            listener.audio(payload, packet.marker());
        }
    }

    private void fillQuiet() {
        if (listeners.isEmpty() || System.nanoTime() - lastPacket < 2 * QUIET_TICK_MILLIS * 1_000_000) {
            return;
        }
        for (MountListener listener : listeners) {
            for (int i = 0; i < PACKETS_PER_TICK; i++) {
                listener.audio(SILENCE, false);
            }
        }
    }

    void close() {
        vertx.cancelTimer(timer);
    }
}
