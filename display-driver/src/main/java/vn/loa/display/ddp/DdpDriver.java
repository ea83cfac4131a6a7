package vn.loa.display.ddp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
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
 * as DDP packets to the board's controller, from one socket.
 *
 * <p>One daemon thread does all the work, so sources are never called concurrently; {@link #show} and {@link #remove}
 * may be called from any thread. A tick that overruns its period is counted, and the next tick follows at once
 * rather than piling up.
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
    private final Map<String, Output> outputs = new ConcurrentHashMap<>();
    private final DatagramChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(DdpPacket.HEADER_LENGTH + DdpPacket.MAX_DATA);
    private final ScheduledExecutorService ticker;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private long frameNumber;

    public DdpDriver(int fps) {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("DDP frame rate must be 1-120, was " + fps);
        }
        this.fps = fps;
        try {
            this.channel = DatagramChannel.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for DDP", e);
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loa-ddp");
            t.setDaemon(true);
            return t;
        });
        long period = 1_000_000_000L / fps;
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    public int fps() {
        return fps;
    }

    /** Starts (or changes) what a board shows; the target must be resolved. */
    public void show(String boardId, InetSocketAddress target, FrameSource source) {
        InetSocketAddress resolved = target.isUnresolved() ? new InetSocketAddress(target.getHostString(), target.getPort())
                : target;
        outputs.put(boardId, new Output(resolved, source, new int[1]));
    }

    public void remove(String boardId) {
        outputs.remove(boardId);
    }

    public Stats stats() {
        return new Stats(frames.get(), packets.get(), late.get(), errors.get());
    }

    private void tick() {
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

    private void send(Output out, byte[] rgb) throws IOException {
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

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the DDP socket", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
