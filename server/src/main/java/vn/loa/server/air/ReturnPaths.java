package vn.loa.server.air;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import vn.loa.wire.control.Keepalive;
import vn.loa.wire.control.KeepaliveCodec;
import vn.loa.wire.control.MalformedControlMessage;

/**
 * Symmetric RTP for Loa's node agents: each keepalive an agent sends from its RTP socket to its stream's port tells
 * where its NAT (a 4G carrier's, a commune router's) maps that socket today; the stream is sent there from then on, and
 * the keepalive is answered on the same path so the agent knows UDP works both ways.
 *
 * <p>Only a keepalive signed with the agent's session key moves its stream, and only one newer than the last: a
 * spoofed or replayed datagram cannot steal a node's audio. Called on the fan-out threads; quick and lock-free but
 * for one session's own lock. At most {@value #CHECKS_PER_SECOND} signatures are checked a second: a flood of forged
 * keepalives cannot take the sending threads' time from the audio (agents whose keepalives it crowds out take their
 * audio over their control connection meanwhile).
 */
final class ReturnPaths {

    /** Ten thousand agents send about 700 a second. */
    static final int CHECKS_PER_SECOND = 5_000;
    private final java.util.concurrent.atomic.AtomicLong window = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();

    private final NodeSessions sessions;
    private final Clock clock;
    private final LongAdder taken = new LongAdder();
    private final LongAdder refused = new LongAdder();

    ReturnPaths(NodeSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A datagram arrived on a stream's port from {@code sender}; {@code reply} sends from that port. */
    void heard(InetSocketAddress sender, byte[] datagram, BiConsumer<InetSocketAddress, byte[]> reply) {
        if (!KeepaliveCodec.looksLikeKeepalive(datagram) || !mayCheck()) {
            refused.increment();
            return;
        }
        AtomicReference<NodeSession> session = new AtomicReference<>();
        Keepalive keepalive;
        try {
            keepalive = KeepaliveCodec.decode(datagram, id -> sessions.find(id).map(s -> {
                session.set(s);
                return s.keepaliveKey();
            }));
        } catch (MalformedControlMessage e) {
            refused.increment();
            return;
        }
        if (keepalive.answer() || !sessions.keptAlive(session.get(), keepalive.counter(), sender, clock.instant())) {
            refused.increment();
            return;
        }
        taken.increment();
        if (keepalive.report() != null && !keepalive.report().reports().isEmpty()) {
            sessions.reported(session.get(), keepalive.report().reports().get(0), clock.instant());
        }
        reply.accept(sender, KeepaliveCodec.encode(keepalive.answered(), session.get().keepaliveKey()));
    }

    /** Whether another signature may be checked this second. */
    private boolean mayCheck() {
        long second = clock.millis() / 1000;
        if (window.getAndSet(second) != second) {
            checks.set(0);
        }
        return checks.incrementAndGet() <= CHECKS_PER_SECOND;
    }

    /** Keepalives taken, and datagrams refused (not a keepalive, unsigned, replayed) since start. */
    long taken() {
        return taken.sum();
    }

    long refused() {
        return refused.sum();
    }
}
