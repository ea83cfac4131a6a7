package vn.loa.server.programme;

import java.util.Arrays;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * Crossfades one piece of music into the next (recordings and jingles of a session): the last {@code fade} samples of
 * an item are held back, and the next item's first samples are mixed with them, the old fading out as the new fades
 * in. The two overlap, so a session with crossfades is shorter by one fade per join; fixed-time items keep their
 * second because the player counts what it actually aired. An item shorter than two fades is not faded.
 *
 * <p>Used by one maker thread, for one session.
 */
final class Crossfader {

    private final int fade;
    private short[] tail = new short[0];

    /** @param fade samples of overlap at the session's rate (0: hard cuts) */
    Crossfader(int fade) {
        this.fade = fade;
    }

    /** Plays a music item into {@code sink}: its head mixed with the held tail, its own end held back. */
    void play(MediaSource<PcmFrame> source, ItemSink sink) {
        short[] held = tail;
        tail = new short[0];
        short[] pending = new short[0];
        int mixed = 0;
        long total = 0;
        try (source) {
            for (PcmFrame f = source.pull(); f != null; f = source.pull()) {
                total += f.length();
                pending = join(pending, f.samples());
                if (pending.length > 2 * fade) {
                    int out = pending.length - fade;
                    mixed = emit(Arrays.copyOf(pending, out), held, mixed, sink);
                    pending = Arrays.copyOfRange(pending, out, pending.length);
                }
            }
        }
        if (total < 2L * fade) {
            mixed = emit(pending, held, mixed, sink);
            finishFade(held, mixed, sink);
            return;
        }
        int out = pending.length - fade;
        mixed = emit(Arrays.copyOf(pending, out), held, mixed, sink);
        finishFade(held, mixed, sink);
        tail = Arrays.copyOfRange(pending, out, pending.length);
    }

    /** Writes the held tail as it is (the next item is not music, or comes after a gap). */
    void flush(ItemSink sink) {
        short[] held = tail;
        tail = new short[0];
        if (held.length > 0) {
            sink.accept(new PcmFrame(held, SessionPlayer.RATE, 0));
        }
    }

    /** Forgets the held tail (its item was cut). */
    void drop() {
        tail = new short[0];
    }

    /** Writes {@code samples}, the first of them mixed with what is left of {@code held}; returns how much is mixed. */
    private int emit(short[] samples, short[] held, int mixed, ItemSink sink) {
        short[] out = samples.clone();
        for (int i = 0; i < out.length && mixed < held.length; i++, mixed++) {
            double in = (double) mixed / held.length;
            out[i] = clip(out[i] * in + held[mixed] * (1 - in));
        }
        if (out.length > 0) {
            sink.accept(new PcmFrame(out, SessionPlayer.RATE, 0));
        }
        return mixed;
    }

    /** The old item's tail that the new one was too short to cover, faded out alone. */
    private static void finishFade(short[] held, int mixed, ItemSink sink) {
        if (mixed >= held.length) {
            return;
        }
        short[] rest = new short[held.length - mixed];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = clip(held[mixed + i] * (1 - (double) (mixed + i) / held.length));
        }
        sink.accept(new PcmFrame(rest, SessionPlayer.RATE, 0));
    }

    private static short[] join(short[] a, short[] b) {
        short[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static short clip(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
