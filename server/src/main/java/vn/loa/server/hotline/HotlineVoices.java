package vn.loa.server.hotline;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.air.LiveAir;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A hotline caller's voice heard by every member of a cluster (ADR 0049): the member that answered publishes the call
 * and then its 8 kHz audio over the clustered event bus; each member airs it on the zones it holds and keeps hearing
 * it, so a member that takes a zone over mid-call puts the caller back on air there. A call lives on its member: when
 * that member dies the others hear nothing more and end the call after {@link #LOST_AFTER_MS}.
 */
final class HotlineVoices {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineVoices.class);
    static final String CALLS = "loa.hotline.calls";
    private static final String VOICE = "loa.hotline.voice.";
    /** Silence this long from the answering member ends the call elsewhere: that member or its link is gone. */
    static final long LOST_AFTER_MS = 5_000;

    private final Vertx vertx;
    private final AnnouncementService announcements;
    private final LiveAir live;
    private final String self = UUID.randomUUID().toString();

    HotlineVoices(Vertx vertx, AnnouncementService announcements, LiveAir live) {
        this.vertx = vertx;
        this.announcements = announcements;
        this.live = live;
    }

    /** Hears the calls answered by the other members; only in a cluster. */
    void listen() {
        if (!vertx.isClustered()) {
            return;
        }
        vertx.eventBus().<JsonObject>consumer(CALLS, message -> {
            if (!self.equals(message.body().getString("from"))) {
                hear(message.body().getLong("id"));
            }
        });
    }

    /** The way out of this member for the voice of the call put on air as announcement {@code id}. */
    Outgoing publish(long id) {
        if (!vertx.isClustered()) {
            return new Outgoing(null, id);
        }
        vertx.eventBus().publish(CALLS, new JsonObject().put("id", id).put("from", self));
        return new Outgoing(vertx, id);
    }

    /** The voice of one call answered here, told to the other members as it arrives. */
    static final class Outgoing {
        private final Vertx vertx;
        private final String address;

        private Outgoing(Vertx vertx, long id) {
            this.vertx = vertx;
            this.address = VOICE + id;
        }

        void offer(short[] samples8k) {
            if (vertx != null) {
                vertx.eventBus().publish(address, encode(samples8k));
            }
        }

        /** The caller hung up: an empty message ends the call on every member. */
        void end() {
            if (vertx != null) {
                vertx.eventBus().publish(address, Buffer.buffer());
            }
        }
    }

    /** Airs another member's call here: on the zones held now, and on those taken over while it lasts. */
    private void hear(long id) {
        List<CallerVoice> voices = new CopyOnWriteArrayList<>();
        Supplier<MediaSource<PcmFrame>> source = () -> {
            CallerVoice voice = new CallerVoice(waited -> { });
            voices.add(voice);
            return voice;
        };
        long[] lastHeard = {System.nanoTime()};
        MessageConsumer<Buffer> consumer = vertx.eventBus().consumer(VOICE + id);
        long[] watch = new long[1];
        Runnable end = () -> {
            voices.forEach(CallerVoice::end);
            live.ended(id);
            consumer.unregister();
            vertx.cancelTimer(watch[0]);
        };
        consumer.handler(message -> {
            if (message.body().length() == 0) {
                end.run();
                return;
            }
            lastHeard[0] = System.nanoTime();
            short[] samples = decode(message.body());
            voices.forEach(v -> v.offer(samples));
        });
        watch[0] = vertx.setPeriodic(1_000, t -> {
            if ((System.nanoTime() - lastHeard[0]) / 1_000_000 > LOST_AFTER_MS) {
                LOG.warn("hotline call {}: its member went silent; the call ends here", id);
                end.run();
            }
        });
        vertx.executeBlocking(() -> {
            announcements.find(id).ifPresent(a -> live.continueHere(a, source, zone -> true));
            return null;
        }).onFailure(e -> LOG.warn("hotline call {} could not air on this member", id, e));
    }

    static Buffer encode(short[] samples) {
        Buffer buffer = Buffer.buffer(samples.length * 2);
        for (short s : samples) {
            buffer.appendShort(s);
        }
        return buffer;
    }

    static short[] decode(Buffer buffer) {
        short[] samples = new short[buffer.length() / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = buffer.getShort(i * 2);
        }
        return samples;
    }
}
