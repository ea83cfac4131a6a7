package vn.loa.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.wire.control.ControlMessage.Heartbeat;
import vn.loa.wire.control.ControlMessage.Hello;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.control.ControlMessage.Volume;
import vn.loa.wire.control.ControlMessage.Welcome;
import vn.loa.wire.codec.G711Encoder;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.node.control.ChannelState;
import vn.loa.node.control.ServerAddress;

/** The whole agent against a fake server and a real-time PCMU sender over loopback, recording to WAV. */
class NodeAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AgentTuning FAST = new AgentTuning(Duration.ofMillis(60), Duration.ofMillis(300),
            Duration.ofMillis(300), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(30));

    @TempDir
    Path recordings;

    private final FakeLoaServer server = new FakeLoaServer(hello -> new Welcome(1, "PCMU")).start(0);
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private NodeAgent agent;
    private int rtpPort;

    @BeforeEach
    void startAgent() throws Exception {
        AgentOptions options = new AgentOptions(ServerAddress.parse(server.url()), "loa-thon-dong-1", "s3cret",
                recordings, 0, 80);
        agent = NodeAgent.start(options, FAST).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Hello hello = Await.next(server.received(), Hello.class, WAIT);
        rtpPort = hello.rtpPort();
        Await.until(WAIT, "welcomed", () -> agent.channel().state() == ChannelState.ONLINE);
    }

    @AfterEach
    void stop() {
        pacer.shutdownNow();
        agent.close();
        server.close();
    }

    @Test
    void recordsAnAnnouncementBetweenPlayAndStopAsAWavFileHoldingTheSignalItWasSent() throws Exception {
        assertThat(rtpPort).isEqualTo(agent.rtpPort());
        short[] signal = speechLikeSignal(8000);
        server.send(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        sendPcmu(signal, Set.of());
        drained();
        server.send(new Stop("42", "FINISHED"));

        Played played = Await.next(server.received(), Played.class, WAIT);
        assertThat(played.announcement()).isEqualTo("42");
        assertThat(played.outcome()).isEqualTo("PLAYED");
        assertThat(played.millis()).isEqualTo(1000);

        short[] recorded = readWav(onlyFile("42-"));
        assertThat(recorded).containsExactly(MuLaw.decode(MuLaw.encode(signal)));
        assertThat(correlation(signal, recorded)).isGreaterThan(0.99);

        Heartbeat beat = nextHeartbeatWith(h -> h.packetsReceived() == 50);
        assertThat(beat.packetsLost()).isZero();
        assertThat(beat.state()).isEqualTo("IDLE");
    }

    @Test
    void aLostPacketBecomesTwentyMillisecondsOfSilenceAndTheDurationStaysRight() throws Exception {
        short[] signal = speechLikeSignal(8000);
        server.send(new Play("43", "thon-dong", "PCMU", 0, 8000, 0));
        sendPcmu(signal, Set.of(10));
        drained();
        server.send(new Stop("43", "FINISHED"));

        Played played = Await.next(server.received(), Played.class, WAIT);
        assertThat(played.millis()).isEqualTo(1000);
        assertThat(played.detail()).contains("1 gói mất / packets lost");
        short[] recorded = readWav(onlyFile("43-"));
        short[] expected = MuLaw.decode(MuLaw.encode(signal));
        java.util.Arrays.fill(expected, 1600, 1760, (short) 0);
        assertThat(recorded).containsExactly(expected);
        assertThat(nextHeartbeatWith(h -> h.packetsReceived() == 49).packetsLost()).isEqualTo(1);
    }

    @Test
    void aPlayThatLosesTheRaceToItsFirstPacketsStillGetsTheWholeAnnouncementInOneFile() throws Exception {
        short[] signal = speechLikeSignal(8000);
        CountDownLatch sent = sendPcmuAsync(signal, Set.of());
        Await.until(WAIT, "audio is being recorded", agent::playingNow);
        server.send(new Play("46", "thon-dong", "PCMU", 0, 8000, 0));
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        drained();
        server.send(new Stop("46", "FINISHED"));

        Played played = Await.next(server.received(), Played.class, WAIT);
        assertThat(played.outcome()).isEqualTo("PLAYED");
        assertThat(played.millis()).isEqualTo(1000);
        assertThat(readWav(onlyFile("46-"))).containsExactly(MuLaw.decode(MuLaw.encode(signal)));
        assertThat(fileCount("stream-")).isZero();
    }

    @Test
    void audioThatComesWithNoPlayIsRecordedAsAStreamAndClosedAfterItsSilence() throws Exception {
        short[] signal = speechLikeSignal(4000);
        sendPcmu(signal, Set.of());

        Await.until(WAIT, "the stream's file is closed", () -> !agent.playingNow() && fileCount("stream-") == 1);
        assertThat(readWav(onlyFile("stream-"))).containsExactly(MuLaw.decode(MuLaw.encode(signal)));
        assertThat(server.received()).noneMatch(Played.class::isInstance);
    }

    @Test
    void reportsPlayingAndTheVolumeTheServerSetInItsHeartbeats() throws Exception {
        server.send(new Volume(35));
        server.send(new Play("44", "thon-dong", "PCMU", 0, 8000, 0));
        CountDownLatch sent = sendPcmuAsync(speechLikeSignal(8000 * 3), Set.of());

        Heartbeat playing = nextHeartbeatWith(h -> "PLAYING".equals(h.state()));
        assertThat(playing.volume()).isEqualTo(35);
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        drained();
        server.send(new Stop("44", "FINISHED"));
        assertThat(Await.next(server.received(), Played.class, WAIT).millis()).isEqualTo(3000);
    }

    @Test
    void reconnectsAfterTheServerGoesDownMidBroadcastAndStillFinishesTheRecording() throws Exception {
        int port = server.port();
        server.send(new Play("45", "thon-dong", "PCMU", 0, 8000, 0));
        CountDownLatch sent = sendPcmuAsync(speechLikeSignal(8000 * 2), Set.of());
        Await.until(WAIT, "recording", agent::playingNow);

        server.stop();
        Await.until(WAIT, "the agent notices", () -> agent.channel().state() != ChannelState.ONLINE);
        server.start(port);
        Await.until(WAIT, "welcomed again", () -> agent.channel().welcomes() == 2);
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        drained();
        server.send(new Stop("45", "FINISHED"));

        Played played = Await.next(server.received(), Played.class, WAIT);
        assertThat(played.outcome()).isEqualTo("PLAYED");
        assertThat(played.millis()).isEqualTo(2000);
    }

    // --- a real-time PCMU sender, as the server's pacer would send ---

    private void sendPcmu(short[] signal, Set<Integer> skipped) throws InterruptedException {
        assertThat(sendPcmuAsync(signal, skipped).await(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Sends 20 ms packets every 20 ms from a random sequence and timestamp; the latch opens after the last. */
    private CountDownLatch sendPcmuAsync(short[] signal, Set<Integer> skipped) {
        G711Encoder encoder = G711Encoder.muLaw();
        RtpPacketizer packetizer = new RtpPacketizer(0, 0x10A, 65_500, 4_294_960_000L);
        int packets = signal.length / 160;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        DatagramSocket socket;
        try {
            socket = new DatagramSocket();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        pacer.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= packets) {
                if (n == packets) {
                    socket.close();
                    done.countDown();
                }
                return;
            }
            short[] frame = java.util.Arrays.copyOfRange(signal, n * 160, n * 160 + 160);
            byte[] datagram = RtpPacketCodec.encode(packetizer.packetize(encoder.encode(frame), 160));
            if (!skipped.contains(n)) {
                try {
                    socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
                            rtpPort));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        return done;
    }

    /** Two tones that wander in level, so that a shifted or scrambled recording cannot correlate by chance. */
    private static short[] speechLikeSignal(int samples) {
        short[] signal = new short[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / 8000.0;
            double envelope = 0.5 + 0.4 * Math.sin(2 * Math.PI * 3 * t);
            signal[i] = (short) (12_000 * envelope * (Math.sin(2 * Math.PI * 440 * t) + 0.5 * Math.sin(2 * Math.PI
                    * 1130 * t)) / 1.5);
        }
        return signal;
    }

    private Heartbeat nextHeartbeatWith(java.util.function.Predicate<Heartbeat> condition) {
        while (true) {
            Heartbeat beat = Await.next(server.received(), Heartbeat.class, WAIT);
            if (condition.test(beat)) {
                return beat;
            }
        }
    }

    private static double correlation(short[] a, short[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private Path onlyFile(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(recordings)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(matching).hasSize(1);
            assertThat(matching.get(0).getFileName().toString()).matches(prefix + "\\d{8}-\\d{6}\\.wav");
            return matching.get(0);
        }
    }

    private long fileCount(String prefix) {
        try (Stream<Path> files = Files.list(recordings)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static short[] readWav(Path path) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(path.toFile())) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
            assertThat(in.getFormat().getChannels()).isEqualTo(1);
            assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        }
    }

    /**
     * Waits until the agent has taken in every datagram already sent (its reception count stops growing), as the
     * server's stop follows the last packet over a real network; on a loaded machine the socket may still hold some.
     */
    private void drained() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        long seen = -1;
        while (System.currentTimeMillis() < deadline) {
            long now = agent.reception().received() + agent.reception().foreign() + agent.reception().malformed();
            if (now == seen) {
                return;
            }
            seen = now;
            Thread.sleep(200);
        }
    }
}
