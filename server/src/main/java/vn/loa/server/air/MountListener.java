package vn.loa.server.air;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import vn.loa.core.media.OggOpusWriter;

/**
 * One stream box pulling its zone's mount over HTTP: the zone's Opus packets, put in Ogg pages for it alone, written
 * to its response. A box whose connection cannot keep up loses pages rather than delay them (it hears a gap, then
 * live audio again) and is never allowed to hold the server's memory.
 *
 * <p>{@link #audio} is called by the pacing thread and the mount's quiet timer, one at a time per listener.
 */
final class MountListener {

    private final String nodeId;
    private final String zone;
    private final InetSocketAddress from;
    private final HttpServerResponse response;
    private final Instant since;
    private final OggOpusWriter ogg;
    private final LongAdder bytes = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    MountListener(String nodeId, String zone, InetSocketAddress from, HttpServerResponse response, String title,
            Instant since) {
        this.nodeId = nodeId;
        this.zone = zone;
        this.from = from;
        this.response = response;
        this.since = since;
        this.ogg = new OggOpusWriter(title);
        write(ogg.drain());
    }

    String nodeId() {
        return nodeId;
    }

    String zone() {
        return zone;
    }

    InetSocketAddress from() {
        return from;
    }

    synchronized void audio(byte[] opus, boolean marker) {
        ogg.add(opus);
        byte[] pages = ogg.drain();
        if (pages.length > 0) {
            write(pages);
        }
    }

    private void write(byte[] pages) {
        if (response.closed() || response.writeQueueFull()) {
            dropped.increment();
            return;
        }
        response.write(Buffer.buffer(pages));
        bytes.add(pages.length);
    }

    JsonObject describe() {
        return new JsonObject().put("format", "opus").put("from", from.getAddress().getHostAddress() + ":"
                + from.getPort()).put("since", since.toString()).put("bytes", bytes.sum())
                .put("pagesDropped", dropped.sum());
    }

    void close() {
        if (!response.closed()) {
            response.end();
        }
    }
}
