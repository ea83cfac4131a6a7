package vn.loa.wire.pcm;

/**
 * A pull-based stream of media units (PCM frames, encoded frames, RTP packets): every pipeline stage is one, reading
 * from the stage before it.
 *
 * <p>Not thread-safe: one consumer pulls in order. Pulling does the work, so a stream that nobody pulls is paused,
 * which is how the arbiter holds a preempted programme.
 */
public interface MediaSource<T> extends AutoCloseable {

    /** The next unit, or {@code null} once the stream has ended (and on every call after). */
    T pull();

    /** Releases files or decoders; closing a stage closes its upstream. */
    @Override
    default void close() {
    }
}
