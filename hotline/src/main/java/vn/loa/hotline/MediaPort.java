package vn.loa.hotline;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.wire.codec.ALaw;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.MalformedPacketException;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;

/**
 * One call's RTP: a UDP socket that receives the caller's G.711 audio and telephone events, and sends the voice menu
 * back to them in 20 ms packets. Two threads of its own (receive, play); {@link #close} stops both.
 */
final class MediaPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaPort.class);
    private static final int FRAME = 160;

    private final DatagramSocket socket;
    private final SplittableRandom random = new SplittableRandom();
    private volatile SessionDescription remote;
    /**
     * Where the caller's RTP comes from (symmetric RTP): behind a NAT that is not the address in their SDP, and the
     * voice menu must go back the way their audio came. Set by the first packet, then moved only by packets of the
     * same source (a NAT re-mapping), so a stray sender cannot take the call's audio.
     */
    private volatile InetSocketAddress latched;
    private long latchedSsrc = -1;
    private volatile Consumer<short[]> audio = samples -> { };
    private volatile DtmfDigits dtmf;
    private volatile short[] prompt;
    private volatile int promptAt;
    private volatile boolean open = true;
    private long malformed;

    MediaPort(String host) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(host, 0));
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Starts receiving and playing once the offer is known. */
    void start(SessionDescription offer, DtmfDigits digits, String name) {
        this.remote = offer;
        this.dtmf = digits;
        Thread receive = new Thread(this::receive, name + "-rtp-in");
        Thread play = new Thread(this::play, name + "-rtp-out");
        receive.setDaemon(true);
        play.setDaemon(true);
        receive.start();
        play.start();
    }

    /** Where the caller's decoded audio goes (the recording, then the live relay too). */
    void onAudio(Consumer<short[]> sink) {
        this.audio = sink;
    }

    /** Plays {@code samples} (8 kHz) to the caller from the start, cutting off whatever prompt was playing. */
    void say(short[] samples) {
        promptAt = 0;
        prompt = samples;
    }

    /** Stops the prompt at once (the caller pressed a key). */
    void hush() {
        prompt = null;
    }

    boolean speaking() {
        short[] p = prompt;
        return p != null && promptAt < p.length;
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (open) {
            try {
                socket.receive(datagram);
                RtpPacket packet = RtpPacketCodec.decode(buffer, 0, datagram.getLength());
                SessionDescription sd = remote;
                boolean expected = packet.payloadType() == sd.eventPayload() || packet.payloadType() == 0
                        || packet.payloadType() == 8;
                if (expected && (latched == null || packet.ssrc() == latchedSsrc)) {
                    latched = (InetSocketAddress) datagram.getSocketAddress();
                    latchedSsrc = packet.ssrc();
                }
                if (packet.payloadType() == sd.eventPayload()) {
                    dtmf.rtp(packet.timestamp(), packet.payload());
                } else if (packet.payloadType() == 0) {
                    audio.accept(MuLaw.decode(packet.payload()));
                } else if (packet.payloadType() == 8) {
                    audio.accept(ALaw.decode(packet.payload()));
                }
            } catch (MalformedPacketException e) {
                malformed++;
            } catch (IOException e) {
                if (open) {
                    LOG.warn("RTP receive failed on port {}", port(), e);
                }
                return;
            } catch (RuntimeException e) {
                LOG.warn("caller audio dropped on port {}", port(), e);
            }
        }
    }

    /** Sends 20 ms packets on a steady clock: the prompt while there is one, else comfort silence. */
    private void play() {
        long ssrc = random.nextLong() & 0xFFFFFFFFL;
        int sequence = random.nextInt(0x10000);
        long timestamp = random.nextLong() & 0xFFFFFFFFL;
        long next = System.nanoTime();
        short[] silence = new short[FRAME];
        while (open) {
            short[] p = prompt;
            short[] frame = silence;
            if (p != null && promptAt < p.length) {
                frame = java.util.Arrays.copyOfRange(p, promptAt, promptAt + FRAME);
                promptAt += FRAME;
            }
            SessionDescription sd = remote;
            byte[] payload = sd.payloadType() == 0 ? MuLaw.encode(frame) : ALaw.encode(frame);
            byte[] bytes = RtpPacketCodec.encode(new RtpPacket(false, sd.payloadType(), sequence, timestamp, ssrc,
                    payload));
            try {
                InetSocketAddress to = latched;
                socket.send(new DatagramPacket(bytes, bytes.length, to != null ? to : sd.media()));
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
            sequence = (sequence + 1) & 0xFFFF;
            timestamp = (timestamp + FRAME) & 0xFFFFFFFFL;
            next += 20_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -200_000_000L) {
                next = System.nanoTime(); // stalled: start a fresh clock rather than burst
            }
        }
    }

    long malformed() {
        return malformed;
    }

    InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public void close() {
        open = false;
        socket.close();
    }
}
