package vn.loa.node.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.control.ControlMessage.Heartbeat;
import vn.loa.wire.control.ControlMessage.Hello;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Refused;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.control.ControlMessage.Volume;
import vn.loa.wire.control.ControlMessage.Welcome;
import vn.loa.node.Await;
import vn.loa.node.FakeLoaServer;

class ControlChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<ControlMessage> commands = new LinkedBlockingQueue<>();
    private final FakeLoaServer server = new FakeLoaServer(hello -> new Welcome(1, "PCMU"));
    private ControlChannel channel;

    private final ControlHandler node = new ControlHandler() {
        @Override
        public void welcomed(Welcome welcome) {
            commands.add(welcome);
        }

        @Override
        public void command(ControlMessage command) {
            commands.add(command);
        }

        @Override
        public Heartbeat heartbeat() {
            return new Heartbeat("IDLE", 70, 12, 1, 2.5);
        }
    };

    @AfterEach
    void tearDown() throws Exception {
        if (channel != null) {
            channel.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private ControlChannel open(Duration firstRetry, Duration maxRetry) {
        ChannelSettings settings = ChannelSettings.of(ServerAddress.parse(server.url()), "loa-thon-dong-1", "s3cret",
                List.of("OPUS", "PCMU", "PCMA"), "0.1.0").withRetries(firstRetry, maxRetry, Duration.ofSeconds(30));
        channel = new ControlChannel(vertx, settings, 5004, node);
        return channel;
    }

    @Test
    void saysHelloWithItsIdTokenCodecsAndRtpPortThenSendsHeartbeatsOnceWelcomed() {
        server.start(0);
        open(Duration.ofMillis(50), Duration.ofMillis(200)).start();

        Hello hello = Await.next(server.received(), Hello.class, WAIT);
        assertThat(hello.nodeId()).isEqualTo("loa-thon-dong-1");
        assertThat(hello.token()).isEqualTo("s3cret");
        assertThat(hello.codecs()).containsExactly("OPUS", "PCMU", "PCMA");
        assertThat(hello.rtpPort()).isEqualTo(5004);
        assertThat(Await.next(commands, Welcome.class, WAIT).codec()).isEqualTo("PCMU");

        Heartbeat first = Await.next(server.received(), Heartbeat.class, WAIT);
        Heartbeat second = Await.next(server.received(), Heartbeat.class, WAIT);
        assertThat(first).isEqualTo(new Heartbeat("IDLE", 70, 12, 1, 2.5));
        assertThat(second).isEqualTo(first);
        assertThat(channel.state()).isEqualTo(ChannelState.ONLINE);
    }

    @Test
    void passesTheServersCommandsToTheNodeAndIgnoresFramesItCannotRead() {
        server.start(0);
        open(Duration.ofMillis(50), Duration.ofMillis(200)).start();
        Await.until(WAIT, "welcomed", () -> channel.state() == ChannelState.ONLINE);

        server.sendRaw("{not json");
        server.sendRaw("{\"type\":\"prefetch\",\"url\":\"https://example.org/a.opus\"}");
        server.send(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        server.send(new Volume(55));
        server.send(new Stop("42", "FINISHED"));

        assertThat(Await.next(commands, Play.class, WAIT).announcement()).isEqualTo("42");
        assertThat(Await.next(commands, Volume.class, WAIT).level()).isEqualTo(55);
        assertThat(Await.next(commands, Stop.class, WAIT).reason()).isEqualTo("FINISHED");
        assertThat(channel.state()).isEqualTo(ChannelState.ONLINE);
    }

    @Test
    void reconnectsWithBackoffWhenTheServerGoesAwayAndComesBack() {
        server.start(0);
        int port = server.port();
        open(Duration.ofMillis(20), Duration.ofMillis(200)).start();
        Await.until(WAIT, "first welcome", () -> channel.welcomes() == 1);

        server.stop();
        Await.until(WAIT, "the channel notices the loss", () -> channel.state() != ChannelState.ONLINE);
        server.start(port);

        Await.until(WAIT, "welcomed again", () -> channel.welcomes() == 2);
        assertThat(server.hellos()).hasSize(2);
        Await.next(server.received(), Heartbeat.class, WAIT);
    }

    @Test
    void keepsTryingWhileTheServerHasNeverBeenUp() {
        server.start(0);
        int port = server.port();
        server.stop();
        open(Duration.ofMillis(20), Duration.ofMillis(100)).start();
        Await.until(WAIT, "a failed attempt", () -> channel.state() == ChannelState.WAITING);

        server.start(port);
        Await.until(WAIT, "welcomed once the server is up", () -> channel.state() == ChannelState.ONLINE);
    }

    @Test
    void retriesSlowlyAfterARefusalUntilTheOperatorFixesTheToken() {
        server.answerWith(hello -> new Refused("mã bí mật không đúng / unknown node id or token"));
        server.start(0);
        open(Duration.ofMillis(10), Duration.ofMillis(600)).start();
        Await.until(WAIT, "refused", () -> channel.refusals() == 1);
        long refusedAt = System.nanoTime();
        server.answerWith(hello -> new Welcome(1, "OPUS"));

        Await.until(WAIT, "welcomed after the token was fixed", () -> channel.state() == ChannelState.ONLINE);
        long waitedMillis = (System.nanoTime() - refusedAt) / 1_000_000;
        assertThat(waitedMillis).as("a refusal waits near the ceiling, not the first retry").isGreaterThanOrEqualTo(250);
        assertThat(server.hellos()).hasSize(2);
    }

    @Test
    void keepsReportsMadeOfflineAndSendsThemOnceWelcomed() {
        server.start(0);
        open(Duration.ofMillis(20), Duration.ofMillis(100));
        channel.report(new Played("41", "PLAYED", 12_340, "recorded to 41.wav"));
        channel.start();

        Played played = Await.next(server.received(), Played.class, WAIT);
        assertThat(played.announcement()).isEqualTo("41");
        assertThat(played.millis()).isEqualTo(12_340);
    }
}
