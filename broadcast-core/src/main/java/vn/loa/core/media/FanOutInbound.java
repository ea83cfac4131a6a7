package vn.loa.core.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What arrives on a {@link UdpFanOut}'s port (node agents' keepalives, which open their NAT's path back to them) goes
 * to its listener; a failure is counted: an unreachable node or a listener's fault must not close the sending socket.
 *
 * <p>Runs on the fan-out's sending threads: the listener must be quick.
 */
@ChannelHandler.Sharable
final class FanOutInbound extends ChannelInboundHandlerAdapter {

    /** The largest datagram passed to the listener; a keepalive is under a hundred bytes. */
    private static final int MAX_INBOUND = 512;

    private final Supplier<BiConsumer<InetSocketAddress, byte[]>> listener;
    private final LongAdder failures;

    FanOutInbound(Supplier<BiConsumer<InetSocketAddress, byte[]>> listener, LongAdder failures) {
        this.listener = listener;
        this.failures = failures;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet) {
            try {
                ByteBuf content = packet.content();
                if (content.readableBytes() <= MAX_INBOUND) {
                    byte[] bytes = new byte[content.readableBytes()];
                    content.getBytes(content.readerIndex(), bytes);
                    listener.get().accept(packet.sender(), bytes);
                }
            } catch (RuntimeException e) {
                failures.increment();
            } finally {
                packet.release();
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failures.increment();
    }
}
