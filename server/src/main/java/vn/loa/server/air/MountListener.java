package vn.loa.server.air;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import vn.loa.core.media.IcyInterleaver;
import vn.loa.core.media.OggOpusWriter;

/**
 * One stream box pulling its zone's mount over HTTP, as Ogg Opus (the zone's Opus packets in Ogg pages made for it
 * alone) or as MP3 (the zone's one transcoding, with the notice's title in-band if it asked for ICY metadata). A box
 * whose connection cannot keep up loses audio rather than delay it, and never holds the server's memory.
 *
 * <p>{@link #opus} and {@link #mp3} are called by the pacing thread, the quiet timer and the transcoder's thread, one
 * at a time per listener (synchronised).
 */
final class MountListener {

    /** What the box asked for. */
    enum Format { OPUS, MP3 }

    private final String nodeId;
    private final String zone;
    private final Format format;
    private final InetSocketAddress from;
    private final HttpServerResponse response;
    private final Instant since;
    private final OggOpusWriter ogg;
    private final IcyInterleaver icy;
    private final LongAdder bytes = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    /**
     * @param icyInterval bytes of MP3 between two ICY metadata blocks, or 0 when the box did not ask for them
     */
    MountListener(String nodeId, String zone, Format format, InetSocketAddress from, HttpServerResponse response,
            String title, int icyInterval, Instant since) {
        this.nodeId = nodeId;
        this.zone = zone;
        this.format = format;
        this.from = from;
        this.response = response;
        this.since = since;
        this.ogg = format == Format.OPUS ? new OggOpusWriter(title) : null;
        this.icy = icyInterval > 0 ? new IcyInterleaver(icyInterval) : null;
        if (ogg != null) {
            write(ogg.drain());
        }
    }

    String nodeId() {
        return nodeId;
    }

    String zone() {
        return zone;
    }

    Format format() {
        return format;
    }

    InetSocketAddress from() {
        return from;
    }

    /** One 20 ms Opus packet of the zone (Ogg listeners). */
    synchronized void opus(byte[] packet) {
        ogg.add(packet);
        byte[] pages = ogg.drain();
        if (pages.length > 0) {
            write(pages);
        }
    }

    /** A piece of the zone's MP3, with the title on air now (MP3 listeners). */
    synchronized void mp3(byte[] audio, String title) {
        write(icy == null ? audio : icy.interleave(audio, title));
    }

    private void write(byte[] data) {
        if (response.closed() || response.writeQueueFull()) {
            dropped.increment();
            return;
        }
        response.write(Buffer.buffer(data));
        bytes.add(data.length);
    }

    JsonObject describe() {
        return new JsonObject().put("format", format.name().toLowerCase(java.util.Locale.ROOT))
                .put("from", from.getAddress().getHostAddress() + ":" + from.getPort()).put("since", since.toString())
                .put("bytes", bytes.sum()).put("writesDropped", dropped.sum());
    }

    void close() {
        if (!response.closed()) {
            response.end();
        }
    }
}
