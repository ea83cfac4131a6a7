package vn.loa.server.air;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.media.Mp3Transcoder;
import vn.loa.core.media.OggOpusWriter;
import vn.loa.wire.codec.OpusAudioEncoder;
import vn.loa.wire.rtp.RtpPacket;

/**
 * One zone's HTTP mount: hears every packet of the zone's plain Opus stream and passes it to each Ogg listener, and
 * to one MP3 transcoding shared by the MP3 listeners (started with the first, stopped with the last). While the zone
 * is quiet it sends silence at the same pace, so a box's player keeps its connection (many close a stream that stops)
 * and hears the next notice as soon as it starts.
 *
 * <p>Packets arrive on the pacing thread, silence on a Vert.x timer, MP3 on the transcoder's thread.
 */
final class Mount {

    private static final Logger LOG = LoggerFactory.getLogger(Mount.class);
    /** How often the quiet check runs, and how much silence it sends when the zone is quiet. */
    private static final long QUIET_TICK_MILLIS = 100;
    private static final int PACKETS_PER_TICK = 5;
    /** One 20 ms Opus packet of silence, encoded once. */
    private static final byte[] SILENCE = OpusAudioEncoder.forSpeech(16_000).encode(new short[960]);

    private final Vertx vertx;
    private final String zone;
    private final Supplier<String> title;
    private final List<MountListener> listeners = new CopyOnWriteArrayList<>();
    private final long timer;
    private volatile long lastPacket;
    /** The MP3 listeners' transcoding and the Ogg stream it reads; null while no box listens in MP3. */
    private Mp3Transcoder transcoder;
    private OggOpusWriter toTranscoder;

    Mount(Vertx vertx, ZoneStreams streams, String zone, Supplier<String> title) {
        this.vertx = vertx;
        this.zone = zone;
        this.title = title;
        streams.tap(ZoneMounts.keyOf(zone), this::packet);
        this.timer = vertx.setPeriodic(QUIET_TICK_MILLIS, t -> fillQuiet());
    }

    synchronized void add(MountListener listener) throws IOException {
        if (listener.format() == MountListener.Format.MP3 && transcoder == null) {
            toTranscoder = new OggOpusWriter(zone);
            transcoder = Mp3Transcoder.start(this::mp3);
            transcoder.write(toTranscoder.drain());
        }
        listeners.add(listener);
    }

    synchronized void remove(MountListener listener) {
        listeners.remove(listener);
        if (transcoder != null && listeners.stream().noneMatch(l -> l.format() == MountListener.Format.MP3)) {
            transcoder.close();
            transcoder = null;
            toTranscoder = null;
        }
    }

    private void packet(RtpPacket packet) {
        lastPacket = System.nanoTime();
        feed(packet.payload());
    }

    private synchronized void feed(byte[] opus) {
        for (MountListener listener : listeners) {
            if (listener.format() == MountListener.Format.OPUS) {
                listener.opus(opus);
            }
        }
        if (transcoder != null) {
            toTranscoder.add(opus);
            transcoder.write(toTranscoder.drain());
        }
    }

    private void mp3(byte[] audio) {
        String now = title.get();
        for (MountListener listener : listeners) {
            if (listener.format() == MountListener.Format.MP3) {
                listener.mp3(audio, now);
            }
        }
    }

    private void fillQuiet() {
        if (listeners.isEmpty() || System.nanoTime() - lastPacket < 2 * QUIET_TICK_MILLIS * 1_000_000) {
            return;
        }
        for (int i = 0; i < PACKETS_PER_TICK; i++) {
            feed(SILENCE);
        }
        Mp3Transcoder running = transcoder;
        if (running != null && !running.running()) {
            LOG.warn("the MP3 stream of zone {} stopped (ffmpeg ended); its boxes reconnect to a new one", zone);
            listeners.stream().filter(l -> l.format() == MountListener.Format.MP3).forEach(MountListener::close);
        }
    }

    synchronized void close() {
        vertx.cancelTimer(timer);
        if (transcoder != null) {
            transcoder.close();
        }
    }
}
