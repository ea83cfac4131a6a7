package vn.loa.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.wire.control.ControlMessage.Hello;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.control.ControlMessage.Welcome;
import vn.loa.wire.codec.G711Encoder;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.SrtpSender;
import vn.loa.wire.srtp.StreamRollover;
import vn.loa.node.control.ChannelState;
import vn.loa.node.control.ServerAddress;

/**
 * An agent that joins an SRTP zone stream after its sequence number wrapped past 65535 decrypts it from the play
 * command's position; it never saw the packets that counted the wrap.
 */
class SrtpLateJoinTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long SSRC = 0x1A7EL;
    private static final AgentTuning FAST = new AgentTuning(Duration.ofMillis(60), Duration.ofMillis(300),
            Duration.ofMillis(300), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(30));

    @TempDir
    Path recordings;

    @Test
    void anAgentJoiningAfterTheSequenceWrappedRecordsTheRestOfTheAnnouncement() throws Exception {
        SrtpMasterKey key = SrtpMasterKey.generate();
        SrtpSender zone = new SrtpSender(key);
        G711Encoder encoder = G711Encoder.muLaw();
        RtpPacketizer packetizer = new RtpPacketizer(0, SSRC, 65_400, 0);
        // The zone's stream ran 200 packets before this node joined: 136 before the wrap, 64 after it.
        for (int i = 0; i < 200; i++) {
            zone.protect(packetizer.packetize(encoder.encode(new short[160]), 160));
        }
        StreamRollover position = zone.position(SSRC);
        assertThat(position.rolloverCounter()).isEqualTo(1);

        try (FakeLoaServer server = new FakeLoaServer(hello -> new Welcome(1, "PCMU", key.inline())).start(0)) {
            NodeAgent agent = NodeAgent.start(new AgentOptions(ServerAddress.parse(server.url()), "loa-muon", "s3cret",
                    recordings, 0, 80), FAST).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try {
                int rtpPort = Await.next(server.received(), Hello.class, WAIT).rtpPort();
                Await.until(WAIT, "welcomed", () -> agent.channel().state() == ChannelState.ONLINE);
                // Handed to the agent as its channel would, but at once: RTP must not race the play here.
                agent.command(new Play("77", "thon-muon", "PCMU", 0, 8000, SSRC, position.rolloverCounter(),
                        position.sequence()));
                short[] signal = tone(8000);
                try (DatagramSocket socket = new DatagramSocket()) {
                    for (int n = 0; n < 50; n++) {
                        short[] frame = Arrays.copyOfRange(signal, n * 160, n * 160 + 160);
                        byte[] srtp = zone.protect(packetizer.packetize(encoder.encode(frame), 160));
                        socket.send(new DatagramPacket(srtp, srtp.length, InetAddress.getLoopbackAddress(), rtpPort));
                        Thread.sleep(20);
                    }
                }
                Await.until(WAIT, "all 50 packets taken in", () -> agent.reception().received() == 50);
                server.send(new Stop("77", "FINISHED"));

                Played played = Await.next(server.received(), Played.class, WAIT);
                assertThat(played.outcome()).isEqualTo("PLAYED");
                assertThat(agent.reception().malformed()).as("packets that failed to decrypt").isZero();
                assertThat(readWav(onlyFile("77-"))).containsExactly(MuLaw.decode(MuLaw.encode(signal)));
            } finally {
                agent.close();
            }
        }
    }

    private static short[] tone(int samples) {
        short[] signal = new short[samples];
        for (int i = 0; i < samples; i++) {
            signal[i] = (short) (9000 * Math.sin(2 * Math.PI * 523 * i / 8000.0) * (0.6 + 0.4 * Math.sin(i / 900.0)));
        }
        return signal;
    }

    private Path onlyFile(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(recordings)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static short[] readWav(Path path) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(path.toFile())) {
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        }
    }
}
