package vn.loa.display.ddp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A DDP receiver as an LED controller behaves: writes each packet's data at its offset into a frame buffer and shows
 * (here: queues a copy of) the frame when a packet carries the push flag. For tests.
 */
public final class DdpReceiver implements AutoCloseable {

    private final DatagramChannel channel;
    private final byte[] buffer;
    private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private final Thread thread;

    public DdpReceiver(int frameBytes) throws IOException {
        this.channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        this.buffer = new byte[frameBytes];
        this.thread = new Thread(this::run, "ddp-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** The next pushed frame, or null after the timeout. */
    public byte[] nextFrame(long seconds) throws InterruptedException {
        return frames.poll(seconds, TimeUnit.SECONDS);
    }

    private void run() {
        ByteBuffer in = ByteBuffer.allocate(2048);
        while (channel.isOpen()) {
            try {
                in.clear();
                channel.receive(in);
                in.flip();
                DdpPacket p = DdpPacket.decode(in);
                System.arraycopy(p.data(), 0, buffer, p.offset(), Math.min(p.data().length, buffer.length - p.offset()));
                if (p.push()) {
                    frames.add(buffer.clone());
                }
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
