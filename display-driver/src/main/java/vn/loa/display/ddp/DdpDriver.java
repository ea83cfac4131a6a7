package vn.loa.display.ddp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives LED matrices over DDP: at a set frame rate, asks each board's {@link FrameSource} for its frame and sends it
 * as DDP packets to the board's controller.
 *
 * <p>Boards are spread over {@code lanes}, each one daemon thread with its own socket, because a frame is ~70
 * datagrams and a datagram costs a system call: one thread does not carry 100 boards at 30 frames/s. A board always
 * stays in its lane, so its source is never called concurrently. {@link #show} and {@link #remove} may be called from
 * any thread. A tick that overruns its period is counted, and the next follows at once rather than piling up.
 */
public final class DdpDriver implements AutoCloseable {

    /** What a board shows, frame by frame: RGB bytes of its panel (see {@link LedFrame}). */
    public interface FrameSource {
        byte[] frame(long frameNumber);
    }

    /** Counters since start: frames and packets sent, ticks that overran, send errors. */
    public record Stats(long frames, long packets, long lateTicks, long errors) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DdpDriver.class);

    private record Output(InetSocketAddress target, FrameSource source, int[] sequence) {
    }

    private final int fps;
    private final List<Lane> lanes = new ArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    /** One lane: enough for a few dozen boards. */
    public DdpDriver(int fps) {
        this(fps, 1);
    }

    public DdpDriver(int fps, int lanes) {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("DDP frame rate must be 1-120, was " + fps);
        }
        if (lanes < 1 || lanes > 64) {
            throw new IllegalArgumentException("DDP lanes must be 1-64, was " + lanes);
        }
        this.fps = fps;
        for (int i = 0; i < lanes; i++) {
            this.lanes.add(new Lane(i));
        }
    }

    public int fps() {
        return fps;
    }

    /** Starts (or changes) what a board shows; an unresolved target is resolved here. */
    public void show(String boardId, InetSocketAddress target, FrameSource source) {
        InetSocketAddress resolved = target.isUnresolved() ? new InetSocketAddress(target.getHostString(), target.getPort())
                : target;
        lane(boardId).outputs.put(boardId, new Output(resolved, source, new int[1]));
    }

    public void remove(String boardId) {
        lane(boardId).outputs.remove(boardId);
    }

    public Stats stats() {
        return new Stats(frames.get(), packets.get(), late.get(), errors.get());
    }

    private Lane lane(String boardId) {
        return lanes.get(Math.floorMod(boardId.hashCode(), lanes.size()));
    }

    @Override
    public void close() {
        lanes.forEach(Lane::close);
    }

    /** One thread, one socket, one buffer, and the boards hashed to it. */
    private final class Lane {
        final Map<String, Output> outputs = new ConcurrentHashMap<>();
        final DatagramChannel channel;
        final ByteBuffer buffer = ByteBuffer.allocateDirect(DdpPacket.HEADER_LENGTH + DdpPacket.MAX_DATA);
        final ScheduledExecutorService ticker;
        long frameNumber;

        Lane(int index) {
            try {
                this.channel = DatagramChannel.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a UDP socket for DDP", e);
            }
            this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "loa-ddp-" + index);
                t.setDaemon(true);
                return t;
            });
            long period = 1_000_000_000L / fps;
            ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
        }

        void tick() {
            long started = System.nanoTime();
            long n = frameNumber++;
            for (Map.Entry<String, Output> e : outputs.entrySet()) {
                Output out = e.getValue();
                try {
                    send(out, out.source().frame(n));
                } catch (IOException | RuntimeException ex) {
                    if (errors.incrementAndGet() % 1000 == 1) {
                        LOG.warn("DDP frame for board {} failed: {}", e.getKey(), ex.toString());
                    }
                }
            }
            if (System.nanoTime() - started > 1_000_000_000L / fps) {
                late.incrementAndGet();
            }
        }

        void send(Output out, byte[] rgb) throws IOException {
            int sequence = out.sequence()[0] % 15 + 1;
            out.sequence()[0] = sequence;
            int count = DdpPacketizer.packetCount(rgb.length);
            for (int i = 0; i < count; i++) {
                DdpPacketizer.packet(rgb, i, sequence, buffer);
                channel.send(buffer, out.target());
            }
            packets.addAndGet(count);
            frames.incrementAndGet();
        }

        void close() {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(2, TimeUnit.SECONDS);
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a DDP socket", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
