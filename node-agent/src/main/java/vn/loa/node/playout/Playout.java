package vn.loa.node.playout;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.rtp.PlayoutDelay;
import vn.loa.wire.rtp.PlayoutSlot;
import vn.loa.wire.rtp.RtpJitterBuffer;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.node.media.PayloadDecoder;
import vn.loa.node.media.PayloadFormat;
import vn.loa.node.sink.AudioSink;

/**
 * The node's playout thread: takes received packets through a jitter buffer, decodes them on their turn and hands
 * the audio to the sink, cutting it into takes by the server's play and stop commands.
 *
 * <p>{@link #insert} (receiving thread) and {@link #command} (control channel) may be called from any thread; they
 * only queue under a lock. Decoding and the sink run on the playout thread outside the lock, because a sound card
 * write blocks. A command takes effect in the order it arrived among the packets: right after the last packet that
 * came before it is played. So a stop that arrives just after the last packet of an announcement ends the take after
 * that packet, however late the jitter buffer's schedule runs; a command with no packet before it waits the delay.
 */
public final class Playout implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Playout.class.getName());
    /** The longest timestamp gap filled with silence inside a take; a longer one is a new start, not a pause. */
    private static final long MAX_GAP_SECONDS = 5;
    /** How often the loop looks at waiting commands and silence timeouts while something is going on. */
    private static final long BUSY_WAKE = TimeUnit.MILLISECONDS.toNanos(20);
    /** The jitter buffer's delay follows the measured jitter between these (ADR 0026). */
    static final Duration MIN_DELAY = Duration.ofMillis(40);
    static final Duration MAX_DELAY = Duration.ofMillis(500);
    /** With nothing buffered, queued or open the loop sleeps until a packet or command wakes it. */
    private static final long QUIET_WAKE = TimeUnit.SECONDS.toNanos(1);

    private final TakeTracker takes;
    private final Duration delay;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ArrayDeque<TimedCommand> commands = new ArrayDeque<>();
    private final ArrayDeque<Stored> stored = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** When the control channel last came back (monotonic nanoseconds), for the playout thread to pass on; or -1. */
    private volatile long rejoined = -1;
    private long rejoinedSeen = -1;

    // Guarded by lock: the current stream's buffer.
    private RtpJitterBuffer buffer;
    /** Lost packets rebuilt from the next one's in-band FEC (Opus), since start; written by the playout thread. */
    private volatile long recovered;
    /** Late packets of the streams before this one. */
    private long lateBefore;
    private long bufferSsrc = -1;
    private PayloadFormat bufferFormat;
    /** Sequence numbers of the newest packet inserted and of the last slot played in this stream, or -1. */
    private int lastInserted = -1;
    private int lastPolled = -1;

    // Playout thread only: decoding state of the current stream.
    private final Map<PayloadFormat, PayloadDecoder> decoders = new EnumMap<>(PayloadFormat.class);
    private long streamGeneration;
    private long decodedGeneration = -1;
    private long expectedTimestamp = -1;
    private int lastSamples;

    /** A command and where it arrived: after packet {@code afterSequence} of stream {@code generation} (or -1). */
    private record TimedCommand(ControlMessage message, long arrival, long due, long generation, int afterSequence) {
    }

    /** Audio the node fetched ahead, due now (store-and-forward). */
    private record Stored(String announcement, short[] samples, int sampleRate) {
    }

    /** @param packetSamples the audio a packet of the stream holds (20, 40 or 60 ms), for a lost one's stand-in */
    private record Due(PlayoutSlot slot, PayloadFormat format, long generation, TimedCommand command, Stored stored,
            int packetSamples) {
    }

    /**
     * @param sink where the audio goes
     * @param reports what to do with each announcement's outcome (send it to the server)
     * @param delay the jitter buffer's playout delay at first; it then follows the measured jitter
     * @param streamSilence how long an unannounced stream may pause before its take ends
     */
    public Playout(AudioSink sink, Consumer<Played> reports, Duration delay, Duration streamSilence) {
        this.takes = new TakeTracker(sink, reports, streamSilence, streamSilence.multipliedBy(15).plusSeconds(30),
                this::delayMillis);
        this.delay = delay;
        this.capacity = (int) Math.max(50, max(MAX_DELAY, delay).toMillis() / 10 + 50); // room for bursts past the delay
        this.thread = new Thread(this::run, "loa-playout");
    }

    public void start() {
        thread.start();
    }

    /** Queues a packet that arrived at {@code arrival} (monotonic nanoseconds) in the given format. */
    public void insert(RtpPacket packet, PayloadFormat format, long arrival) {
        lock.lock();
        try {
            if (buffer == null || packet.ssrc() != bufferSsrc || format.clockRate() != bufferFormat.clockRate()) {
                lateBefore += buffer == null ? 0 : buffer.late();
                buffer = new RtpJitterBuffer(format.clockRate(), new PlayoutDelay(min(MIN_DELAY, delay), delay,
                        max(MAX_DELAY, delay)), capacity);
                bufferSsrc = packet.ssrc();
                streamGeneration++;
                lastInserted = -1;
                lastPolled = -1;
            }
            bufferFormat = format;
            long retimedBefore = buffer.retimed();
            buffer.insert(packet, arrival);
            if (buffer.retimed() != retimedBefore) {
                LOG.log(Level.INFO, "bộ đệm chống rung lấy mốc lại / jitter buffer re-timed at packet {0} (delay {1} ms)",
                        Integer.toString(packet.sequenceNumber()), Long.toString(buffer.delayNanos() / 1_000_000));
            }
            if (lastInserted < 0 || (short) (packet.sequenceNumber() - lastInserted) > 0) {
                lastInserted = packet.sequenceNumber();
            }
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Queues a play or stop command that arrived at {@code arrival}; other messages are ignored. */
    public void command(ControlMessage message, long arrival) {
        if (!(message instanceof Play || message instanceof Stop)) {
            return;
        }
        lock.lock();
        try {
            commands.add(new TimedCommand(message, arrival, arrival + currentDelay(), streamGeneration, lastInserted));
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Plays audio the node stored ahead of its time as one take of {@code announcement}, now, on the playout thread;
     * a live take that is open ends first. Its report says PLAYED once it has all gone to the sink.
     */
    public void playStored(String announcement, short[] samples, int sampleRate) {
        lock.lock();
        try {
            stored.add(new Stored(announcement, samples, sampleRate));
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Lost or late packets rebuilt from the next packet's in-band FEC rather than concealed, since start. */
    public long recovered() {
        return recovered;
    }

    /** Whether a take is open: the node is playing or recording. */
    public boolean playing() {
        return takes.playing();
    }

    /** How many takes (plays of a stream or of a stored file) have begun since the agent started. */
    public long takesOpened() {
        return takes.takesOpened();
    }

    /** Packets the jitter buffer dropped as late (they came after their turn, and were concealed), since start. */
    public long late() {
        lock.lock();
        try {
            return lateBefore + (buffer == null ? 0 : buffer.late());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        takes.close();
    }

    private void run() {
        while (running) {
            List<Due> due = collectDue(System.nanoTime());
            for (Due item : due) {
                try {
                    handle(item);
                } catch (RuntimeException e) {
                    // One bad packet or command must not silence the node for the rest of the day.
                    LOG.log(Level.WARNING, "bỏ qua / skipped " + item + ": " + e);
                }
            }
            long back = rejoined;
            if (back != rejoinedSeen) {
                rejoinedSeen = back;
                takes.rejoined(back);
            }
            takes.tick(System.nanoTime());
        }
    }

    /** The control channel came back (a welcome after a drop): see {@link TakeTracker#rejoined}. */
    public void rejoined() {
        rejoined = System.nanoTime();
    }

    /** Under the lock: what is due now, commands and slots in the order they were heard; waits when nothing is. */
    private List<Due> collectDue(long now) {
        List<Due> due = new ArrayList<>();
        lock.lock();
        try {
            while (!stored.isEmpty()) {
                due.add(new Due(null, null, 0, null, stored.poll(), 0));
            }
            while (true) {
                long nextSlot = buffer == null ? Long.MAX_VALUE : buffer.nextDueTime();
                TimedCommand command = commands.peek();
                if (command != null && ready(command, now)) {
                    due.add(new Due(null, null, 0, commands.poll(), null, 0));
                    continue;
                }
                PlayoutSlot slot = buffer == null ? null : buffer.poll(now);
                if (slot == null) {
                    break;
                }
                lastPolled = (int) slot.sequence();
                int packetSamples = (int) (buffer.packetUnits() * bufferFormat.sampleRate() / bufferFormat.clockRate());
                due.add(new Due(slot, bufferFormat, streamGeneration, null, null, packetSamples));
            }
            if (due.isEmpty()) {
                long next = buffer == null ? Long.MAX_VALUE : buffer.nextDueTime();
                boolean busy = next != Long.MAX_VALUE || !commands.isEmpty() || takes.playing();
                long wait = Math.min(busy ? BUSY_WAKE : QUIET_WAKE, next - now);
                if (wait > 0 && running) {
                    wake.awaitNanos(wait);
                }
            }
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return due;
    }

    /** Under the lock: whether the packets that came before {@code command} have all been played. */
    private boolean ready(TimedCommand command, long now) {
        if (command.generation() != streamGeneration || command.afterSequence() < 0) {
            return command.due() <= now; // no packet of this stream came before it: wait as long as audio would
        }
        if (lastPolled >= 0 && (short) (lastPolled - command.afterSequence()) >= 0) {
            return true;
        }
        return command.due() + currentDelay() <= now; // that packet never plays (dropped): do not wait forever
    }

    /** Under the lock: the jitter buffer's delay now (it follows the measured jitter), or the initial one. */
    private long currentDelay() {
        return buffer == null ? delay.toNanos() : buffer.delayNanos();
    }

    /** The jitter buffer's delay now, in milliseconds: what the link's jitter costs in latency. */
    public long delayMillis() {
        lock.lock();
        try {
            return currentDelay() / 1_000_000;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void handle(Due item) {
        if (item.stored() != null) {
            takes.stored(item.stored().announcement(), item.stored().samples(), item.stored().sampleRate(),
                    System.nanoTime());
            return;
        }
        if (item.command() != null) {
            if (item.command().message() instanceof Play play) {
                takes.play(play, System.nanoTime(), item.command().arrival());
            } else if (item.command().message() instanceof Stop stop) {
                takes.stop(stop);
            }
            return;
        }
        if (item.generation() != decodedGeneration) {
            decoders.clear(); // a new stream: decoder state and timestamps start afresh
            decodedGeneration = item.generation();
            expectedTimestamp = -1;
        }
        PayloadFormat format = item.format();
        PayloadDecoder decoder = decoders.computeIfAbsent(format, PayloadFormat::newDecoder);
        PlayoutSlot slot = item.slot();
        long now = System.nanoTime();
        if (slot.lost()) {
            // As long as the packet before it (a 60 ms Opus packet stands in for 60 ms), or as the stream's packets are.
            int samples = lastSamples > 0 ? lastSamples : item.packetSamples();
            if (expectedTimestamp >= 0) {
                expectedTimestamp = (expectedTimestamp + samples) & 0xFFFF_FFFFL;
            }
            if (slot.next() != null && decoder.recovers()) {
                takes.recovered(decoder.recover(slot.next().payload(), samples), format.sampleRate(), now);
                recovered++;
            } else {
                takes.audio(decoder.conceal(samples), format.sampleRate(), 0, true, now);
            }
            return;
        }
        RtpPacket packet = slot.packet();
        short[] pcm = decoder.decode(packet.payload());
        long gap = 0;
        if (expectedTimestamp >= 0) {
            int units = (int) (packet.timestamp() - expectedTimestamp); // signed 32-bit: copes with wrap-around
            if (units > 0 && units <= MAX_GAP_SECONDS * format.clockRate()) {
                gap = (long) units * format.sampleRate() / format.clockRate();
            }
        }
        lastSamples = pcm.length;
        expectedTimestamp = (packet.timestamp() + (long) pcm.length * format.clockRate() / format.sampleRate())
                & 0xFFFF_FFFFL;
        takes.audio(pcm, format.sampleRate(), gap, false, now);
    }
}
